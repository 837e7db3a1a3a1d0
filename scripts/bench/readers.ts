// Readers' numbers for the benchmark archive, as the demo seed writes them (they are counts,
// not content, so no command makes them): each story's read total with its daily totals, so
// most-read lists have data, and for some stories a set of votes with totals that match them.
import { randomBytes } from 'node:crypto';
import { sql, type Insertable, type Kysely } from 'kysely';
import { toDbTime } from '../../src/core/db/dialect.ts';
import type { ArticleReadsDailyTable, ArticleVotesTable, Database } from '../../src/core/db/schema.ts';
import { spreadReads } from '../../src/reads/index.ts';
import type { Random } from './random.ts';

/** A story's readers, drawn with the story (no database needed): its rows but the article id. */
export interface StoryReaders {
  reads: number;
  ratings: number[];
  daily: Omit<Insertable<ArticleReadsDailyTable>, 'article_id'>[];
  votes: Omit<Insertable<ArticleVotesTable>, 'article_id'>[];
}

/** Reads fall to almost nothing within days; keeping ten days of them bounds the table. */
const READ_DAYS = 10;
/** Rows per INSERT: well under both engines' limit on bound values. */
const ROWS_PER_INSERT = 500;

/**
 * Draws a story's readers: a long-tailed read count, and votes on about one story in eight;
 * then spreads the reads over its first days (up to `now`, by calendar day in `timezone`).
 */
export function drawReaders(random: Random, publishedAt: Date, options: { now: Date; timezone: string }): StoryReaders {
  const reads = Math.min(2_000_000, Math.round(random.logNormal(250, 1.4)));
  const ratings: number[] = [];
  if (random.chance(0.12)) {
    // Readers who vote mostly like what they rate; a few are cross.
    for (let n = Math.max(1, Math.round(random.logNormal(6, 0.9))); n > 0; n--) {
      ratings.push(random.chance(0.15) ? random.int(1, 2) : random.int(3, 5));
    }
  }
  const lastDay = new Date(Math.min(options.now.getTime(), publishedAt.getTime() + (READ_DAYS - 1) * 86_400_000));
  const daily = spreadReads(reads, publishedAt, lastDay, options.timezone);
  const votes = ratings.map((rating, i) => {
    const at = toDbTime(new Date(Math.min(options.now.getTime(), publishedAt.getTime() + (i + 1) * 600_000)));
    // A voter id as the vote cookie holds one: 128 random bits.
    return { voter_id: randomBytes(16).toString('base64url'), rating, created_at: at, updated_at: at };
  });
  return { reads, ratings, daily, votes };
}

/** Writes the stories' totals, daily reads and votes (in the caller's transaction). */
export async function writeReaders(
  trx: Kysely<Database>,
  stories: readonly { articleId: number; readers: StoryReaders }[],
): Promise<void> {
  for (let i = 0; i < stories.length; i += ROWS_PER_INSERT) {
    await writeTotals(trx, stories.slice(i, i + ROWS_PER_INSERT));
  }
  const daily = stories.flatMap((s) => s.readers.daily.map((d) => ({ article_id: s.articleId, ...d })));
  for (let i = 0; i < daily.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto('article_reads_daily')
      .values(daily.slice(i, i + ROWS_PER_INSERT))
      .execute();
  }
  const votes = stories.flatMap((s) => s.readers.votes.map((v) => ({ article_id: s.articleId, ...v })));
  for (let i = 0; i < votes.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto('article_votes')
      .values(votes.slice(i, i + ROWS_PER_INSERT))
      .execute();
  }
}

/**
 * Sets the stories' read and rating totals in one statement (one per story cost a statement
 * per story); a VALUES list's columns are column1… on both engines, and cast, as PostgreSQL
 * would take its parameters for text.
 */
async function writeTotals(
  trx: Kysely<Database>,
  stories: readonly { articleId: number; readers: StoryReaders }[],
): Promise<void> {
  if (stories.length === 0) return;
  const int = (value: number) => sql`cast(${value} as integer)`;
  const rows = stories.map(({ articleId, readers: r }) => {
    const sum = r.ratings.reduce((a, b) => a + b, 0);
    return sql`(${int(articleId)}, ${int(r.reads)}, ${int(sum)}, ${int(r.ratings.length)})`;
  });
  await sql`update articles
    set hit_count = totals.column2, rating_sum = totals.column3, rating_count = totals.column4
    from (values ${sql.join(rows)}) as totals
    where articles.id = totals.column1`.execute(trx);
}
