// Where an old address leads now: a row of the redirects table (exact path, with its kept query
// first), else a K2 address of an imported site resolved by its numeric id through import_links to
// the article, section, tag or author page (a page of it for `?start=N`, a feed for `?format=feed`).
// One query per address whatever its shape: the table's unique index and, for a K2 address, one
// primary-key probe of import_links joined to its target, in the same statement.
import { sql, type Kysely } from 'kysely';
import { articlePath, categoryPath, tagPath } from '../articles/index.ts';
import { reusable } from '../core/db/compiled-query.ts';
import { toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import { feedPath } from '../seo/index.ts';
import { authorPath } from '../users/index.ts';
import { parseK2Address, type K2Address, type K2Kind, type K2Site } from './k2-urls.ts';
import { candidatesOf, parseOldAddress, type OldAddress } from './paths.ts';

type Db = Kysely<Database>;

/**
 * Stories per page of a section, tag or author list (articles/routes.tsx's PAGE_SIZE): a K2 list
 * page's `start` is turned into the page holding that story. redirects.test.ts checks it.
 */
export const LIST_PAGE_SIZE = 12;

/** Where an old address leads, and why. */
export type Resolution =
  | {
      readonly via: 'table';
      readonly location: string;
      readonly redirectId: number;
      readonly fromPath: string;
      readonly origin: string;
    }
  | { readonly via: 'k2'; readonly location: string; readonly k2: K2Address };

/** What the newsroom's "test an address" shows: also a K2 address that names nothing we have. */
export type Explanation =
  | Resolution
  | { readonly via: 'k2_unknown'; readonly k2: K2Address }
  | { readonly via: 'none' }
  | { readonly via: 'invalid' };

interface Row {
  r_id: number | null;
  from_path: string | null;
  to_path: string | null;
  origin: string | null;
  target_id: number | null;
  slug: string | null;
  edition: string | null;
}

/** The table's rows for the candidate paths (the from_path unique index). */
function tableQuery(db: Db, paths: readonly string[]) {
  return db
    .selectFrom('redirects')
    .select((eb) => [
      eb.ref('id').$castTo<number | null>().as('r_id'),
      eb.ref('from_path').$castTo<string | null>().as('from_path'),
      eb.ref('to_path').$castTo<string | null>().as('to_path'),
      eb.ref('origin').$castTo<string | null>().as('origin'),
      sql<number | null>`null`.as('target_id'),
      sql<string | null>`null`.as('slug'),
      sql<string | null>`null`.as('edition'),
    ])
    .where('from_path', 'in', paths);
}

const tableOnly = reusable((db: Db, x: { paths: readonly string[] }) => tableQuery(db, x.paths));

interface K2Args {
  paths: readonly string[];
  edition: string;
  sourceId: string;
  /** Items only: the time "published" is measured at. */
  now?: string;
}

/** The K2 record's import link of one kind (a primary-key probe). */
function linkQuery(db: Db, kind: K2Kind, x: K2Args) {
  return db
    .selectFrom('import_links as l')
    .where('l.edition', '=', x.edition)
    .where('l.system', '=', 'k2')
    .where('l.kind', '=', kind)
    .where('l.source_id', '=', x.sourceId);
}

const NO_ROW = [
  sql<number | null>`null`.as('r_id'),
  sql<string | null>`null`.as('from_path'),
  sql<string | null>`null`.as('to_path'),
  sql<string | null>`null`.as('origin'),
] as const;

/** The table's rows for the paths, and the K2 record's target, in one statement. */
const K2_QUERIES = {
  item: reusable((db: Db, x: K2Args) =>
    tableQuery(db, x.paths).unionAll(
      linkQuery(db, 'item', x)
        .innerJoin('articles as t', 't.id', 'l.target_id')
        .select((eb) => [
          ...NO_ROW,
          eb.ref('t.id').$castTo<number | null>().as('target_id'),
          eb.ref('t.slug').$castTo<string | null>().as('slug'),
          eb.ref('t.edition').$castTo<string | null>().as('edition'),
        ])
        // Only a story readers can open: a redirect must not tell a draft's or a scheduled story's slug.
        .where('t.status', '=', 'published')
        .where('t.published_at', '<=', x.now!),
    ),
  ),
  category: reusable((db: Db, x: K2Args) =>
    tableQuery(db, x.paths).unionAll(
      linkQuery(db, 'category', x)
        .innerJoin('categories as t', 't.id', 'l.target_id')
        .select((eb) => [
          ...NO_ROW,
          eb.ref('t.id').$castTo<number | null>().as('target_id'),
          eb.ref('t.slug').$castTo<string | null>().as('slug'),
          eb.ref('t.edition').$castTo<string | null>().as('edition'),
        ]),
    ),
  ),
  tag: reusable((db: Db, x: K2Args) =>
    tableQuery(db, x.paths).unionAll(
      linkQuery(db, 'tag', x)
        .innerJoin('tags as t', 't.id', 'l.target_id')
        .select((eb) => [
          ...NO_ROW,
          eb.ref('t.id').$castTo<number | null>().as('target_id'),
          eb.ref('t.slug').$castTo<string | null>().as('slug'),
          eb.ref('t.edition').$castTo<string | null>().as('edition'),
        ]),
    ),
  ),
  user: reusable((db: Db, x: K2Args) =>
    tableQuery(db, x.paths).unionAll(
      linkQuery(db, 'user', x)
        .innerJoin('users as t', 't.id', 'l.target_id')
        .select((eb) => [
          ...NO_ROW,
          eb.ref('t.id').$castTo<number | null>().as('target_id'),
          eb.ref('t.slug').$castTo<string | null>().as('slug'),
          // People belong to no edition: their page is the old site's edition's.
          sql<string | null>`null`.as('edition'),
        ]),
    ),
  ),
} as const;

/** Resolves old addresses; `sites` gives the imported K2 sites (in memory). */
export class RedirectResolver {
  constructor(
    private readonly db: Db,
    private readonly sites: () => Promise<readonly K2Site[]>,
    private readonly now: () => Date,
  ) {}

  /** Where a request target leads, or undefined (the 404 stands). */
  async resolve(target: string): Promise<Resolution | undefined> {
    const explained = await this.explain(target);
    return explained.via === 'table' || explained.via === 'k2' ? explained : undefined;
  }

  /** Where a request target leads, and by which rule. */
  async explain(target: string): Promise<Explanation> {
    const address = parseOldAddress(target);
    if (!address) return { via: 'invalid' };
    const paths = candidatesOf(address);
    const k2 = parseK2Address(address, await this.sites());
    const rows: Row[] = k2
      ? await K2_QUERIES[k2.kind].execute(this.db, {
          paths,
          edition: k2.edition,
          sourceId: k2.sourceId,
          ...(k2.kind === 'item' ? { now: toDbTime(this.now()) } : {}),
        })
      : await tableOnly.execute(this.db, { paths });
    const table = bestTableRow(rows, paths);
    if (table) {
      return {
        via: 'table',
        location: table.to_path!,
        redirectId: table.r_id!,
        fromPath: table.from_path!,
        origin: table.origin!,
      };
    }
    if (!k2) return { via: 'none' };
    const found = rows.find((r) => r.r_id === null && r.slug !== null);
    if (!found) return { via: 'k2_unknown', k2 };
    return { via: 'k2', k2, location: k2Location(found.edition ?? k2.edition, k2, found.target_id!, found.slug!) };
  }
}

/** The table row of the most specific candidate (with its query before the path alone). */
function bestTableRow(rows: readonly Row[], paths: readonly string[]): Row | undefined {
  for (const path of paths) {
    const row = rows.find((r) => r.r_id !== null && r.from_path === path);
    if (row) return row;
  }
  return undefined;
}

/** The page a K2 record became: a list's page holding item `start`, or a feed. */
function k2Location(edition: string, k2: K2Address, id: number, slug: string): string {
  if (k2.kind === 'item') return articlePath({ edition, id, slug });
  const list =
    k2.kind === 'category'
      ? categoryPath(edition, slug)
      : k2.kind === 'tag'
        ? tagPath(edition, slug)
        : authorPath(edition, slug);
  if (k2.feed) {
    // Sections have feeds of their own; tags and authors do not, so their old feeds get the edition's.
    return feedPath(k2.kind === 'category' ? list : `/${edition}`, k2.feed);
  }
  const page = Math.floor(k2.start / LIST_PAGE_SIZE) + 1;
  return page > 1 ? `${list}?page=${page}` : list;
}

export type { OldAddress };
