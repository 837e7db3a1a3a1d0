// What feeds and sitemaps read: published stories only. "Published" is the rule the whole
// site keeps (src/articles/queries.ts): status published and the publication time reached.
import type { Kysely } from 'kysely';
import { toDate, toDateOrNull } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import { toImage, type Image } from '../media/index.ts';
import { isPublished } from '../articles/index.ts';

type Db = Kysely<Database>;

/** A story as a feed entry needs it: the full text and everything around it. */
export interface FeedArticle {
  readonly id: number;
  readonly edition: string;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly bodyHtml: string;
  readonly dateline: string;
  readonly source: string;
  readonly byline: string | null;
  readonly author: { readonly name: string; readonly slug: string } | null;
  readonly category: { readonly slug: string; readonly name: string };
  readonly tags: readonly { readonly slug: string; readonly name: string }[];
  readonly publishedAt: Date;
  readonly updatedAt: Date;
  readonly image: Image | null;
  readonly imageAlt: string;
  readonly imageCaption: string;
  readonly imageCredit: string;
}

/** Reads an image from a left-joined media row. */
export function imageOf(row: {
  media_key: string | null;
  media_width: number | null;
  media_height: number | null;
  media_variants: string | null;
}): Image | null {
  if (row.media_key === null) return null;
  return toImage({
    storage_key: row.media_key,
    width: row.media_width ?? 0,
    height: row.media_height ?? 0,
    variants: row.media_variants ?? '[]',
  });
}

/** The newest published stories of an edition, or of some of its sections, newest first, with their tags. */
export async function listFeedArticles(
  db: Db,
  filter: { edition: string; now: Date; categoryIds?: readonly number[] },
  limit: number,
): Promise<FeedArticle[]> {
  const rows = await db
    .selectFrom('articles')
    .innerJoin('categories', 'categories.id', 'articles.category_id')
    .leftJoin('users', 'users.id', 'articles.author_id')
    .leftJoin('media', 'media.id', 'articles.featured_media_id')
    .select([
      'articles.id',
      'articles.edition',
      'articles.slug',
      'articles.title',
      'articles.summary',
      'articles.body_html',
      'articles.dateline',
      'articles.source',
      'articles.byline',
      'articles.published_at',
      'articles.updated_at',
      'articles.image_alt',
      'articles.image_caption',
      'articles.image_credit',
      'categories.slug as category_slug',
      'categories.name as category_name',
      'users.display_name as author_name',
      'users.slug as author_slug',
      'media.storage_key as media_key',
      'media.width as media_width',
      'media.height as media_height',
      'media.variants as media_variants',
    ])
    .where('articles.edition', '=', filter.edition)
    .where(isPublished(filter.now))
    .$if(filter.categoryIds !== undefined, (q) =>
      q.where('articles.id', 'in', newestIdsOf(db, filter, filter.categoryIds!, limit)),
    )
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  const tags = await listTagsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    edition: r.edition,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    bodyHtml: r.body_html,
    dateline: r.dateline,
    source: r.source,
    byline: r.byline,
    author: r.author_name !== null && r.author_slug !== null ? { name: r.author_name, slug: r.author_slug } : null,
    category: { slug: r.category_slug, name: r.category_name },
    tags: tags.get(r.id) ?? [],
    // Only published rows are read, and publishing always sets the time.
    publishedAt: toDateOrNull(r.published_at) ?? new Date(0),
    updatedAt: toDate(r.updated_at),
    image: imageOf(r),
    imageAlt: r.image_alt,
    imageCaption: r.image_caption,
    imageCredit: r.image_credit,
  }));
}

/**
 * The ids of the newest `limit` published stories of each category, as one UNION ALL of index
 * ranges: a section feed never sorts every story of its subsections.
 */
function newestIdsOf(db: Db, filter: { edition: string; now: Date }, categoryIds: readonly number[], limit: number) {
  const arms = (categoryIds.length ? categoryIds : [-1]).map((categoryId) =>
    db
      .selectFrom(
        db
          .selectFrom('articles')
          .select('articles.id')
          .where('articles.category_id', '=', categoryId)
          .where('articles.edition', '=', filter.edition)
          .where(isPublished(filter.now))
          .orderBy('articles.published_at', 'desc')
          .orderBy('articles.id', 'desc')
          .limit(limit)
          .as('arm'),
      )
      .select('arm.id'),
  );
  return arms.slice(1).reduce((union, arm) => union.unionAll(arm), arms[0]!);
}

/** The tags of several stories in one query, by story id, in name order. */
async function listTagsOf(db: Db, ids: readonly number[]): Promise<Map<number, { slug: string; name: string }[]>> {
  const byId = new Map<number, { slug: string; name: string }[]>();
  if (ids.length === 0) return byId;
  const rows = await db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['article_tags.article_id', 'tags.slug', 'tags.name'])
    .where('article_tags.article_id', 'in', ids)
    .orderBy('tags.name')
    .execute();
  for (const r of rows) {
    const list = byId.get(r.article_id) ?? [];
    list.push({ slug: r.slug, name: r.name });
    byId.set(r.article_id, list);
  }
  return byId;
}
