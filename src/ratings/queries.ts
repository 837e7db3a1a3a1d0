// Data access for ratings: the article a vote is for, the reader's vote and the article's
// running sum and count, read and written a batch at a time (the address's recent votes are in
// address-window.ts).
import type { Kysely } from 'kysely';
import { forUpdate, toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import { isPublished, isPublishedRow } from '../articles/index.ts';

type Db = Kysely<Database>;

/** What a vote needs to know about its article. */
export interface RateableArticle {
  readonly id: number;
  readonly edition: string;
  readonly slug: string;
  readonly title: string;
  /** Whether it is on the site at this instant ("published": status published and its minute has come). */
  isPublishedAt(now: Date): boolean;
}

/**
 * An article of this edition, whatever its status; whether it takes votes is decided per
 * request (isPublishedAt), so a kept answer serves across a scheduled story's minute.
 */
export async function findRateableArticle(db: Db, id: number, edition: string): Promise<RateableArticle | undefined> {
  const row = await db
    .selectFrom('articles')
    .select(['id', 'edition', 'slug', 'title', 'status', 'published_at'])
    .where('id', '=', id)
    .where('edition', '=', edition)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    edition: row.edition,
    slug: row.slug,
    title: row.title,
    isPublishedAt: (now) => isPublishedRow(row, now),
  };
}

/** An article's running rating totals, and its edition (a vote names both). */
export interface ArticleTotals {
  readonly edition: string;
  /** The sum and count of its vote rows. */
  sum: number;
  count: number;
  /** Imported totals (issue 11: K2 importer) that readers see added to the votes. */
  readonly baselineSum: number;
  readonly baselineCount: number;
}

/**
 * Reads the totals of those of the articles that are published at `now`, and locks their rows
 * until the transaction ends (PostgreSQL; in id order, so two batches queue rather than deadlock).
 */
export async function lockArticleTotals(
  trx: Db,
  ids: readonly number[],
  now: Date,
): Promise<Map<number, ArticleTotals>> {
  const rows = await forUpdate(
    trx,
    trx
      .selectFrom('articles')
      .select(['id', 'edition', 'rating_sum', 'rating_count', 'baseline_rating_sum', 'baseline_rating_count'])
      .where('id', 'in', ids)
      .where(isPublished(now))
      .orderBy('id'),
  ).execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        edition: r.edition,
        sum: r.rating_sum,
        count: r.rating_count,
        baselineSum: r.baseline_rating_sum,
        baselineCount: r.baseline_rating_count,
      },
    ]),
  );
}

/** A reader's stored vote on an article. */
export interface StoredVote {
  readonly articleId: number;
  readonly voterId: string;
  readonly rating: number;
}

/** The stored votes of these readers on these articles (every pair of the two lists). */
export async function findVotes(
  trx: Db,
  articleIds: readonly number[],
  voterIds: readonly string[],
): Promise<StoredVote[]> {
  const rows = await trx
    .selectFrom('article_votes')
    .select(['article_id', 'voter_id', 'rating'])
    .where('article_id', 'in', articleIds)
    .where('voter_id', 'in', voterIds)
    .execute();
  return rows.map((r) => ({ articleId: r.article_id, voterId: r.voter_id, rating: r.rating }));
}

/** A reader's vote as it is to be stored. */
export interface VoteWrite {
  readonly articleId: number;
  readonly voterId: string;
  readonly rating: number;
  readonly now: Date;
}

/**
 * Stores votes (at most one per reader and article): a first vote is inserted; a changed one
 * keeps its created_at, so a change is not a new vote for the rate limit.
 */
export async function upsertVotes(trx: Db, votes: readonly VoteWrite[]): Promise<void> {
  if (votes.length === 0) return;
  await trx
    .insertInto('article_votes')
    .values(
      votes.map((v) => ({
        article_id: v.articleId,
        voter_id: v.voterId,
        rating: v.rating,
        created_at: toDbTime(v.now),
        updated_at: toDbTime(v.now),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['article_id', 'voter_id']).doUpdateSet((eb) => ({
        rating: eb.ref('excluded.rating'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
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
