// What the public API (src/api) reads of the news: stories page by key (never an OFFSET), so the
// 5,000th page of a 100,000-story archive costs what the first does; one story with its tags and
// translations; an edition's tags and the authors who have published there. "Published" is the
// one rule of queries.ts; `includeUnpublished` is the seam for an API key allowed to read drafts.
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { toDate, toDateOrNull, toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import { toImage, type Image } from '../media/index.ts';
import { isPublished } from './queries.ts';

type Db = Kysely<Database>;

/** Who is asking: the public sees published stories only (see the routes in src/api). */
export interface ApiVisibility {
  /**
   * Drafts, stories in review and scheduled ones too. Lists in publication order then also show
   * any story that has a publication time (scheduled ones); the `updatedSince` list shows every status.
   */
  readonly includeUnpublished: boolean;
}

/** A position in a list, as the opaque cursor carries it: the order's time (toDbTime text) and id. */
export interface ApiKey {
  readonly at: string;
  readonly id: number;
}

/** The filters of the article list: an edition, at most one of section/tag/author, and dates. */
export interface ApiArticleFilter {
  readonly edition: string;
  readonly now: Date;
  /** A section and its subsections (ids from withDescendants). */
  readonly categoryIds?: readonly number[];
  readonly tagId?: number;
  readonly authorId?: number;
  readonly publishedAfter?: Date;
  readonly publishedBefore?: Date;
  /** Changed at or after this time: the list runs oldest change first (a client syncing). */
  readonly updatedSince?: Date;
}

/** A story in an API list. */
export interface ApiArticleSummary {
  readonly id: number;
  readonly edition: string;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly status: string;
  readonly publishedAt: Date | null;
  readonly updatedAt: Date;
  readonly section: { readonly id: number; readonly slug: string; readonly name: string };
  readonly author: { readonly id: number; readonly slug: string; readonly name: string } | null;
  readonly byline: string | null;
  readonly image: (Image & { readonly alt: string }) | null;
}

/** A whole story for the API. */
export interface ApiArticle extends ApiArticleSummary {
  readonly bodyHtml: string;
  readonly dateline: string;
  readonly source: string;
  readonly correctionNote: string;
  readonly contentUpdatedAt: Date | null;
  readonly imageCaption: string;
  readonly imageCredit: string;
  readonly tags: readonly { readonly id: number; readonly slug: string; readonly name: string }[];
  readonly translations: readonly { readonly id: number; readonly edition: string; readonly slug: string }[];
}

const LIST_COLUMNS = [
  'articles.id',
  'articles.edition',
  'articles.slug',
  'articles.title',
  'articles.summary',
  'articles.status',
  'articles.published_at',
  'articles.updated_at',
  'articles.byline',
  'articles.image_alt',
  'articles.category_id',
  'categories.slug as category_slug',
  'categories.name as category_name',
  'users.id as author_id',
  'users.slug as author_slug',
  'users.display_name as author_name',
  'media.storage_key as media_key',
  'media.width as media_width',
  'media.height as media_height',
  'media.variants as media_variants',
  'media.formats as media_formats',
] as const;

type From = 'articles' | 'categories' | 'media' | 'users';

function selectList(db: Db) {
  return db
    .selectFrom('articles')
    .innerJoin('categories', 'categories.id', 'articles.category_id')
    .leftJoin('media', 'media.id', 'articles.featured_media_id')
    .leftJoin('users', 'users.id', 'articles.author_id')
    .select(LIST_COLUMNS);
}

type ListRow = Awaited<ReturnType<ReturnType<typeof selectList>['execute']>>[number];

function toSummary(row: ListRow): ApiArticleSummary {
  return {
    id: row.id,
    edition: row.edition,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    status: row.status,
    publishedAt: toDateOrNull(row.published_at),
    updatedAt: toDate(row.updated_at),
    section: { id: row.category_id, slug: row.category_slug, name: row.category_name },
    author:
      row.author_id !== null && row.author_slug !== null && row.author_name !== null
        ? { id: row.author_id, slug: row.author_slug, name: row.author_name }
        : null,
    byline: row.byline,
    image:
      row.media_key !== null
        ? {
            ...toImage({
              storage_key: row.media_key,
              width: row.media_width ?? 0,
              height: row.media_height ?? 0,
              variants: row.media_variants ?? '[]',
              formats: row.media_formats,
            }),
            alt: row.image_alt,
          }
        : null,
  };
}

/** The visibility rule on `articles`: published by now, or (drafts allowed) anything. */
function visible<O>(query: SelectQueryBuilder<Database, From, O>, now: Date, v: ApiVisibility) {
  return v.includeUnpublished ? query : query.where(isPublished(now));
}

/**
 * A page of stories, newest publication first (or, with `updatedSince`, oldest change first),
 * starting after `after`, and the key to start the next page from (none on the last page). Each filter reads one index range from the cursor on:
 * (edition, status, published_at, id), (category_id, …), (author_id, …), the tag's
 * (tag_id, published_at, article_id), or (edition, updated_at, id) for changes.
 */
export async function listArticlesForApi(
  db: Db,
  f: ApiArticleFilter,
  page: { after?: ApiKey; limit: number },
  v: ApiVisibility,
): Promise<{ items: ApiArticleSummary[]; next?: ApiKey }> {
  // One more than the page: whether a next page exists is known without another query.
  const ask = { after: page.after, limit: page.limit + 1 };
  const rows =
    f.updatedSince !== undefined
      ? await changedSince(db, f, f.updatedSince, ask, v)
      : f.tagId !== undefined
        ? await newestWithTag(db, f, f.tagId, ask, v)
        : f.categoryIds !== undefined && f.categoryIds.length > 1
          ? await newestOfSections(db, f, f.categoryIds, ask, v)
          : await newestPublished(db, f, ask, v);
  const shown = rows.slice(0, page.limit);
  const items = shown.map(toSummary);
  const lastRow = shown[shown.length - 1];
  if (!lastRow || rows.length <= page.limit) return { items };
  const at = f.updatedSince !== undefined ? lastRow.updated_at : lastRow.published_at;
  return { items, next: { at: toDbTime(toDate(at!)), id: lastRow.id } };
}

/** Newest first by (published_at, id), after a key: `published_at <= t` bounds the index range. */
function beforeKey<O>(query: SelectQueryBuilder<Database, From, O>, after: ApiKey | undefined) {
  if (!after) return query;
  return query
    .where('articles.published_at', '<=', after.at)
    .where((eb) => eb.or([eb('articles.published_at', '<', after.at), eb('articles.id', '<', after.id)]));
}

/** The publication window: asked dates, and (drafts or not) only stories that have a time. */
function publishedWindow<O>(query: SelectQueryBuilder<Database, From, O>, f: ApiArticleFilter) {
  return query
    .where('articles.published_at', 'is not', null)
    .$if(f.publishedAfter !== undefined, (q) => q.where('articles.published_at', '>=', toDbTime(f.publishedAfter!)))
    .$if(f.publishedBefore !== undefined, (q) => q.where('articles.published_at', '<', toDbTime(f.publishedBefore!)));
}

function newestPublished(db: Db, f: ApiArticleFilter, page: { after?: ApiKey; limit: number }, v: ApiVisibility) {
  const categoryId = f.categoryIds?.[0];
  let query = selectList(db).where('articles.edition', '=', f.edition);
  if (categoryId !== undefined) query = query.where('articles.category_id', '=', categoryId);
  if (f.authorId !== undefined) query = query.where('articles.author_id', '=', f.authorId);
  return beforeKey(publishedWindow(visible(query, f.now, v), f), page.after)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(page.limit)
    .execute();
}

/** Several sections: each one's next `limit` from the key (one index range each), merged. */
function newestOfSections(
  db: Db,
  f: ApiArticleFilter,
  categoryIds: readonly number[],
  page: { after?: ApiKey; limit: number },
  v: ApiVisibility,
) {
  const arms = categoryIds.map((categoryId) =>
    db
      .selectFrom(
        beforeKey(
          publishedWindow(
            visible(
              selectList(db).where('articles.edition', '=', f.edition).where('articles.category_id', '=', categoryId),
              f.now,
              v,
            ),
            f,
          ),
          page.after,
        )
          .orderBy('articles.published_at', 'desc')
          .orderBy('articles.id', 'desc')
          .limit(page.limit)
          .as('arm'),
      )
      .selectAll(),
  );
  const union = arms.slice(1).reduce((all, arm) => all.unionAll(arm), arms[0]!);
  return db
    .selectFrom(union.as('newest'))
    .selectAll()
    .orderBy('newest.published_at', 'desc')
    .orderBy('newest.id', 'desc')
    .limit(page.limit)
    .execute();
}

/**
 * A tag's stories: the page's ids are one range of (tag_id, published_at, article_id), which
 * holds a story's time only while it is published (0010); then those stories are read by id.
 */
function newestWithTag(
  db: Db,
  f: ApiArticleFilter,
  tagId: number,
  page: { after?: ApiKey; limit: number },
  v: ApiVisibility,
) {
  const after = page.after;
  const ids = db
    .selectFrom('article_tags')
    .select(['article_tags.article_id', 'article_tags.published_at as tag_published_at'])
    .where('article_tags.tag_id', '=', tagId)
    .where('article_tags.published_at', '<=', toDbTime(f.now))
    .$if(f.publishedAfter !== undefined, (q) => q.where('article_tags.published_at', '>=', toDbTime(f.publishedAfter!)))
    .$if(f.publishedBefore !== undefined, (q) =>
      q.where('article_tags.published_at', '<', toDbTime(f.publishedBefore!)),
    )
    .$if(after !== undefined, (q) =>
      q
        .where('article_tags.published_at', '<=', after!.at)
        .where((eb) =>
          eb.or([eb('article_tags.published_at', '<', after!.at), eb('article_tags.article_id', '<', after!.id)]),
        ),
    )
    .orderBy('article_tags.published_at', 'desc')
    .orderBy('article_tags.article_id', 'desc')
    .limit(page.limit)
    .as('page');
  return (
    db
      .selectFrom(ids)
      // CROSS JOIN keeps this order on SQLite: the page first, then its stories by id.
      .crossJoin('articles')
      .whereRef('articles.id', '=', 'page.article_id')
      .innerJoin('categories', 'categories.id', 'articles.category_id')
      .leftJoin('media', 'media.id', 'articles.featured_media_id')
      .leftJoin('users', 'users.id', 'articles.author_id')
      .select(LIST_COLUMNS)
      .where('articles.edition', '=', f.edition)
      .where(v.includeUnpublished ? sql<boolean>`1 = 1` : isPublished(f.now))
      .orderBy('page.tag_published_at', 'desc')
      .orderBy('page.article_id', 'desc')
      .execute()
  );
}

/** Oldest change first from `since`, by (edition, updated_at, id); the rule checked per story. */
function changedSince(
  db: Db,
  f: ApiArticleFilter,
  since: Date,
  page: { after?: ApiKey; limit: number },
  v: ApiVisibility,
) {
  const after = page.after;
  return visible(selectList(db).where('articles.edition', '=', f.edition), f.now, v)
    .where('articles.updated_at', '>=', toDbTime(since))
    .$if(after !== undefined, (q) =>
      q
        .where('articles.updated_at', '>=', after!.at)
        .where((eb) => eb.or([eb('articles.updated_at', '>', after!.at), eb('articles.id', '>', after!.id)])),
    )
    .orderBy('articles.updated_at', 'asc')
    .orderBy('articles.id', 'asc')
    .limit(page.limit)
    .execute();
}

/** One story by id with its body, tags and published translations (undefined: none the caller may see). */
export async function findArticleForApi(
  db: Db,
  id: number,
  now: Date,
  v: ApiVisibility,
): Promise<ApiArticle | undefined> {
  const row = await visible(
    selectList(db).select([
      'articles.body_html',
      'articles.dateline',
      'articles.source',
      'articles.correction_note',
      'articles.content_updated_at',
      'articles.image_caption',
      'articles.image_credit',
      'articles.translation_group',
    ]),
    now,
    v,
  )
    .where('articles.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [tags, translations] = await Promise.all([
    db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select(['tags.id', 'tags.slug', 'tags.name'])
      .where('article_tags.article_id', '=', id)
      .orderBy('tags.name')
      .execute(),
    db
      .selectFrom('articles')
      .select(['articles.id', 'articles.edition', 'articles.slug'])
      .where('articles.translation_group', '=', row.translation_group)
      .where('articles.id', '<>', id)
      .where(isPublished(now))
      .orderBy('articles.edition')
      .execute(),
  ]);
  return {
    ...toSummary(row),
    bodyHtml: row.body_html,
    dateline: row.dateline,
    source: row.source,
    correctionNote: row.correction_note,
    contentUpdatedAt: toDateOrNull(row.content_updated_at),
    imageCaption: row.image_caption,
    imageCredit: row.image_credit,
    tags,
    translations,
  };
}

/** A tag as the API lists it. */
export interface ApiTag {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
}

/** A page of an edition's tags by slug, after `afterSlug` (the (edition, slug) unique index). */
export async function listTagsForApi(
  db: Db,
  edition: string,
  page: { afterSlug?: string; limit: number },
): Promise<ApiTag[]> {
  return db
    .selectFrom('tags')
    .select(['id', 'slug', 'name'])
    .where('edition', '=', edition)
    .$if(page.afterSlug !== undefined, (q) => q.where('slug', '>', page.afterSlug!))
    .orderBy('slug')
    .limit(page.limit)
    .execute();
}

/** An author as the API lists them. */
export interface ApiAuthor {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly bio: string;
}

/**
 * A page of the people with a story published in an edition, by id after `afterId`. Staff who
 * never wrote there stay private (admins, integrity officers); each person is one probe of
 * (author_id, status, published_at), and a site has hundreds of accounts, not millions.
 */
export async function listAuthorsForApi(
  db: Db,
  edition: string,
  now: Date,
  page: { afterId?: number; limit: number },
): Promise<ApiAuthor[]> {
  return db
    .selectFrom('users')
    .select(['users.id', 'users.slug', 'users.display_name as name', 'users.bio'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('articles')
          .select('articles.id')
          .whereRef('articles.author_id', '=', 'users.id')
          .where('articles.edition', '=', edition)
          .where(isPublished(now)),
      ),
    )
    .$if(page.afterId !== undefined, (q) => q.where('users.id', '>', page.afterId!))
    .orderBy('users.id')
    .limit(page.limit)
    .execute();
}
