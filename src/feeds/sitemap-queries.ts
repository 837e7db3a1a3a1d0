// What the sitemaps list: published stories (paged by id, so a page's contents stay put as new
// stories arrive), sections with their newest story, static pages, and the last two days' news.
import type { Kysely } from 'kysely';
import { toDate, toDateOrNull, toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import type { Image } from '../media/index.ts';
import { isPublished } from '../articles/index.ts';
import { imageOf } from './queries.ts';

type Db = Kysely<Database>;

/** A story in a sitemap: where it is, when it last changed, its picture. */
export interface SitemapArticle {
  readonly id: number;
  readonly edition: string;
  readonly slug: string;
  readonly lastmod: Date;
  readonly image: Image | null;
}

/** A story in the Google News sitemap. */
export interface NewsSitemapArticle {
  readonly id: number;
  readonly edition: string;
  readonly slug: string;
  readonly title: string;
  readonly publishedAt: Date;
}

/** The later of two times; a scheduled story may have been saved before it was published. */
function later(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

function published(db: Db, edition: string, now: Date) {
  return db.selectFrom('articles').where('articles.edition', '=', edition).where(isPublished(now));
}

/** How many published stories an edition has. */
export async function countSitemapArticles(db: Db, edition: string, now: Date): Promise<number> {
  const row = await published(db, edition, now)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One page (1-based) of an edition's published stories in id order. */
export async function listSitemapArticles(
  db: Db,
  edition: string,
  now: Date,
  page: number,
  pageSize: number,
): Promise<SitemapArticle[]> {
  const rows = await published(db, edition, now)
    .leftJoin('media', 'media.id', 'articles.featured_media_id')
    .select([
      'articles.id',
      'articles.edition',
      'articles.slug',
      'articles.published_at',
      'articles.updated_at',
      'media.storage_key as media_key',
      'media.width as media_width',
      'media.height as media_height',
      'media.variants as media_variants',
    ])
    .orderBy('articles.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    edition: r.edition,
    slug: r.slug,
    lastmod: later(toDate(r.updated_at), toDateOrNull(r.published_at)) ?? toDate(r.updated_at),
    image: imageOf(r),
  }));
}

/** The last change on each page of stories, for the sitemap index (one small query per page). */
export async function listSitemapPageLastmods(
  db: Db,
  edition: string,
  now: Date,
  pages: number,
  pageSize: number,
): Promise<(Date | null)[]> {
  const one = async (page: number) => {
    const slice = published(db, edition, now)
      .select(['articles.updated_at', 'articles.published_at'])
      .orderBy('articles.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .as('slice');
    const row = await db
      .selectFrom(slice)
      .select((eb) => [eb.fn.max('slice.updated_at').as('updated'), eb.fn.max('slice.published_at').as('published')])
      .executeTakeFirst();
    return later(toDateOrNull(row?.updated ?? null), toDateOrNull(row?.published ?? null));
  };
  return Promise.all(Array.from({ length: pages }, (_, i) => one(i + 1)));
}

/** The newest publication time per section of an edition (sections without stories are absent). */
export async function listNewestPerCategory(db: Db, edition: string, now: Date): Promise<Map<number, Date>> {
  const rows = await published(db, edition, now)
    .select((eb) => ['articles.category_id', eb.fn.max('articles.published_at').as('newest')])
    .groupBy('articles.category_id')
    .execute();
  const out = new Map<number, Date>();
  for (const r of rows) {
    const newest = toDateOrNull(r.newest);
    if (newest) out.set(r.category_id, newest);
  }
  return out;
}

/** Published static pages of an edition with their last change. */
export async function listSitemapPages(db: Db, edition: string): Promise<{ path: string; updatedAt: Date }[]> {
  const rows = await db
    .selectFrom('pages')
    .select(['path', 'updated_at'])
    .where('edition', '=', edition)
    .where('status', '=', 'published')
    .orderBy('path')
    .execute();
  return rows.map((r) => ({ path: r.path, updatedAt: toDate(r.updated_at) }));
}

/** Stories published since `since` (Google News wants the last 48 hours, at most 1,000). */
export async function listNewsSitemapArticles(
  db: Db,
  edition: string,
  now: Date,
  since: Date,
  limit = 1000,
): Promise<NewsSitemapArticle[]> {
  const rows = await published(db, edition, now)
    .select(['articles.id', 'articles.edition', 'articles.slug', 'articles.title', 'articles.published_at'])
    .where('articles.published_at', '>=', toDbTime(since))
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    edition: r.edition,
    slug: r.slug,
    title: r.title,
    publishedAt: toDateOrNull(r.published_at) ?? new Date(0),
  }));
}
