// Searching published articles with a cost that does not grow with the archive: the index finds
// the newest MATCH_CAP matches (one more, to know there are more), ranks them and returns one
// page; the articles table then gives that page's stories, checked against the one "published"
// rule, so a story is shown only from its minute on.
import type { Kysely } from 'kysely';
import type { Database } from '../core/db/schema.ts';
import { isPublished, SUMMARY_COLUMNS, toArticleSummary, type ArticleSummary } from '../articles/index.ts';
import { findMatchesOf, type MatchQuery } from './engine.ts';
import type { SearchQuery } from './text.ts';

type Db = Kysely<Database>;

/** How many of the newest matches a search ranks and counts; past it, the page says "more than". */
export const MATCH_CAP = 1000;

/** What to search for and where; the query must have at least one term. */
export interface SearchFilter {
  edition: string;
  now: Date;
  query: SearchQuery;
  /** A section and its subsections. */
  categoryIds?: readonly number[];
  /** Published at or after this instant. */
  from?: Date;
  /** Published before this instant. */
  before?: Date;
}

/** A found story with the original text its snippet is made from. */
export interface SearchHit {
  readonly article: ArticleSummary;
  readonly bodyHtml: string;
}

/** One page of results. */
export interface SearchPageResult {
  /** Matches counted, at most `cap`. */
  readonly total: number;
  /** Whether there are more than `total` matches (only the newest `total` are ranked). */
  readonly isCapped: boolean;
  /** The query the hits matched: its last word is read as a beginning only when no whole word matched. */
  readonly matchedQuery: SearchQuery;
  readonly hits: readonly SearchHit[];
}

/**
 * One page of matching stories, best first (see engine.ts for the order), among the newest `cap`.
 * Whole words first: the last word is tried as the beginning of longer words ("harb" for
 * "harbour") only when the whole words match nothing, as reading every word that starts with
 * a common beginning costs as much as the archive is large.
 */
export async function searchArticles(
  db: Db,
  f: SearchFilter,
  page: { limit: number; offset: number; cap?: number },
): Promise<SearchPageResult> {
  const window = { cap: page.cap ?? MATCH_CAP, limit: page.limit, offset: page.offset };
  const findMatches = findMatchesOf(db);
  let matchedQuery: SearchQuery = Object.assign({}, f.query, { isPrefixLast: false });
  let matches = await findMatches(db, toMatchQuery(f, matchedQuery), window);
  // With every word read as a beginning already (compounds), a second try would be the same.
  if (matches.total === 0 && f.query.isPrefixLast && !f.query.isPrefixEvery) {
    matchedQuery = f.query;
    matches = await findMatches(db, toMatchQuery(f, matchedQuery), window);
  }
  return {
    total: Math.min(matches.total, window.cap),
    isCapped: matches.total > window.cap,
    matchedQuery,
    hits: await findHits(db, f.now, matches.articleIds),
  };
}

/** How many published stories match, counted up to MATCH_CAP + 1 (the count a page shows, plus "more"). */
export async function countSearchResults(db: Db, f: SearchFilter): Promise<number> {
  const found = await searchArticles(db, f, { limit: 0, offset: 0 });
  return found.total + (found.isCapped ? 1 : 0);
}

function toMatchQuery(f: SearchFilter, query: SearchQuery): MatchQuery {
  return {
    edition: f.edition,
    now: f.now,
    terms: query.terms,
    isPrefixLast: query.isPrefixLast,
    ...(query.isPrefixEvery ? { isPrefixEvery: true } : {}),
    ...(f.categoryIds ? { categoryIds: f.categoryIds } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.before ? { before: f.before } : {}),
  };
}

/** The stories of one page, in the page's order; one the index still holds but is no longer published is left out. */
async function findHits(db: Db, now: Date, articleIds: readonly number[]): Promise<SearchHit[]> {
  if (articleIds.length === 0) return [];
  const rows = await db
    .selectFrom('article_search as found')
    // CROSS JOIN keeps this order on SQLite (which has no statistics to go by): the page's ids
    // look their stories up. As an inner join it walked every published story's index entry
    // instead (25 ms on 100,000). PostgreSQL plans it as the inner join it is.
    .crossJoin('articles')
    .whereRef('articles.id', '=', 'found.article_id')
    .innerJoin('categories', 'categories.id', 'articles.category_id')
    .leftJoin('media', 'media.id', 'articles.featured_media_id')
    .select([...SUMMARY_COLUMNS, 'articles.body_html'])
    .where('found.article_id', 'in', articleIds)
    .where(isPublished(now))
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return articleIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ article: toArticleSummary(row), bodyHtml: row.body_html }] : [];
  });
}
