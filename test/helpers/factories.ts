// Test data builders: each fills in what it is not given, parents included.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type {
  ArticleRow,
  CategoryRow,
  Database,
  MediaRow,
  NewArticle,
  PageRow,
  UserRow,
} from '../../src/core/db/schema.ts';
import { slugify } from '../../src/core/text/slug.ts';
import { createArticle, createCategory } from '../../src/articles/index.ts';
import { storeImage } from '../../src/media/index.ts';
import { createPage } from '../../src/pages/index.ts';
import { addUser } from '../../src/users/index.ts';
import { writerFor } from './writer.ts';

type Db = Kysely<Database>;
let counter = 0;
const next = () => ++counter;

/** A category (top-level unless parent_id is given). */
export async function makeCategory(db: Db, values: Partial<CategoryRow> = {}): Promise<CategoryRow> {
  const n = next();
  const name = values.name ?? `Section ${n}`;
  return createCategory(writerFor(db), {
    edition: values.edition ?? 'en',
    parentId: values.parent_id ?? null,
    slug: values.slug ?? slugify(`${name} ${n}`),
    name,
    description: values.description ?? '',
    position: values.position ?? n,
  });
}

/** An author without a password. */
export async function makeAuthor(
  db: Db,
  values: Partial<{ name: string; slug: string; bio: string }> = {},
): Promise<UserRow> {
  const n = next();
  const name = values.name ?? `Author ${n}`;
  return addUser(writerFor(db), {
    email: `author${n}-${randomUUID().slice(0, 6)}@warta.test`,
    displayName: name,
    slug: values.slug ?? slugify(`${name}-${n}`),
    role: 'author',
    passwordHash: null,
    bio: values.bio ?? '',
  });
}

/** A small real image, processed like an upload. */
export async function makeImage(db: Db, dataDir: string, width = 1200, height = 675): Promise<MediaRow> {
  const png = await sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    .png()
    .toBuffer();
  return storeImage(db, dataDir, png, { alt: 'A blue test picture', caption: 'Test caption', credit: 'Test Photo' });
}

/**
 * A published article (an hour ago unless said otherwise), made by the createArticle command
 * with its category and author made on demand. Columns no command writes (read and rating
 * totals, a fixed translation group) are set afterwards, as the tests' fixtures.
 */
export async function makeArticle(db: Db, values: Partial<NewArticle> & { tags?: string[] } = {}): Promise<ArticleRow> {
  const n = next();
  const edition = values.edition ?? 'en';
  const categoryId = values.category_id ?? (await makeCategory(db, { edition })).id;
  const authorId = values.author_id === undefined ? (await makeAuthor(db)).id : values.author_id;
  const title = values.title ?? `Test story number ${n}`;
  const publishedAt = new Date(values.published_at ?? Date.now() - 3600_000);
  const writer = writerFor(db);
  // Written at its publication time, as a newsroom would have done (a scheduled one: now).
  const writtenAt = new Date(Math.min(publishedAt.getTime(), Date.now()));
  const row = await createArticle(
    { ...writer, now: () => writtenAt },
    {
      edition,
      categoryId,
      authorId,
      byline: values.byline ?? null,
      title,
      slug: values.slug ?? slugify(title),
      summary: values.summary ?? `Summary of story ${n}.`,
      bodyHtml: values.body_html ?? `<p>First paragraph of story ${n}.</p><p>Last paragraph of story ${n}.</p>`,
      dateline: values.dateline ?? 'Jakarta',
      source: values.source ?? 'Warta/VOI',
      status: values.status ?? 'published',
      isFeatured: values.is_featured === 1,
      publishedAt,
      featuredMediaId: values.featured_media_id ?? null,
      imageCaption: values.image_caption ?? '',
      imageCredit: values.image_credit ?? '',
      imageAlt: values.image_alt ?? '',
      tags: values.tags ?? [],
    },
  );
  const fixtures = {
    ...(values.hit_count !== undefined ? { hit_count: values.hit_count } : {}),
    ...(values.rating_sum !== undefined ? { rating_sum: values.rating_sum } : {}),
    ...(values.rating_count !== undefined ? { rating_count: values.rating_count } : {}),
    ...(values.translation_group !== undefined ? { translation_group: values.translation_group } : {}),
    ...(values.created_at !== undefined ? { created_at: values.created_at } : {}),
    ...(values.updated_at !== undefined ? { updated_at: values.updated_at } : {}),
  };
  if (Object.keys(fixtures).length === 0) return row;
  return db.updateTable('articles').set(fixtures).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
}

/** A published page; give parent to nest it. */
export async function makePage(
  db: Db,
  values: Partial<Omit<PageRow, 'created_at' | 'updated_at'>> & { parent?: PageRow } = {},
): Promise<PageRow> {
  const n = next();
  const title = values.title ?? `Page ${n}`;
  const row = await createPage(writerFor(db), {
    edition: values.edition ?? 'en',
    parentId: values.parent?.id ?? null,
    slug: values.slug ?? slugify(`${title}-${n}`),
    title,
    summary: values.summary ?? '',
    bodyHtml: values.body_html ?? `<p>Body of page ${n}.</p>`,
    position: values.position ?? n,
    status: values.status ?? 'published',
  });
  if (values.translation_group === undefined) return row;
  return db
    .updateTable('pages')
    .set({ translation_group: values.translation_group })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
