// Demo read history: a story's demo read count spread over the days since it was published,
// most of it in its first days, so the demo's most-read lists for each period look lived-in.
import type { Kysely } from 'kysely';
import type { Database } from '../core/db/schema.ts';
import { isoInZone } from '../i18n/index.ts';

/** One day's reads of a story. */
export interface DailyReads {
  day: string;
  reads: number;
}

/**
 * Splits `total` reads over the calendar days (in `timezone`) from publication to `now`: each
 * day gets half the day before's share plus a small steady tail, and the parts add up to `total`.
 */
export function spreadReads(total: number, publishedAt: Date, now: Date, timezone: string): DailyReads[] {
  const first = isoInZone(publishedAt, timezone).slice(0, 10);
  const last = isoInZone(now < publishedAt ? publishedAt : now, timezone).slice(0, 10);
  const days: string[] = [];
  for (let day = first; day <= last; day = nextDay(day)) days.push(day);
  const weights = days.map((_, k) => 0.5 ** k + 0.03);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const reads = exact.map(Math.floor);
  // Largest remainders get the reads lost to rounding down, so the parts add up exactly.
  let missing = total - reads.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (missing <= 0) break;
    reads[i]!++;
    missing--;
  }
  return days.map((day, i) => ({ day, reads: reads[i]! })).filter((d) => d.reads > 0);
}

/** Writes a demo story's daily read totals (its hit_count holds the same total). */
export async function insertDemoReads(
  db: Kysely<Database>,
  articleId: number,
  total: number,
  publishedAt: Date,
  options: { now: Date; timezone: string },
): Promise<void> {
  const rows = spreadReads(total, publishedAt, options.now, options.timezone);
  if (rows.length === 0) return;
  await db
    .insertInto('article_reads_daily')
    .values(rows.map((r) => ({ article_id: articleId, day: r.day, reads: r.reads })))
    .execute();
}

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}
