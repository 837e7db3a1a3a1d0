// Most-read lists of an edition, from the daily read totals (article_reads_daily). A period's
// ranking is read from the (day) index range alone, and cards are then looked up by id in its
// order only until the list is full: a box of five costs a day of daily totals and a few
// lookups (1 ms on a 100,000-story archive), not a join of every story read that month with its
// row (3,700 stories, 77 ms, once a minute per edition, stalling every request meanwhile).
import { sql, type Kysely } from 'kysely';
import { toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import { isoInZone } from '../i18n/index.ts';
import { findCardRows } from './cards-by-id.ts';
import { toArticleSummary, type ArticleSummary } from './model.ts';
import { isPublished, isPublishedRow, SUMMARY_COLUMNS } from './queries.ts';

type Db = Kysely<Database>;

/** Periods a most-read list covers, shortest first. */
export const MOST_READ_PERIODS = ['24h', '7d', '30d'] as const;
export type MostReadPeriod = (typeof MOST_READ_PERIODS)[number];
const PERIOD_DAYS: Readonly<Record<MostReadPeriod, number>> = { '24h': 1, '7d': 7, '30d': 30 };

/** How far back the last fallback looks for stories with a stored count. */
const FALLBACK_DAYS = 30;
/** Cards looked up at first per place still open in the list (most stories read are another edition's). */
const FIRST_LOOKUPS_PER_PLACE = 4;
/**
 * Most cards looked up by one query (well under either engine's limit on parameters). After the
 * first few, the rest of a ranking is looked up at once: an edition with a small share of the
 * reads then costs one more query, not a query per few dozen stories.
 */
const MAX_LOOKUPS = 8192;

/** How to make a most-read list. */
export interface MostReadOptions {
  /** The site time zone: daily read totals are kept per calendar day there. */
  timezone: string;
  period?: MostReadPeriod;
  limit?: number;
  /**
   * Only stories read in the period. Otherwise a short list is filled from the longer periods,
   * then from stored all-time counts of the last 30 days' stories (a site with no daily totals yet).
   */
  isStrict?: boolean;
}

/** An article's score in a period. */
interface Scored {
  readonly articleId: number;
  readonly score: number;
}

/**
 * Most-read published stories of an edition, ranked by the daily read totals of a period. Not
 * strict: stories read in the period come first, then those read in the longer periods, then
 * the last 30 days' stories by their stored all-time count (a site with no daily totals yet);
 * each tier ranked by its own score, ties by publication time, newest first, then id.
 */
export async function listMostRead(
  db: Db,
  edition: string,
  now: Date,
  options: MostReadOptions,
): Promise<ArticleSummary[]> {
  const limit = options.limit ?? 5;
  const first = options.period ?? '24h';
  const periods = options.isStrict ? [first] : MOST_READ_PERIODS.slice(MOST_READ_PERIODS.indexOf(first));
  const list: ArticleSummary[] = [];
  const listed = new Set<number>();
  // The first period's ranking alone (a busy site fills the box from it: a day of daily totals),
  // then the longer periods' together, from one pass over their days. A story read in a shorter
  // period was read in the longer ones too: each tier is the next period's ranking without the
  // stories already listed.
  for (const group of [periods.slice(0, 1), periods.slice(1)]) {
    if (list.length >= limit || group.length === 0) continue;
    const rankings = await periodRankings(db, now, options.timezone, group);
    for (const period of group) {
      if (list.length >= limit) break;
      const ranking = rankings.get(period)!.filter((s) => !listed.has(s.articleId));
      for (const card of await bestShown(db, edition, now, ranking, limit - list.length)) {
        list.push(card);
        listed.add(card.id);
      }
    }
  }
  if (!options.isStrict && list.length < limit) {
    for (const card of await newestCounted(db, edition, now, [...listed], limit - list.length)) list.push(card);
  }
  return list;
}

/**
 * For each period, every article read in it with its score, best first, from one pass over the
 * longest period's daily totals. Daily totals approximate a sliding window: the period's last N
 * calendar days (today included) count fully, and the day before them counts for the share of
 * it still inside the window, as if its reads were spread evenly. "24h" at 18:00 = today + a
 * quarter of yesterday. Whole numbers (per mille), so both engines add integers, with no float
 * parameter to cast.
 */
async function periodRankings(
  db: Db,
  now: Date,
  timezone: string,
  periods: readonly MostReadPeriod[],
): Promise<Map<MostReadPeriod, Scored[]>> {
  const local = isoInZone(now, timezone); // YYYY-MM-DDTHH:MM:SS±HH:MM
  const today = local.slice(0, 10);
  const elapsed = Number(local.slice(11, 13)) * 3600 + Number(local.slice(14, 16)) * 60 + Number(local.slice(17, 19));
  const edgeWeight = Math.max(0, Math.round(1000 * (1 - elapsed / 86_400)));
  const longest = Math.max(...periods.map((p) => PERIOD_DAYS[p]));
  const scoreOf = (period: MostReadPeriod) => {
    const days = PERIOD_DAYS[period];
    return sql<number>`sum(case when article_reads_daily.day >= ${addDays(today, 1 - days)} then article_reads_daily.reads * 1000 when article_reads_daily.day >= ${addDays(today, -days)} then article_reads_daily.reads * ${edgeWeight} else 0 end)`;
  };
  const rows = await db
    .selectFrom('article_reads_daily')
    .select(['article_reads_daily.article_id', ...periods.map((p, i) => scoreOf(p).as(`score_${i}`))])
    // Bounded on both sides, SQLite reads the period's range of the (day) index, not every
    // daily total; the last day is tomorrow, in case another process's clock runs ahead.
    .where('article_reads_daily.day', '>=', addDays(today, -longest))
    .where('article_reads_daily.day', '<=', addDays(today, 1))
    .groupBy('article_reads_daily.article_id')
    .execute();
  return new Map(
    periods.map((period, i) => {
      const column = `score_${i}` as const;
      const ranking = rows
        .map((r) => ({ articleId: Number(r.article_id), score: Number((r as Record<string, unknown>)[column]) }))
        .filter((s) => s.score > 0)
        .sort((a, b) => b.score - a.score);
      return [period, ranking];
    }),
  );
}

/**
 * The `count` best of a ranking that are the edition's published stories. Cards are looked up in
 * the ranking's order, the first few then the rest, until `count` are found and no story left could
 * tie with the last of them (a tie goes to the newer story).
 */
async function bestShown(
  db: Db,
  edition: string,
  now: Date,
  ranking: readonly Scored[],
  count: number,
): Promise<ArticleSummary[]> {
  const found: { card: ArticleSummary; score: number }[] = [];
  let next = 0;
  let batch = count * FIRST_LOOKUPS_PER_PLACE;
  while (next < ranking.length) {
    let end = Math.min(ranking.length, next + batch);
    if (found.length >= count) {
      // Full: only stories tied with the last one listed may still take its place.
      const last = found[count - 1]!.score;
      end = next;
      while (end < ranking.length && end - next < MAX_LOOKUPS && ranking[end]!.score >= last) end++;
      if (end === next) break;
    }
    const part = ranking.slice(next, end);
    next = end;
    batch = MAX_LOOKUPS;
    const rows = new Map(
      (
        await findCardRows(
          db,
          part.map((s) => s.articleId),
        )
      ).map((row) => [row.id, row]),
    );
    for (const { articleId, score } of part) {
      const row = rows.get(articleId);
      if (row && row.edition === edition && isPublishedRow(row, now))
        found.push({ card: toArticleSummary(row), score });
    }
    found.sort(byScoreThenNewest);
  }
  return found.slice(0, count).map((f) => f.card);
}

function byScoreThenNewest(
  a: { card: ArticleSummary; score: number },
  b: { card: ArticleSummary; score: number },
): number {
  return b.score - a.score || b.card.publishedAt.getTime() - a.card.publishedAt.getTime() || b.card.id - a.card.id;
}

/** The last 30 days' stories with a stored count (imported, or counted before daily totals), highest first. */
async function newestCounted(
  db: Db,
  edition: string,
  now: Date,
  listed: readonly number[],
  count: number,
): Promise<ArticleSummary[]> {
  const rows = await db
    .selectFrom('articles')
    .innerJoin('categories', 'categories.id', 'articles.category_id')
    .leftJoin('media', 'media.id', 'articles.featured_media_id')
    .select(SUMMARY_COLUMNS)
    .where('articles.edition', '=', edition)
    .where(isPublished(now))
    .where('articles.published_at', '>=', toDbTime(new Date(now.getTime() - FALLBACK_DAYS * 24 * 3600_000)))
    .where('articles.hit_count', '>', 0)
    .$if(listed.length > 0, (q) => q.where('articles.id', 'not in', listed))
    .orderBy('articles.hit_count', 'desc')
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(count)
    .execute();
  return rows.map(toArticleSummary);
}

/** A YYYY-MM-DD calendar day moved by a number of days. */
function addDays(day: string, delta: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + delta)).toISOString().slice(0, 10);
}
