// Reading published articles. "Published" always means status published and a publication
// time at or before now, so scheduled stories appear on their minute without a restart.
import { sql, type ExpressionBuilder, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { reusable } from '../core/db/compiled-query.ts';
import { engineOf, toDate, toDbTime } from '../core/db/dialect.ts';
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

/** An ArticleFilter as the database receives it (times as toDbTime text), for reusable queries. */
interface DbFilter {
  edition: string;
  now: string;
  categoryIds?: readonly number[];
  tagId?: number;
  authorId?: number;
  excludeIds?: readonly number[];
  since?: string;
}

function toDbFilter(f: ArticleFilter): DbFilter {
  return {
    edition: f.edition,
    now: toDbTime(f.now),
    categoryIds: f.categoryIds,
    tagId: f.tagId,
    authorId: f.authorId,
    excludeIds: f.excludeIds,
    since: f.since && toDbTime(f.since),
  };
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
  'media.formats as media_formats',
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
  return isPublishedBy(toDbTime(now));
}

/**
 * isPublished for a row already read (without the time in its query, so that it can be kept
 * across the moment a scheduled story goes live): the same rule, decided in memory.
 */
export function isPublishedRow(row: { status: string; published_at: Date | string | null }, now: Date): boolean {
  return row.status === 'published' && row.published_at !== null && toDate(row.published_at) <= now;
}

/** isPublished with the time as the database receives it (toDbTime), as reusable queries take it. */
function isPublishedBy(dbNow: string) {
  return (eb: ExpressionBuilder<Database, 'articles'>) =>
    eb.and([eb('articles.status', '=', 'published'), eb('articles.published_at', '<=', dbNow)]);
}

/**
 * The filter's conditions. Which ones apply depends only on which fields are set and how many
 * ids a list holds, never on a value, so a reusable query keeps one compiled shape per such set.
 */
function applyDbFilter<O>(query: SelectQueryBuilder<Database, 'articles' | 'categories' | 'media', O>, f: DbFilter) {
  return (
    query
      .where('articles.edition', '=', f.edition)
      .where(isPublishedBy(f.now))
      // One category is an equality, so its index also gives the order (see newestOfEach for several).
      .$if(f.categoryIds?.length === 1, (q) => q.where('articles.category_id', '=', f.categoryIds![0]!))
      .$if(f.categoryIds !== undefined && f.categoryIds.length !== 1, (q) =>
        q.where('articles.category_id', 'in', f.categoryIds!.length ? f.categoryIds! : [-1]),
      )
      .$if(f.authorId !== undefined, (q) => q.where('articles.author_id', '=', f.authorId!))
      .$if(f.since !== undefined, (q) => q.where('articles.published_at', '>=', f.since!))
      .$if(f.excludeIds !== undefined && f.excludeIds.length > 0, (q) =>
        q.where('articles.id', 'not in', f.excludeIds!),
      )
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
      )
  );
}

/**
 * Newest published stories matching a filter. Several categories (a section with its
 * subsections) are read as one index range each, merged: never a sort of every story they hold.
 * A tag's stories are one range of the tag's own index (newestWithTag).
 */
export async function listPublishedArticles(
  db: Db,
  f: ArticleFilter,
  limit: number,
  offset = 0,
): Promise<ArticleSummary[]> {
  const args = Object.assign(toDbFilter(f), { limit, offset });
  const tagId = tagListOf(f);
  const rows =
    tagId !== undefined
      ? await newestWithTag.execute(db, { edition: args.edition, now: args.now, tagId, limit, offset })
      : f.categoryIds !== undefined && f.categoryIds.length > 1
        ? await newestOfEachMatching.execute(
            db,
            Object.assign(args, { categoryIds: f.categoryIds, perCategory: offset + limit }),
          )
        : await newestMatching.execute(db, args);
  return rows.map(toArticleSummary);
}

/**
 * The tag of a tag page's filter (a tag and nothing more), which is read from the tag's own
 * index. A tag with other filters as well goes through applyDbFilter, which checks the tag per
 * story: correct, but a walk of the edition until the page is full.
 */
function tagListOf(f: ArticleFilter): number | undefined {
  const isTagOnly =
    f.categoryIds === undefined && f.authorId === undefined && f.since === undefined && !f.excludeIds?.length;
  return isTagOnly ? f.tagId : undefined;
}

/**
 * A page of a tag's newest published stories. article_tags carries each story's publication
 * time while it is published (0010), so the page's ids are one range of the (tag_id,
 * published_at, article_id) index, however rare the tag and deep the page; only the page's
 * stories are read, by id, for their cards.
 */
const newestWithTag = reusable(
  (db: Db, a: { edition: string; now: string; tagId: number; limit: number; offset: number }) => {
    const page = db
      .selectFrom('article_tags')
      .select(['article_tags.article_id', 'article_tags.published_at'])
      .where('article_tags.tag_id', '=', a.tagId)
      .where('article_tags.published_at', '<=', a.now)
      .orderBy('article_tags.published_at', 'desc')
      .orderBy('article_tags.article_id', 'desc')
      .limit(a.limit)
      .offset(a.offset)
      .as('page');
    return (
      db
        .selectFrom(page)
        // CROSS JOIN keeps this order on SQLite: the page first, then its stories by id.
        .crossJoin('articles')
        .whereRef('articles.id', '=', 'page.article_id')
        .innerJoin('categories', 'categories.id', 'articles.category_id')
        .leftJoin('media', 'media.id', 'articles.featured_media_id')
        .select(SUMMARY_COLUMNS)
        // The story's own rule, as every list checks it; the tag's rows already agree with it.
        .where('articles.edition', '=', a.edition)
        .where(isPublishedBy(a.now))
        .orderBy('page.published_at', 'desc')
        .orderBy('page.article_id', 'desc')
    );
  },
);

/** A page of the newest stories matching a filter, as one index range. */
const newestMatching = reusable((db: Db, a: DbFilter & { limit: number; offset: number }) =>
  applyDbFilter(selectSummaries(db), a)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(a.limit)
    .offset(a.offset),
);

/** A page of the newest stories of several categories: each one's first `perCategory`, merged. */
const newestOfEachMatching = reusable(
  (db: Db, a: DbFilter & { categoryIds: readonly number[]; perCategory: number; limit: number; offset: number }) =>
    db
      .selectFrom(newestOfEach(db, a, a.perCategory).as('newest'))
      .selectAll()
      .orderBy('newest.published_at', 'desc')
      .orderBy('newest.id', 'desc')
      .limit(a.limit)
      .offset(a.offset),
);

/** The newest `perCategory` stories of each category, as one UNION ALL of index ranges. */
function newestOfEach(db: Db, f: DbFilter & { categoryIds: readonly number[] }, perCategory: number) {
  const arms = f.categoryIds.map((categoryId) =>
    db
      .selectFrom(
        applyDbFilter(selectSummaries(db), Object.assign({}, f, { categoryIds: [categoryId] }))
          .select('articles.category_id')
          .orderBy('articles.published_at', 'desc')
          .orderBy('articles.id', 'desc')
          .limit(perCategory)
          .as('arm'),
      )
      .selectAll(),
  );
  return arms.slice(1).reduce((union, arm) => union.unionAll(arm), arms[0]!);
}

/** How many published stories match a filter (for pagination). */
export async function countPublishedArticles(db: Db, f: ArticleFilter): Promise<number> {
  const args = toDbFilter(f);
  const tagId = tagListOf(f);
  const row =
    tagId !== undefined
      ? await countWithTag.executeTakeFirst(db, { now: args.now, tagId })
      : await countMatching.executeTakeFirst(db, args);
  return Number(row?.n ?? 0);
}

/**
 * A tag's published stories, counted in its index alone (a row's publication time is null while
 * its story is not published, 0010). No edition check: a tag belongs to one edition, and a story
 * only ever has tags of its own edition (replaceTags; editions never change).
 */
const countWithTag = reusable((db: Db, a: { now: string; tagId: number }) =>
  db
    .selectFrom('article_tags')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('article_tags.tag_id', '=', a.tagId)
    .where('article_tags.published_at', '<=', a.now),
);

const countMatching = reusable((db: Db, f: DbFilter) =>
  applyDbFilter(
    db
      .selectFrom('articles')
      .innerJoin('categories', 'categories.id', 'articles.category_id')
      .leftJoin('media', 'media.id', 'articles.featured_media_id')
      .select((eb) => eb.fn.countAll<number>().as('n')),
    f,
  ),
);

/**
 * The newest featured story of the last three days, if any (the home page's top story; without
 * one, the newest story leads).
 */
export async function findFeaturedStory(db: Db, edition: string, now: Date): Promise<ArticleSummary | undefined> {
  const since = new Date(now.getTime() - 3 * 24 * 3600_000);
  const featured = await newestFeatured.executeTakeFirst(db, { edition, now: toDbTime(now), since: toDbTime(since) });
  return featured && toArticleSummary(featured);
}

const newestFeatured = reusable((db: Db, a: { edition: string; now: string; since: string }) => {
  // Found in the (edition, is_featured, status, published_at) index alone, then read (0010).
  const newest = db
    .selectFrom('articles')
    .select('articles.id')
    .where('articles.edition', '=', a.edition)
    .where('articles.is_featured', '=', 1)
    .where(isPublishedBy(a.now))
    .where('articles.published_at', '>=', a.since)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(1)
    .as('featured');
  return db
    .selectFrom(newest)
    .crossJoin('articles')
    .whereRef('articles.id', '=', 'featured.id')
    .innerJoin('categories', 'categories.id', 'articles.category_id')
    .leftJoin('media', 'media.id', 'articles.featured_media_id')
    .select(SUMMARY_COLUMNS);
});

/**
 * The newest `perCategory` stories of each of these categories, in one query (an index range
 * per category), newest first overall; the home page groups them by top section.
 */
export async function listNewestPerCategory(
  db: Db,
  f: ArticleFilter & { categoryIds: readonly number[] },
  perCategory: number,
): Promise<(ArticleSummary & { categoryId: number })[]> {
  if (f.categoryIds.length === 0) return [];
  const rows = await db
    .selectFrom(
      newestOfEach(db, Object.assign(toDbFilter(f), { categoryIds: f.categoryIds }), perCategory).as('newest'),
    )
    .selectAll()
    .orderBy('newest.published_at', 'desc')
    .orderBy('newest.id', 'desc')
    .execute();
  return rows.map((r) => Object.assign(toArticleSummary(r), { categoryId: r.category_id }));
}

/**
 * When the next scheduled story of an edition appears (null: none is scheduled): lists derived
 * from "published by now" hold until then.
 */
export async function findNextScheduledTime(db: Db, edition: string, now: Date): Promise<Date | null> {
  const row = await nextScheduled.executeTakeFirst(db, { edition, now: toDbTime(now) });
  return row?.published_at ? toDate(row.published_at) : null;
}

const nextScheduled = reusable((db: Db, a: { edition: string; now: string }) =>
  db
    .selectFrom('articles')
    .select('articles.published_at')
    .where('articles.edition', '=', a.edition)
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '>', a.now)
    .orderBy('articles.published_at')
    .limit(1),
);

/** An edition's next end time of a published story after `now` (null when none is set). */
export async function findNextUnpublishTime(db: Db, edition: string, now: Date): Promise<Date | null> {
  const row = await nextUnpublish.executeTakeFirst(db, { edition, now: toDbTime(now) });
  return row?.unpublish_at ? toDate(row.unpublish_at) : null;
}

const nextUnpublish = reusable((db: Db, a: { edition: string; now: string }) =>
  db
    .selectFrom('articles')
    .select('articles.unpublish_at')
    .where('articles.status', '=', 'published')
    .where('articles.unpublish_at', '>', a.now)
    .where('articles.edition', '=', a.edition)
    .orderBy('articles.unpublish_at')
    .limit(1),
);

/** A tag as a story shows it. */
export interface ArticleTag {
  id: number;
  slug: string;
  name: string;
}

/** A published translation of a story, in another edition. */
export interface Translation {
  id: number;
  edition: string;
  slug: string;
}

/**
 * What the article page shows from the database: the published story by id (any edition; the
 * route checks edition and slug), its tags by name and its published translations by edition.
 * One statement: on SQLite each statement is a read transaction of its own (locks on the WAL
 * index), which cost the page as much as reading the story did.
 */
export async function findArticlePage(
  db: Db,
  id: number,
  now: Date,
  options: { preview?: boolean } = {},
): Promise<{ article: Article; tags: ArticleTag[]; translations: Translation[] } | undefined> {
  const row = await (options.preview ? articlePreviewById : articlePageById).executeTakeFirst(db, {
    id,
    now: toDbTime(now),
  });
  if (!row) return undefined;
  // Sorted here rather than in the aggregates: an ORDER BY inside SQLite's json_group_array
  // builds a temporary B-tree per list, and the two lists then cost more than the rest of the row.
  const tags = jsonRows<[number, string, string]>(row.tags_json)
    .map(([id, slug, name]) => ({ id, slug, name }))
    .sort((a, b) => byText(a.name, b.name) || a.id - b.id);
  const translations = jsonRows<[number, string, string]>(row.translations_json)
    .map(([id, edition, slug]) => ({ id, edition, slug }))
    .sort((a, b) => byText(a.edition, b.edition) || a.id - b.id);
  return { article: toArticle(row), tags, translations };
}

/** Code-unit order, the same on both engines (SQLite's BINARY collation, not PostgreSQL's locale). */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A JSON array column: text on SQLite, already parsed by the driver on PostgreSQL. */
function jsonRows<T>(value: unknown): T[] {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T[];
}

/** The article page's one statement, for a published story or (preview) for any. */
function articlePageQuery(db: Db, a: { id: number; now: string }) {
  // Each list as a JSON array of [id, slug|edition, slug|name] ('[]' when empty), in no order:
  // findArticlePage sorts them.
  const isPostgres = engineOf(db) === 'postgres';
  const list = (items: RawBuilder<unknown>) =>
    isPostgres
      ? sql`coalesce(json_agg(json_build_array(${items})), '[]'::json)`
      : sql`json_group_array(json_array(${items}))`;
  const tags = list(sql`tags.id, tags.slug, tags.name`);
  const translations = list(sql`t.id, t.edition, t.slug`);
  return selectSummaries(db)
    .leftJoin('users', 'users.id', 'articles.author_id')
    .select([
      'articles.translation_group',
      'articles.category_id',
      'articles.body_html',
      'articles.dateline',
      'articles.source',
      'articles.byline',
      'articles.updated_at',
      'articles.content_updated_at',
      'articles.correction_note',
      'articles.image_caption',
      'articles.image_credit',
      'articles.rating_sum',
      'articles.rating_count',
      'articles.baseline_rating_sum',
      'articles.baseline_rating_count',
      'users.display_name as author_name',
      'users.slug as author_slug',
      sql<unknown>`(select ${tags} from article_tags inner join tags on tags.id = article_tags.tag_id where article_tags.article_id = articles.id)`.as(
        'tags_json',
      ),
      sql<unknown>`(select ${translations} from articles as t where t.translation_group = articles.translation_group and t.id <> articles.id and t.status = 'published' and t.published_at <= ${a.now})`.as(
        'translations_json',
      ),
    ])
    .where('articles.id', '=', a.id);
}

const articlePageById = reusable((db: Db, a: { id: number; now: string }) =>
  articlePageQuery(db, a).where(isPublishedBy(a.now)),
);
/** The same for a newsroom preview: whatever its status (translations listed are still the published ones). */
const articlePreviewById = reusable((db: Db, a: { id: number; now: string }) => articlePageQuery(db, a));
