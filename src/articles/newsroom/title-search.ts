// The newsroom list's search of titles and slugs: a substring anywhere, any case, in articles of
// every status (the public search index holds published stories only). Both engines index the
// trigrams (three characters in a row) of each title and slug (0018):
// - SQLite: a trigram FTS5 table. Up to MATCHES_READ of its matches are read first: when that is
//   all of them, the list reads those rows by id and sorts them; when there are more, the text is
//   common, and the list walks its own order checking each row against the matches, which fills
//   a page within a few rows.
// - PostgreSQL: GIN indexes of (edition, trigrams of lower(title) / lower(slug)), used by LIKE.
//   Its planner, which cannot know that a text common in one edition is absent from another,
//   would walk the second edition's whole list expecting a match every few rows (100 ms at
//   100,000 articles). So the list looks through its next LOOKAHEAD articles one by one, and
//   when they hold less than a page, reads every match of the edition through the index.
// One or two characters hold no trigram: such a query is matched against the newest
// SHORT_QUERY_WINDOW articles of the list only (the page says so), so its cost stays bounded.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { engineOf } from '../../core/db/dialect.ts';
import type { Database } from '../../core/db/schema.ts';

type Db = Kysely<Database>;

/**
 * How many matches SQLite reads before drawing the list. Reading n matches by id costs about n
 * rows; walking the list costs about a page × archive ÷ n rows: alike near √(30 × 100,000).
 */
export const MATCHES_READ = 2000;

/** How many of a list's newest articles a query too short for the indexes is matched against. */
export const SHORT_QUERY_WINDOW = 2000;

/** How many articles PostgreSQL's list looks through one by one before it turns to the index. */
export const LOOKAHEAD = 1000;

/** Whether a query is too short for the trigram indexes: under three characters (code points). */
export function isShortQuery(q: string): boolean {
  return [...q].length < 3;
}

/** How the list finds the articles whose title or slug contains the query. */
export type TitleSearch =
  /** SQLite, when the matches are few: all of them, read by id. */
  | { readonly by: 'ids'; readonly ids: readonly number[] }
  /** SQLite, when they are many: the FTS5 phrase each row of the list is checked against. */
  | { readonly by: 'index'; readonly phrase: string }
  /** A LIKE pattern: PostgreSQL's, or either engine's among the newest articles (window). */
  | { readonly by: 'pattern'; readonly pattern: string; readonly window: boolean };

/** Decides how to search for `q` (trimmed, not empty); on SQLite reads the first matches. */
export async function prepareTitleSearch(db: Db, q: string): Promise<TitleSearch> {
  // The user's % and _ are literal: escaped with \, the ESCAPE character (PostgreSQL's default).
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  if (isShortQuery(q)) return { by: 'pattern', pattern, window: true };
  if (engineOf(db) === 'postgres') return { by: 'pattern', pattern, window: false };
  // One quoted phrase (quotes doubled), which the trigram tokenizer turns into the query's
  // trigrams in a row: a substring, in any column. The tokenizer folds case itself.
  const phrase = `"${q.replaceAll('"', '""')}"`;
  const { rows } = await sql<{ id: number }>`select rowid as id from article_title_search
    where article_title_search match ${phrase} limit ${MATCHES_READ + 1}`.execute(db);
  return rows.length > MATCHES_READ ? { by: 'index', phrase } : { by: 'ids', ids: rows.map((r) => r.id) };
}

/** Whether the list must read its rows by id: then its filters must not use an index (see queries.ts). */
export function readsById(search: TitleSearch | undefined): boolean {
  return search?.by === 'ids';
}

/** The condition on `articles as a` that its title or slug contains the query. */
export function titleContains(db: Db, search: TitleSearch): Expression<SqlBool> {
  const id = sql.ref('a.id');
  const title = sql.ref('a.title');
  const slug = sql.ref('a.slug');
  switch (search.by) {
    case 'ids':
      return search.ids.length === 0 ? sql<SqlBool>`0 = 1` : sql<SqlBool>`${id} in (${sql.join(search.ids)})`;
    case 'index':
      // `+`: a check on each row the list's order walks to, never the rows to start from (the
      // matches are many; read by id and sorted, they would cost more than the walk).
      return sql<SqlBool>`+${id} in (select rowid from article_title_search
        where article_title_search match ${search.phrase})`;
    case 'pattern':
      // lower(): the expression PostgreSQL's indexes hold; SQLite's LIKE ignores ASCII case.
      return engineOf(db) === 'postgres'
        ? sql<SqlBool>`(lower(${title}) like lower(${search.pattern}) or lower(${slug}) like lower(${search.pattern}))`
        : sql<SqlBool>`(${title} like ${search.pattern} escape '\\' or ${slug} like ${search.pattern} escape '\\')`;
  }
}
