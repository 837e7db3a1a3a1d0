// Data access for ratings: the article a vote is for, the reader's vote and the article's
// running sum and count (the address's recent votes are in address-window.ts).
import type { Kysely } from 'kysely';
import { forUpdate, toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import { isPublished } from '../articles/index.ts';

type Db = Kysely<Database>;

/** What a vote needs to know about its article. */
export interface RateableArticle {
  readonly id: number;
  readonly edition: string;
  readonly slug: string;
  readonly title: string;
}

/** A published article of this edition ("published": status published and its minute has come). */
export async function findRateableArticle(
  db: Db,
  id: number,
  edition: string,
  now: Date,
): Promise<RateableArticle | undefined> {
  return db
    .selectFrom('articles')
    .select(['id', 'edition', 'slug', 'title'])
    .where('id', '=', id)
    .where('edition', '=', edition)
    .where(isPublished(now))
    .executeTakeFirst();
}

/** Reads the article's totals and locks its row until the transaction ends (PostgreSQL). */
export async function lockArticleTotals(
  trx: Db,
  id: number,
  edition: string,
  now: Date,
): Promise<{ sum: number; count: number } | undefined> {
  const row = await forUpdate(
    trx,
    trx
      .selectFrom('articles')
      .select(['rating_sum', 'rating_count'])
      .where('id', '=', id)
      .where('edition', '=', edition)
      .where(isPublished(now)),
  ).executeTakeFirst();
  return row ? { sum: row.rating_sum, count: row.rating_count } : undefined;
}

/** The reader's current vote on an article, if any. */
export async function findVote(trx: Db, articleId: number, voterId: string): Promise<number | undefined> {
  const row = await trx
    .selectFrom('article_votes')
    .select('rating')
    .where('article_id', '=', articleId)
    .where('voter_id', '=', voterId)
    .executeTakeFirst();
  return row?.rating;
}

/** Records a reader's first vote on an article. */
export async function insertVote(
  trx: Db,
  vote: { articleId: number; voterId: string; rating: number; now: Date },
): Promise<void> {
  const at = toDbTime(vote.now);
  await trx
    .insertInto('article_votes')
    .values({
      article_id: vote.articleId,
      voter_id: vote.voterId,
      rating: vote.rating,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

/** Replaces a reader's vote; created_at stays, so a change is not a new vote for the rate limit. */
export async function updateVote(
  trx: Db,
  vote: { articleId: number; voterId: string; rating: number; now: Date },
): Promise<void> {
  await trx
    .updateTable('article_votes')
    .set({ rating: vote.rating, updated_at: toDbTime(vote.now) })
    .where('article_id', '=', vote.articleId)
    .where('voter_id', '=', vote.voterId)
    .execute();
}

/** Stores an article's new totals (computed under the row lock). */
export async function setArticleTotals(trx: Db, id: number, totals: { sum: number; count: number }): Promise<void> {
  await trx
    .updateTable('articles')
    .set({ rating_sum: totals.sum, rating_count: totals.count })
    .where('id', '=', id)
    .execute();
}
