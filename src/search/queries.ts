// Searching published articles: the index finds and ranks, the articles table decides what is
// visible now (status and publication minute), so scheduled stories appear without reindexing.
import type { Kysely } from 'kysely';
import { toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import { isPublished, SUMMARY_COLUMNS, toArticleSummary, type ArticleSummary } from '../articles/index.ts';
import { searchEngineOf } from './engine.ts';
import type { SearchQuery } from './text.ts';

type Db = Kysely<Database>;

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

function matching(db: Db, f: SearchFilter) {
  const engine = searchEngineOf(db);
  return db
    .selectFrom('article_search')
    .innerJoin('articles', 'articles.id', 'article_search.article_id')
    .where(engine.matches(f.query))
    .where('articles.edition', '=', f.edition)
    .where(isPublished(f.now))
    .$if(f.categoryIds !== undefined, (q) =>
      q.where('articles.category_id', 'in', f.categoryIds!.length ? f.categoryIds! : [-1]),
    )
    .$if(f.from !== undefined, (q) => q.where('articles.published_at', '>=', toDbTime(f.from!)))
    .$if(f.before !== undefined, (q) => q.where('articles.published_at', '<', toDbTime(f.before!)));
}

/** How many published stories match. */
export async function countSearchResults(db: Db, f: SearchFilter): Promise<number> {
  const row = await matching(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One page of matching stories, best first (newest first among equals). */
export async function searchArticles(db: Db, f: SearchFilter, limit: number, offset: number): Promise<SearchHit[]> {
  const engine = searchEngineOf(db);
  const rows = await matching(db, f)
    .innerJoin('categories', 'categories.id', 'articles.category_id')
    .leftJoin('media', 'media.id', 'articles.featured_media_id')
    .select([...SUMMARY_COLUMNS, 'articles.body_html', engine.rank(f.query).as('rank')])
    .orderBy('rank')
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((row) => ({ article: toArticleSummary(row), bodyHtml: row.body_html }));
}
