// Readers' numbers for the benchmark archive, as the demo seed writes them (they are counts,
// not content, so no command makes them): each story's read total with its daily totals, so
// most-read lists have data, and for some stories a set of votes with totals that match them.
import { randomBytes } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { toDbTime } from '../../src/core/db/dialect.ts';
import type { ArticleVotesTable, Database } from '../../src/core/db/schema.ts';
import { spreadReads } from '../../src/reads/index.ts';
import type { Random } from './random.ts';

/** A story's readers: how many read it, and the votes of those who rated it. */
export interface StoryReaders {
  articleId: number;
  publishedAt: Date;
  reads: number;
  ratings: number[];
}

/** Reads fall to almost nothing within days; keeping ten days of them bounds the table. */
const READ_DAYS = 10;
/** Rows per INSERT: well under both engines' limit on bound values. */
const ROWS_PER_INSERT = 500;

/** Draws a story's readers: a long-tailed read count, and votes on about one story in eight. */
export function drawReaders(random: Random, publishedAt: Date): Omit<StoryReaders, 'articleId'> {
  const reads = Math.min(2_000_000, Math.round(random.logNormal(250, 1.4)));
  const ratings: number[] = [];
  if (random.chance(0.12)) {
    // Readers who vote mostly like what they rate; a few are cross.
    for (let n = Math.max(1, Math.round(random.logNormal(6, 0.9))); n > 0; n--) {
      ratings.push(random.chance(0.15) ? random.int(1, 2) : random.int(3, 5));
    }
  }
  return { publishedAt, reads, ratings };
}

/** Writes the stories' totals, daily reads and votes (in the caller's transaction). */
export async function writeReaders(
  trx: Kysely<Database>,
  stories: readonly StoryReaders[],
  options: { now: Date; timezone: string },
): Promise<void> {
  const daily: { article_id: number; day: string; reads: number }[] = [];
  const votes: Insertable<ArticleVotesTable>[] = [];
  for (const s of stories) {
    const lastDay = new Date(Math.min(options.now.getTime(), s.publishedAt.getTime() + (READ_DAYS - 1) * 86_400_000));
    for (const d of spreadReads(s.reads, s.publishedAt, lastDay, options.timezone)) {
      daily.push({ article_id: s.articleId, day: d.day, reads: d.reads });
    }
    for (const [i, rating] of s.ratings.entries()) {
      const at = toDbTime(new Date(Math.min(options.now.getTime(), s.publishedAt.getTime() + (i + 1) * 600_000)));
      // A voter id as the vote cookie holds one: 128 random bits.
      votes.push({
        article_id: s.articleId,
        voter_id: randomBytes(16).toString('base64url'),
        rating,
        created_at: at,
        updated_at: at,
      });
    }
    await trx
      .updateTable('articles')
      .set({
        hit_count: s.reads,
        rating_sum: s.ratings.reduce((a, b) => a + b, 0),
        rating_count: s.ratings.length,
      })
      .where('id', '=', s.articleId)
      .execute();
  }
  for (let i = 0; i < daily.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto('article_reads_daily')
      .values(daily.slice(i, i + ROWS_PER_INSERT))
      .execute();
  }
  for (let i = 0; i < votes.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto('article_votes')
      .values(votes.slice(i, i + ROWS_PER_INSERT))
      .execute();
  }
}
