// Reading published articles. "Published" always means status published and a publication
// time at or before now, so scheduled stories appear on their minute without a restart.
import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import { toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
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

function selectSummaries(db: Db) {
  return db
    .selectFrom('articles')
    .innerJoin('categories', 'categories.id', 'articles.category_id')
    .leftJoin('media', 'media.id', 'articles.featured_media_id')
    .select([
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
    ]);
}

function isPublished(now: Date) {
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

/** Most-read stories of the edition published in the last `days` days. */
export async function listMostRead(
  db: Db,
  edition: string,
  now: Date,
  limit = 5,
  days = 30,
): Promise<ArticleSummary[]> {
  const since = new Date(now.getTime() - days * 24 * 3600_000);
  const rows = await applyFilter(selectSummaries(db), { edition, now, since })
    .orderBy('articles.hit_count', 'desc')
    .orderBy('articles.published_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toArticleSummary);
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
