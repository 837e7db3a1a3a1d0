// Test data builders: each fills in what it is not given, parents included.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { toDbTime } from '../../src/core/db/dialect.ts';
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
import { storeImage } from '../../src/media/index.ts';
import { indexArticle } from '../../src/search/indexer.ts';
import { insertUser } from '../../src/users/index.ts';

type Db = Kysely<Database>;
let counter = 0;
const next = () => ++counter;

/** A category (top-level unless parent_id is given). */
export async function makeCategory(db: Db, values: Partial<CategoryRow> = {}): Promise<CategoryRow> {
  const n = next();
  const name = values.name ?? `Section ${n}`;
  return db
    .insertInto('categories')
    .values({
      edition: values.edition ?? 'en',
      parent_id: values.parent_id ?? null,
      slug: values.slug ?? slugify(`${name} ${n}`),
      name,
      description: values.description ?? '',
      position: values.position ?? n,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An author without a password. */
export async function makeAuthor(
  db: Db,
  values: Partial<{ name: string; slug: string; bio: string }> = {},
): Promise<UserRow> {
  const n = next();
  const name = values.name ?? `Author ${n}`;
  return insertUser(
    db,
    {
      email: `author${n}-${randomUUID().slice(0, 6)}@warta.test`,
      displayName: name,
      slug: values.slug ?? slugify(`${name}-${n}`),
      role: 'author',
      passwordHash: null,
      bio: values.bio ?? '',
    },
    new Date(),
  );
}

/** A small real image, processed like an upload. */
export async function makeImage(db: Db, dataDir: string, width = 1200, height = 675): Promise<MediaRow> {
  const png = await sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    .png()
    .toBuffer();
  return storeImage(db, dataDir, png, { alt: 'A blue test picture', caption: 'Test caption', credit: 'Test Photo' });
}

/** A published article (an hour ago unless said otherwise), with its category and author made on demand. */
export async function makeArticle(db: Db, values: Partial<NewArticle> & { tags?: string[] } = {}): Promise<ArticleRow> {
  const n = next();
  const edition = values.edition ?? 'en';
  const category_id = values.category_id ?? (await makeCategory(db, { edition })).id;
  const author_id = values.author_id === undefined ? (await makeAuthor(db)).id : values.author_id;
  const title = values.title ?? `Test story number ${n}`;
  const publishedAt = values.published_at ?? toDbTime(new Date(Date.now() - 3600_000));
  const { tags, ...rest } = values;
  const row = await db
    .insertInto('articles')
    .values({
      translation_group: randomUUID(),
      byline: null,
      slug: slugify(title),
      summary: `Summary of story ${n}.`,
      body_html: `<p>First paragraph of story ${n}.</p><p>Last paragraph of story ${n}.</p>`,
      dateline: 'Jakarta',
      source: 'Warta/VOI',
      status: 'published',
      is_featured: 0,
      created_at: publishedAt,
      updated_at: publishedAt,
      featured_media_id: null,
      image_caption: '',
      image_credit: '',
      image_alt: '',
      ...rest,
      edition,
      category_id,
      author_id,
      title,
      published_at: publishedAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const name of tags ?? []) {
    const slug = slugify(name);
    const tag =
      (await db
        .selectFrom('tags')
        .selectAll()
        .where('edition', '=', edition)
        .where('slug', '=', slug)
        .executeTakeFirst()) ??
      (await db.insertInto('tags').values({ edition, slug, name }).returningAll().executeTakeFirstOrThrow());
    await db.insertInto('article_tags').values({ article_id: row.id, tag_id: tag.id }).execute();
  }
  await indexArticle(db, row.id); // as the newsroom's commands do, so tests can search for it
  return row;
}

/** A published page; give parent to nest it. */
export async function makePage(
  db: Db,
  values: Partial<Omit<PageRow, 'created_at' | 'updated_at'>> & { parent?: PageRow } = {},
): Promise<PageRow> {
  const n = next();
  const title = values.title ?? `Page ${n}`;
  const slug = values.slug ?? slugify(`${title}-${n}`);
  const { parent, ...rest } = values;
  const now = toDbTime(new Date());
  return db
    .insertInto('pages')
    .values({
      edition: 'en',
      translation_group: randomUUID(),
      summary: '',
      body_html: `<p>Body of page ${n}.</p>`,
      position: n,
      status: 'published',
      created_at: now,
      updated_at: now,
      ...rest,
      parent_id: parent?.id ?? null,
      slug,
      path: parent ? `${parent.path}/${slug}` : slug,
      title,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
