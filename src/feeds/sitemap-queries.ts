// What the sitemaps list: published stories (in files by id, so a file's contents stay put as new
// stories arrive), sections with their newest story, static pages, and the last two days' news.
import { sql, type Kysely } from 'kysely';
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

/** One file of an edition's story sitemap: where it starts, how many stories, its last change. */
export interface SitemapChunk {
  /** The smallest story id in the file; the file lists stories from it on, in id order. */
  readonly firstId: number;
  readonly count: number;
  readonly lastmod: Date | null;
}

/**
 * How an edition's published stories fall into files of `pageSize`, in id order, with each
 * file's last change: one pass over the edition's index, made once per change by the caller,
 * after which each file is read from its first id on (keyset) instead of an OFFSET.
 */
export async function listSitemapChunks(db: Db, edition: string, now: Date, pageSize: number): Promise<SitemapChunk[]> {
  const numbered = published(db, edition, now)
    .select([
      'articles.id',
      'articles.updated_at',
      'articles.published_at',
      sql<number>`(row_number() over (order by articles.id) - 1) / ${sql.lit(pageSize)}`.as('chunk'),
    ])
    .as('numbered');
  const rows = await db
    .selectFrom(numbered)
    .select((eb) => [
      'numbered.chunk',
      eb.fn.min('numbered.id').as('first_id'),
      eb.fn.countAll<number>().as('n'),
      eb.fn.max('numbered.updated_at').as('updated'),
      eb.fn.max('numbered.published_at').as('published'),
    ])
    .groupBy('numbered.chunk')
    .orderBy('numbered.chunk')
    .execute();
  return rows.map((r) => ({
    firstId: Number(r.first_id),
    count: Number(r.n),
    lastmod: later(toDateOrNull(r.updated ?? null), toDateOrNull(r.published ?? null)),
  }));
}

/** One file of an edition's published stories: `pageSize` of them from `firstId` on, in id order. */
export async function listSitemapArticles(
  db: Db,
  edition: string,
  now: Date,
  firstId: number,
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
    .where('articles.id', '>=', firstId)
    .orderBy('articles.id')
    .limit(pageSize)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    edition: r.edition,
    slug: r.slug,
    lastmod: later(toDate(r.updated_at), toDateOrNull(r.published_at)) ?? toDate(r.updated_at),
    image: imageOf(r),
  }));
}

/**
 * The newest publication time per section of an edition (sections without stories are absent):
 * one index lookup per section, not a pass over the archive.
 */
export async function listNewestPerCategory(db: Db, edition: string, now: Date): Promise<Map<number, Date>> {
  const rows = await db
    .selectFrom('categories')
    .select((eb) => [
      'categories.id',
      eb
        .selectFrom('articles')
        .select('articles.published_at')
        .whereRef('articles.category_id', '=', 'categories.id')
        .where(isPublished(now))
        .orderBy('articles.published_at', 'desc')
        .limit(1)
        .as('newest'),
    ])
    .where('categories.edition', '=', edition)
    .execute();
  const out = new Map<number, Date>();
  for (const r of rows) {
    const newest = toDateOrNull(r.newest ?? null);
    if (newest) out.set(r.id, newest);
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
