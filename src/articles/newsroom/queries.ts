// What the newsroom's article pages read: the list (filters, a search of titles and slugs, newest
// change first, keyset pages on (updated_at, id) so page 500 costs what page 1 does), one article
// with its tags, the choices of its form, its revisions and status history, and its translations.
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { toDate, toDbTime } from '../../core/db/dialect.ts';
import type { ArticleRow, ArticleStatus, Database } from '../../core/db/schema.ts';
import {
  LOOKAHEAD,
  prepareTitleSearch,
  readsById,
  SHORT_QUERY_WINDOW,
  titleContains,
  type TitleSearch,
} from './title-search.ts';

type Db = Kysely<Database>;

export const PAGE_SIZE = 30;

export interface ListFilters {
  readonly editions: readonly string[];
  readonly status?: ArticleStatus | 'scheduled';
  readonly categoryId?: number;
  readonly ownerId?: number;
  /** Text the title or slug contains, any case (see title-search.ts). */
  readonly q?: string;
  /** The last row of the previous page. */
  readonly after?: { readonly updatedAt: string; readonly id: number };
}

export interface ListedArticle {
  readonly id: number;
  readonly edition: string;
  readonly title: string;
  readonly status: ArticleStatus;
  readonly publishedAt: Date | null;
  readonly updatedAt: Date;
  readonly updatedAtText: string;
  readonly ownerName: string | null;
  readonly categoryName: string;
}

/**
 * One page of the list, and whether there is another. Several editions are read one range each
 * (an index walk per edition that stops at the page's end) and merged here: `edition IN (…)`
 * ordered by time made SQLite sort the whole archive (1.4 s at 100,000 stories).
 */
export async function listArticles(
  db: Db,
  f: ListFilters,
  now: Date,
): Promise<{ rows: ListedArticle[]; more: boolean }> {
  if (f.editions.length === 0) return { rows: [], more: false };
  // Once for all editions: SQLite's first read of the matches is the same for each.
  const search = f.q ? await prepareTitleSearch(db, f.q) : undefined;
  if (search?.by === 'ids' && search.ids.length === 0) return { rows: [], more: false };
  const perEdition = await Promise.all(
    f.editions.map((edition) => listInEdition(db, { ...f, editions: [edition] }, search, now)),
  );
  const merged = perEdition
    .flat()
    .sort((a, b) => b.updatedAtText.localeCompare(a.updatedAtText) || b.id - a.id)
    .slice(0, PAGE_SIZE + 1);
  return { more: merged.length > PAGE_SIZE, rows: merged.slice(0, PAGE_SIZE) };
}

/** Up to a page and one more of one edition's list (f.editions holds that one edition). */
async function listInEdition(
  db: Db,
  f: ListFilters,
  search: TitleSearch | undefined,
  now: Date,
): Promise<ListedArticle[]> {
  let query = filtered(db, f, now, readsById(search))
    .innerJoin('categories as c', 'c.id', 'a.category_id')
    .leftJoin('users as u', 'u.id', 'a.created_by')
    .select(LISTED_COLUMNS);
  if (f.after) query = query.where(olderThan(f.after));
  if (search) query = query.where(titleContains(db, search));
  const page = async (q: typeof query) =>
    (
      await q
        .orderBy('a.updated_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(PAGE_SIZE + 1)
        .execute()
    ).map(toListed);
  if (search?.by !== 'pattern') return page(query);
  if (search.window) {
    // Counted from the top of the list, so that every page looks through the same articles.
    const last = await nthArticle(db, { ...f, after: undefined }, now, SHORT_QUERY_WINDOW);
    return page(last ? query.where(notOlderThan(last)) : query);
  }
  // PostgreSQL (see title-search.ts): the next LOOKAHEAD articles one by one; when they hold less
  // than a page, every match through the index.
  const last = await nthArticle(db, f, now, LOOKAHEAD);
  if (!last) return page(query);
  const recent = await page(query.where(notOlderThan(last)));
  return recent.length > PAGE_SIZE ? recent : pageOfIndexMatches(db, f, search, now);
}

const LISTED_COLUMNS = [
  'a.id',
  'a.edition',
  'a.title',
  'a.status',
  'a.published_at',
  'a.updated_at',
  'u.display_name as owner_name',
  'c.name as category_name',
] as const;

/**
 * Up to a page and one more of one edition's list from every match of PostgreSQL's index, read
 * first with what the page shows (a materialized CTE, sorted by its own columns): however many
 * matches the planner expects, it can neither walk the list instead, through an edition that
 * has none, nor join the matches back to the whole table.
 */
async function pageOfIndexMatches(db: Db, f: ListFilters, search: TitleSearch, now: Date): Promise<ListedArticle[]> {
  let matches = filtered(db, f, now, false)
    .select([
      'a.id',
      'a.edition',
      'a.title',
      'a.status',
      'a.published_at',
      'a.updated_at',
      'a.category_id',
      'a.created_by',
    ])
    .where(titleContains(db, search));
  if (f.after) matches = matches.where(olderThan(f.after));
  const rows = await db
    .with(
      (cte) => cte('m').materialized(),
      () => matches,
    )
    .selectFrom('m')
    .innerJoin('categories as c', 'c.id', 'm.category_id')
    .leftJoin('users as u', 'u.id', 'm.created_by')
    .select([
      'm.id',
      'm.edition',
      'm.title',
      'm.status',
      'm.published_at',
      'm.updated_at',
      'u.display_name as owner_name',
      'c.name as category_name',
    ])
    .orderBy('m.updated_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(PAGE_SIZE + 1)
    .execute();
  return rows.map(toListed);
}

function toListed(r: {
  id: number;
  edition: string;
  title: string;
  status: ArticleStatus;
  published_at: Date | string | null;
  updated_at: Date | string;
  owner_name: string | null;
  category_name: string;
}): ListedArticle {
  return {
    id: r.id,
    edition: r.edition,
    title: r.title,
    status: r.status,
    publishedAt: r.published_at === null ? null : toDate(r.published_at),
    updatedAt: toDate(r.updated_at),
    updatedAtText: timeText(r.updated_at),
    ownerName: r.owner_name,
    categoryName: r.category_name,
  };
}

/** One edition's articles that pass the list's filters (f.editions holds that one edition). */
function filtered(db: Db, f: ListFilters, now: Date, byId: boolean) {
  // When the search's matches are read by id, `+` keeps the filters off the indexes: SQLite keeps
  // no statistics, takes `edition = ?` for a handful of rows, and would walk the whole edition
  // checking each row's id against the matches.
  const column = <T>(name: string) => (byId ? sql<T>`+${sql.ref(name)}` : sql<T>`${sql.ref(name)}`);
  let query = db.selectFrom('articles as a').where(column<string>('a.edition'), '=', f.editions[0]!);
  if (f.status === 'scheduled')
    query = query.where(column<string>('a.status'), '=', 'published').where('a.published_at', '>', toDbTime(now));
  else if (f.status) query = query.where(column<string>('a.status'), '=', f.status);
  if (f.categoryId !== undefined) query = query.where(column<number>('a.category_id'), '=', f.categoryId);
  if (f.ownerId !== undefined) query = query.where(column<number>('a.created_by'), '=', f.ownerId);
  return query;
}

type Key = { readonly updatedAt: string; readonly id: number };
type ListExpressions = ExpressionBuilder<Database & { a: Database['articles'] }, 'a'>;

// Row values, so that PostgreSQL bounds its walk of the list's index by them too, not only
// filters the rows it walks (SQLite does either way).
/** Articles after `key` in the list's order. */
const olderThan = (key: Key) => (eb: ListExpressions) =>
  eb(eb.refTuple('a.updated_at', 'a.id'), '<', eb.tuple(key.updatedAt, key.id));

/** Articles up to `key` in the list's order, itself included. */
const notOlderThan = (key: Key) => (eb: ListExpressions) =>
  eb(eb.refTuple('a.updated_at', 'a.id'), '>=', eb.tuple(key.updatedAt, key.id));

/**
 * The n-th article of one edition's list (after f.after, when given), where a look through a
 * bounded number of articles stops; none when fewer remain. Read from the list's index alone.
 */
async function nthArticle(db: Db, f: ListFilters, now: Date, n: number): Promise<Key | undefined> {
  let query = filtered(db, f, now, false).select(['a.updated_at', 'a.id']);
  if (f.after) query = query.where(olderThan(f.after));
  const row = await query
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(1)
    .offset(n - 1)
    .executeTakeFirst();
  return row && { updatedAt: timeText(row.updated_at), id: row.id };
}

/** A time column as the text the list's keys compare with (ISO 8601, UTC). */
function timeText(value: Date | string): string {
  return value instanceof Date ? toDbTime(value) : value;
}

export async function findArticle(db: Db, id: number): Promise<(ArticleRow & { tags: string[] }) | undefined> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const tags = await db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select('tags.name')
    .where('article_tags.article_id', '=', id)
    .orderBy('tags.name')
    .execute();
  return { ...row, tags: tags.map((t) => t.name) };
}

export interface FormChoices {
  readonly categories: readonly { id: number; name: string; depth: number }[];
  readonly authors: readonly { id: number; name: string }[];
  readonly tags: readonly string[];
}

/** Sections (as a tree), people who can be named in a byline, and the edition's tags for typeahead. */
export async function formChoices(db: Db, edition: string): Promise<FormChoices> {
  const [categories, authors, tags] = await Promise.all([
    db
      .selectFrom('categories')
      .select(['id', 'name', 'parent_id', 'position'])
      .where('edition', '=', edition)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('is_active', '=', 1)
      .where('role', '!=', 'integrity_officer')
      .orderBy('display_name')
      .execute(),
    db.selectFrom('tags').select('name').where('edition', '=', edition).orderBy('name').limit(2000).execute(),
  ]);
  const children = new Map<number | null, typeof categories>();
  for (const c of categories) children.set(c.parent_id, [...(children.get(c.parent_id) ?? []), c]);
  const tree: { id: number; name: string; depth: number }[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      tree.push({ id: c.id, name: c.name, depth });
      if (depth < 8) walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return {
    categories: tree,
    authors: authors.map((a) => ({ id: a.id, name: a.display_name })),
    tags: tags.map((t) => t.name),
  };
}

export interface Revision {
  readonly id: number;
  readonly version: number;
  readonly at: Date;
  readonly actorName: string | null;
  readonly snapshot: Record<string, unknown>;
}

export async function listRevisions(db: Db, articleId: number): Promise<Revision[]> {
  const rows = await db
    .selectFrom('article_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.actor_id')
    .select(['r.id', 'r.version', 'r.created_at', 'r.snapshot', 'u.display_name'])
    .where('r.article_id', '=', articleId)
    .orderBy('r.version', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    at: toDate(r.created_at),
    actorName: r.display_name,
    snapshot: JSON.parse(r.snapshot) as Record<string, unknown>,
  }));
}

export interface StatusStep {
  readonly from: string | null;
  readonly to: string;
  readonly at: Date;
  readonly actorName: string | null;
  readonly comment: string;
}

export async function statusHistory(db: Db, articleId: number): Promise<StatusStep[]> {
  const rows = await db
    .selectFrom('article_status_log as s')
    .leftJoin('users as u', 'u.id', 's.actor_id')
    .select(['s.from_status', 's.to_status', 's.at', 's.comment', 'u.display_name'])
    .where('s.article_id', '=', articleId)
    .orderBy('s.id', 'desc')
    .limit(100)
    .execute();
  return rows.map((r) => ({
    from: r.from_status,
    to: r.to_status,
    at: toDate(r.at),
    actorName: r.display_name,
    comment: r.comment,
  }));
}

export interface TranslationEntry {
  readonly id: number;
  readonly edition: string;
  readonly title: string;
  readonly status: ArticleStatus;
  /** Its source changed after it was last saved against it. */
  readonly outOfDate: boolean;
}

/** The other editions' versions of an article (any status), each marked when behind its source. */
export async function listTranslations(
  db: Db,
  article: Pick<ArticleRow, 'id' | 'translation_group'>,
): Promise<TranslationEntry[]> {
  const rows = await db
    .selectFrom('articles as t')
    .leftJoin('articles as s', 's.id', 't.translated_from')
    .select(['t.id', 't.edition', 't.title', 't.status', 't.translated_from_version', 's.version as source_version'])
    .where('t.translation_group', '=', article.translation_group)
    .where('t.id', '!=', article.id)
    .orderBy('t.edition')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    edition: r.edition,
    title: r.title,
    status: r.status,
    outOfDate: r.source_version != null && (r.translated_from_version ?? 0) < r.source_version,
  }));
}
