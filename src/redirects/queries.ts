// Reading the redirects table for the newsroom: newest first, paged by key (an import leaves
// 100,000 rows; a page reads its 50 from the primary key, never an OFFSET), searched by a part
// of either address, and filtered by who made the rows.
import { sql, type Kysely } from 'kysely';
import { toDate } from '../core/db/dialect.ts';
import type { Database, RedirectsTable } from '../core/db/schema.ts';

type Db = Kysely<Database>;

/** Rows per page of the list. */
export const PAGE_SIZE = 50;
export const ORIGINS = ['manual', 'k2', 'wxr'] as const;
export type Origin = RedirectsTable['origin'];

/** A redirect as the newsroom shows it. */
export interface Redirect {
  readonly id: number;
  readonly fromPath: string;
  readonly toPath: string;
  readonly edition: string | null;
  readonly origin: Origin;
  readonly updatedAt: Date;
}

/** What the list asks for. */
export interface RedirectFilter {
  /** A part of the old or new address ('' for all), matched without regard to case. */
  readonly search: string;
  readonly origin?: Origin;
  /** The keyset cursor: rows with a smaller id than this. */
  readonly before?: number;
  /** Editions the reader manages; null for all (administrators). Rows without an edition show to all. */
  readonly editions: readonly string[] | null;
}

function toRedirect(row: {
  id: number;
  from_path: string;
  to_path: string;
  edition: string | null;
  origin: Origin;
  updated_at: Date | string;
}): Redirect {
  return {
    id: row.id,
    fromPath: row.from_path,
    toPath: row.to_path,
    edition: row.edition,
    origin: row.origin,
    updatedAt: toDate(row.updated_at),
  };
}

const COLUMNS = ['id', 'from_path', 'to_path', 'edition', 'origin', 'updated_at'] as const;

/** A page of redirects, newest first, and the cursor of the next page (undefined at the end). */
export async function listRedirects(
  db: Db,
  filter: RedirectFilter,
): Promise<{ rows: Redirect[]; next: number | undefined }> {
  const pattern = `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .selectFrom('redirects')
    .select(COLUMNS)
    .$if(filter.search !== '', (q) =>
      q.where((eb) =>
        eb.or([
          sql<boolean>`lower(from_path) like ${pattern} escape '\\'`,
          sql<boolean>`lower(to_path) like ${pattern} escape '\\'`,
        ]),
      ),
    )
    .$if(filter.origin !== undefined, (q) => q.where('origin', '=', filter.origin!))
    .$if(filter.before !== undefined, (q) => q.where('id', '<', filter.before!))
    .$if(filter.editions !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('edition', 'is', null),
          ...(filter.editions!.length > 0 ? [eb('edition', 'in', filter.editions!)] : []),
        ]),
      ),
    )
    .orderBy('id', 'desc')
    .limit(PAGE_SIZE + 1)
    .execute();
  const page = rows.slice(0, PAGE_SIZE).map(toRedirect);
  return { rows: page, next: rows.length > PAGE_SIZE ? page[page.length - 1]!.id : undefined };
}

/** One redirect by id. */
export async function findRedirect(db: Db, id: number): Promise<Redirect | undefined> {
  const row = await db.selectFrom('redirects').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toRedirect(row) : undefined;
}
