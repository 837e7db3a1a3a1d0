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

/** The top story: the newest featured story of the last days, else the newest story. */
export async function findTopStory(db: Db, edition: string, now: Date): Promise<ArticleSummary | undefined> {
  const since = new Date(now.getTime() - 3 * 24 * 3600_000);
  const featured = await applyFilter(selectSummaries(db), { edition, now, since })
    .where('articles.is_featured', '=', 1)
    .orderBy('articles.published_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (featured) return toArticleSummary(featured);
  const [latest] = await listPublishedArticles(db, { edition, now }, 1);
  return latest;
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

/** Most-read published stories of an edition, ranked by the daily read totals of a period. */
export async function listMostRead(
  db: Db,
  edition: string,
  now: Date,
  options: MostReadOptions,
): Promise<ArticleSummary[]> {
  const limit = options.limit ?? 5;
  const first = options.period ?? '24h';
  const periods = options.isStrict ? [first] : MOST_READ_PERIODS.slice(MOST_READ_PERIODS.indexOf(first));
  const found: ArticleSummary[] = [];
  for (const period of periods) {
    if (found.length >= limit) break;
    const excludeIds = found.map((a) => a.id);
    found.push(
      ...(await rankByPeriodReads(db, { edition, now, excludeIds }, options.timezone, period, limit - found.length)),
    );
  }
  if (!options.isStrict && found.length < limit) {
    const since = new Date(now.getTime() - 30 * 24 * 3600_000);
    const rows = await applyFilter(selectSummaries(db), { edition, now, since, excludeIds: found.map((a) => a.id) })
      .where('articles.hit_count', '>', 0)
      .orderBy('articles.hit_count', 'desc')
      .orderBy('articles.published_at', 'desc')
      .limit(limit - found.length)
      .execute();
    found.push(...rows.map(toArticleSummary));
  }
  return found;
}

/**
 * Daily totals approximate a sliding window: the period's last N calendar days (today included)
 * count fully, and the day before them counts for the share of it still inside the window,
 * as if its reads were spread evenly. "24h" at 18:00 = today + a quarter of yesterday.
 */
async function rankByPeriodReads(db: Db, f: ArticleFilter, timezone: string, period: MostReadPeriod, limit: number) {
  const local = isoInZone(f.now, timezone); // YYYY-MM-DDTHH:MM:SS±HH:MM
  const today = local.slice(0, 10);
  const elapsed = Number(local.slice(11, 13)) * 3600 + Number(local.slice(14, 16)) * 60 + Number(local.slice(17, 19));
  const days = PERIOD_DAYS[period];
  // Whole numbers (per mille) so both engines add integers, with no float parameter to cast.
  const edgeWeight = Math.max(0, Math.round(1000 * (1 - elapsed / 86_400)));
  const scores = db
    .selectFrom('article_reads_daily')
    .select([
      'article_reads_daily.article_id',
      sql<number>`sum(article_reads_daily.reads * case when article_reads_daily.day >= ${addDays(today, 1 - days)} then 1000 else ${edgeWeight} end)`.as(
        'score',
      ),
    ])
    .where('article_reads_daily.day', '>=', addDays(today, -days))
    .groupBy('article_reads_daily.article_id')
    .as('scores');
  const rows = await applyFilter(selectSummaries(db), f)
    .innerJoin(scores, 'scores.article_id', 'articles.id')
    .where('scores.score', '>', 0)
    .orderBy('scores.score', 'desc')
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toArticleSummary);
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

/** Stories that share the most tags with an article, then its section's newest. */
export async function listRelatedArticles(db: Db, article: Article, now: Date, limit = 4): Promise<ArticleSummary[]> {
  const byTags = await applyFilter(selectSummaries(db), { edition: article.edition, now, excludeIds: [article.id] })
    .innerJoin('article_tags as shared', 'shared.article_id', 'articles.id')
    .where('shared.tag_id', 'in', (eb) =>
      eb.selectFrom('article_tags').select('article_tags.tag_id').where('article_tags.article_id', '=', article.id),
    )
    .groupBy([
      'articles.id',
      'categories.slug',
      'categories.name',
      'media.storage_key',
      'media.width',
      'media.height',
      'media.variants',
    ])
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .orderBy('articles.published_at', 'desc')
    .limit(limit)
    .execute();
  const found = byTags.map(toArticleSummary);
  if (found.length >= limit) return found;
  const more = await listPublishedArticles(
    db,
    {
      edition: article.edition,
      now,
      categoryIds: [article.categoryId],
      excludeIds: [article.id, ...found.map((a) => a.id)],
    },
    limit - found.length,
  );
  return [...found, ...more];
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
