// Reading published articles. "Published" always means status published and a publication
// time at or before now, so scheduled stories appear on their minute without a restart.
import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import { toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import { isoInZone } from '../i18n/index.ts';
import { toArticle, toArticleSummary, type Article, type ArticleSummary } from './model.ts';

type Db = Kysely<Database>;

/** Filters for article lists; all optional except the edition. */
export interface ArticleFilter {
  edition: string;
  now: Date;
  categoryIds?: readonly number[];
  tagId?: number;
  authorId?: number;
  excludeIds?: readonly number[];
  since?: Date;
}

/** The columns a story card needs (mapped by toArticleSummary); other domains select them too. */
export const SUMMARY_COLUMNS = [
  'articles.id',
  'articles.edition',
  'articles.slug',
  'articles.title',
  'articles.summary',
  'articles.published_at',
  'articles.hit_count',
  'articles.image_alt',
  'categories.slug as category_slug',
  'categories.name as category_name',
  'media.storage_key as media_key',
  'media.width as media_width',
  'media.height as media_height',
  'media.variants as media_variants',
] as const;

function selectSummaries(db: Db) {
  return db
    .selectFrom('articles')
    .innerJoin('categories', 'categories.id', 'articles.category_id')
    .leftJoin('media', 'media.id', 'articles.featured_media_id')
    .select(SUMMARY_COLUMNS);
}

/** The one rule for what readers may see: status published and its minute has come. */
export function isPublished(now: Date) {
  return (eb: ExpressionBuilder<Database, 'articles'>) =>
    eb.and([eb('articles.status', '=', 'published'), eb('articles.published_at', '<=', toDbTime(now))]);
}

function applyFilter<O>(query: SelectQueryBuilder<Database, 'articles' | 'categories' | 'media', O>, f: ArticleFilter) {
  return query
    .where('articles.edition', '=', f.edition)
    .where(isPublished(f.now))
    .$if(f.categoryIds !== undefined, (q) =>
      q.where('articles.category_id', 'in', f.categoryIds!.length ? f.categoryIds! : [-1]),
    )
    .$if(f.authorId !== undefined, (q) => q.where('articles.author_id', '=', f.authorId!))
    .$if(f.since !== undefined, (q) => q.where('articles.published_at', '>=', toDbTime(f.since!)))
    .$if(f.excludeIds !== undefined && f.excludeIds.length > 0, (q) => q.where('articles.id', 'not in', f.excludeIds!))
    .$if(f.tagId !== undefined, (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('article_tags')
            .select('article_tags.article_id')
            .whereRef('article_tags.article_id', '=', 'articles.id')
            .where('article_tags.tag_id', '=', f.tagId!),
        ),
      ),
    );
}

/** Newest published stories matching a filter. */
export async function listPublishedArticles(
  db: Db,
  f: ArticleFilter,
  limit: number,
  offset = 0,
): Promise<ArticleSummary[]> {
  const rows = await applyFilter(selectSummaries(db), f)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toArticleSummary);
}

/** How many published stories match a filter (for pagination). */
export async function countPublishedArticles(db: Db, f: ArticleFilter): Promise<number> {
  const query = db
    .selectFrom('articles')
    .innerJoin('categories', 'categories.id', 'articles.category_id')
    .leftJoin('media', 'media.id', 'articles.featured_media_id')
    .select((eb) => eb.fn.countAll<number>().as('n'));
  const row = await applyFilter(query, f).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The newest featured story of the last three days, if any (the home page's top story; without
 * one, the newest story leads).
 */
export async function findFeaturedStory(db: Db, edition: string, now: Date): Promise<ArticleSummary | undefined> {
  const since = new Date(now.getTime() - 3 * 24 * 3600_000);
  const featured = await applyFilter(selectSummaries(db), { edition, now, since })
    .where('articles.is_featured', '=', 1)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return featured && toArticleSummary(featured);
}

/**
 * The newest `perCategory` stories of each of these categories, in one query (a window over
 * the category index), newest first overall; the home page groups them by top section.
 */
export async function listNewestPerCategory(
  db: Db,
  f: ArticleFilter & { categoryIds: readonly number[] },
  perCategory: number,
): Promise<(ArticleSummary & { categoryId: number })[]> {
  if (f.categoryIds.length === 0) return [];
  const ranked = applyFilter(selectSummaries(db), f)
    .select([
      'articles.category_id',
      sql<number>`row_number() over (partition by articles.category_id order by articles.published_at desc, articles.id desc)`.as(
        'rank_in_category',
      ),
    ])
    .as('ranked');
  const rows = await db
    .selectFrom(ranked)
    .selectAll()
    .where('ranked.rank_in_category', '<=', perCategory)
    .orderBy('ranked.published_at', 'desc')
    .orderBy('ranked.id', 'desc')
    .execute();
  return rows.map((r) => ({ ...toArticleSummary(r), categoryId: r.category_id }));
}

/** Periods a most-read list covers, shortest first. */
export const MOST_READ_PERIODS = ['24h', '7d', '30d'] as const;
export type MostReadPeriod = (typeof MOST_READ_PERIODS)[number];
const PERIOD_DAYS: Readonly<Record<MostReadPeriod, number>> = { '24h': 1, '7d': 7, '30d': 30 };

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

/**
 * Most-read published stories of an edition, ranked by the daily read totals of a period, in
 * one query. Not strict: stories read in the period come first, then those read in the longer
 * periods, then the last 30 days' stories by their stored all-time count (a site with no daily
 * totals yet); each tier ranked by its own score.
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
  const hasFallback = !options.isStrict;
  const scores = periodScores(db, now, options.timezone, periods);
  const score = (period: MostReadPeriod) => sql.ref<number>(`scores.score_${period}`);
  const since = toDbTime(new Date(now.getTime() - 30 * 24 * 3600_000));
  // The tier: the first period with reads, else the all-time fallback.
  const tier = sql<number>`case ${sql.join(
    periods.map((p, i) => sql`when coalesce(${score(p)}, 0) > 0 then ${sql.lit(i)}`),
    sql` `,
  )} else ${sql.lit(periods.length)} end`;
  const tierScore = sql<number>`case ${sql.join(
    periods.map((p) => sql`when coalesce(${score(p)}, 0) > 0 then ${score(p)}`),
    sql` `,
  )} else articles.hit_count end`;
  const rows = await applyFilter(selectSummaries(db), { edition, now })
    .leftJoin(scores, 'scores.article_id', 'articles.id')
    .where((eb) =>
      eb.or([
        eb(sql.ref(`scores.score_${periods[0]}`), '>', 0),
        ...periods.slice(1).map((p) => eb(sql.ref(`scores.score_${p}`), '>', 0)),
        ...(hasFallback ? [eb.and([eb('articles.published_at', '>=', since), eb('articles.hit_count', '>', 0)])] : []),
      ]),
    )
    .orderBy(tier)
    .orderBy(tierScore, 'desc')
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toArticleSummary);
}

/**
 * Read scores per article for each period, from the daily totals. Daily totals approximate a
 * sliding window: the period's last N calendar days (today included) count fully, and the day
 * before them counts for the share of it still inside the window, as if its reads were spread
 * evenly. "24h" at 18:00 = today + a quarter of yesterday.
 */
function periodScores(db: Db, now: Date, timezone: string, periods: readonly MostReadPeriod[]) {
  const local = isoInZone(now, timezone); // YYYY-MM-DDTHH:MM:SS±HH:MM
  const today = local.slice(0, 10);
  const elapsed = Number(local.slice(11, 13)) * 3600 + Number(local.slice(14, 16)) * 60 + Number(local.slice(17, 19));
  // Whole numbers (per mille) so both engines add integers, with no float parameter to cast.
  const edgeWeight = Math.max(0, Math.round(1000 * (1 - elapsed / 86_400)));
  const longest = Math.max(...periods.map((p) => PERIOD_DAYS[p]));
  const scoreOf = (period: MostReadPeriod) => {
    const days = PERIOD_DAYS[period];
    return sql<number>`sum(case when article_reads_daily.day >= ${addDays(today, 1 - days)} then article_reads_daily.reads * 1000 when article_reads_daily.day >= ${addDays(today, -days)} then article_reads_daily.reads * ${edgeWeight} else 0 end)`.as(
      `score_${period}`,
    );
  };
  return db
    .selectFrom('article_reads_daily')
    .select(['article_reads_daily.article_id', ...periods.map(scoreOf)])
    .where('article_reads_daily.day', '>=', addDays(today, -longest))
    .groupBy('article_reads_daily.article_id')
    .as('scores');
}

/** A YYYY-MM-DD calendar day moved by a number of days. */
function addDays(day: string, delta: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + delta)).toISOString().slice(0, 10);
}

/** A published story by id, in any edition (the route checks the edition and slug). */
export async function findPublishedArticle(db: Db, id: number, now: Date): Promise<Article | undefined> {
  const row = await selectSummaries(db)
    .leftJoin('users', 'users.id', 'articles.author_id')
    .select([
      'articles.translation_group',
      'articles.category_id',
      'articles.body_html',
      'articles.dateline',
      'articles.source',
      'articles.byline',
      'articles.updated_at',
      'articles.image_caption',
      'articles.image_credit',
      'articles.rating_sum',
      'articles.rating_count',
      'users.display_name as author_name',
      'users.slug as author_slug',
    ])
    .where('articles.id', '=', id)
    .where(isPublished(now))
    .executeTakeFirst();
  return row ? toArticle(row) : undefined;
}

/** Tags of an article, by name. */
export async function listArticleTags(db: Db, articleId: number): Promise<{ slug: string; name: string }[]> {
  return db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['tags.slug', 'tags.name'])
    .where('article_tags.article_id', '=', articleId)
    .orderBy('tags.name')
    .execute();
}

/** Stories that share the most tags with an article, then its section's newest, in one query. */
export async function listRelatedArticles(db: Db, article: Article, now: Date, limit = 4): Promise<ArticleSummary[]> {
  const shared = db
    .selectFrom('article_tags')
    .select(['article_tags.article_id', (eb) => eb.fn.countAll<number>().as('shared_tags')])
    .where('article_tags.tag_id', 'in', (eb) =>
      eb.selectFrom('article_tags as own').select('own.tag_id').where('own.article_id', '=', article.id),
    )
    .groupBy('article_tags.article_id')
    .as('shared');
  const rows = await applyFilter(selectSummaries(db), { edition: article.edition, now, excludeIds: [article.id] })
    .leftJoin(shared, 'shared.article_id', 'articles.id')
    .where((eb) => eb.or([eb('shared.shared_tags', '>', 0), eb('articles.category_id', '=', article.categoryId)]))
    .orderBy(sql`coalesce(shared.shared_tags, 0)`, 'desc')
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toArticleSummary);
}

/** Published translations of a story in other editions. */
export async function listTranslations(db: Db, article: Pick<Article, 'id' | 'translationGroup'>, now: Date) {
  return db
    .selectFrom('articles')
    .select(['id', 'edition', 'slug'])
    .where('translation_group', '=', article.translationGroup)
    .where('id', '!=', article.id)
    .where(isPublished(now))
    .orderBy('edition')
    .execute();
}
