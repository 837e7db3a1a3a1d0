// Turns the demo content (authors, sections, stories, pages) into rows and generated photos.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { toDbTime } from '../../src/core/db/dialect.ts';
import type { Database } from '../../src/core/db/schema.ts';
import { paragraphsToHtml } from '../../src/core/text/sanitize.ts';
import { slugify } from '../../src/core/text/slug.ts';
import { storeImage } from '../../src/media/index.ts';
import { reindexAll } from '../../src/search/index.ts';
import { insertDemoReads } from '../../src/reads/index.ts';
import { insertUser } from '../../src/users/index.ts';
import { EDITIONS, replaceMainMenu, sectionLinks } from '../editions.ts';
import { articles } from './articles.ts';
import { authors } from './authors.ts';
import { categories } from './categories.ts';
import { pages } from './pages.ts';
import { renderDemoPhoto } from './photos.ts';
import type { DemoCategory, EditionCode } from './types.ts';
import { zonedTime } from './zoned-time.ts';

export interface DemoSeedOptions {
  dataDir: string;
  timezone: string;
  now: Date;
}

/** Fills an empty database with the demo site. Runs in one transaction: all or nothing. */
export async function seedDemo(db: Kysely<Database>, options: DemoSeedOptions): Promise<{ articles: number }> {
  const existing = await db.selectFrom('articles').select('id').limit(1).executeTakeFirst();
  if (existing) throw new Error('the database already has articles; demo content goes only into an empty site');
  let count = 0;
  await db.transaction().execute(async (trx) => {
    const authorIds = new Map<string, number>();
    for (const a of authors) {
      const user = await insertUser(
        trx,
        { email: a.email, displayName: a.name, slug: a.slug, role: a.role, passwordHash: null, bio: a.bio.en ?? '' },
        options.now,
      );
      authorIds.set(a.key, user.id);
    }

    const categoryIds = new Map<string, number>(); // `${edition}:${key}`
    for (const e of EDITIONS) {
      for (const [position, c] of categories.entries()) {
        const name = c.name[e.code];
        if (!name) continue;
        const row = await trx
          .insertInto('categories')
          .values({
            edition: e.code,
            parent_id: c.parent ? (categoryIds.get(`${e.code}:${c.parent}`) ?? null) : null,
            slug: c.slug[e.code] ?? slugify(name),
            name,
            description: c.description[e.code] ?? '',
            position,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        categoryIds.set(`${e.code}:${c.key}`, row.id);
      }
    }

    const tagIds = new Map<string, number>(); // `${edition}:${slug}`
    const tagId = async (edition: string, name: string) => {
      const slug = slugify(name);
      const key = `${edition}:${slug}`;
      let id = tagIds.get(key);
      if (id === undefined) {
        id = (await trx.insertInto('tags').values({ edition, slug, name }).returning('id').executeTakeFirstOrThrow())
          .id;
        tagIds.set(key, id);
      }
      return id;
    };

    for (const story of articles) {
      const group = randomUUID();
      const publishedAt = storyTime(story.daysAgo, story.hour, story.minute, options);
      // One stored photo per story; each edition's article carries its own caption and alt text.
      const firstCode = (Object.keys(story.text)[0] ?? 'en') as EditionCode;
      const media = await storeImage(trx, options.dataDir, await renderDemoPhoto(story.photo, 1600, 900), {
        alt: story.photo.alt[firstCode] ?? '',
        caption: story.photo.caption[firstCode] ?? '',
        credit: story.photo.credit,
      });
      for (const e of EDITIONS) {
        const text = story.text[e.code as EditionCode];
        const categoryId = categoryIds.get(`${e.code}:${story.category}`);
        if (!text || categoryId === undefined) continue;
        const caption = story.photo.caption[e.code as EditionCode] ?? '';
        const alt = story.photo.alt[e.code as EditionCode] ?? '';
        const row = await trx
          .insertInto('articles')
          .values({
            edition: e.code,
            translation_group: group,
            category_id: categoryId,
            author_id: story.author ? (authorIds.get(story.author) ?? null) : null,
            byline: story.byline ?? null,
            title: text.title,
            slug: slugify(text.title),
            summary: text.summary,
            body_html: paragraphsToHtml(text.body),
            dateline: text.dateline,
            source: text.source,
            status: 'published',
            is_featured: story.featured ? 1 : 0,
            published_at: toDbTime(publishedAt),
            created_at: toDbTime(publishedAt),
            updated_at: toDbTime(publishedAt),
            featured_media_id: media.id,
            image_caption: caption,
            image_credit: story.photo.credit,
            image_alt: alt,
            hit_count: story.reads,
            rating_sum: story.ratings[0],
            rating_count: story.ratings[1],
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const ids = new Set<number>();
        for (const name of text.tags) ids.add(await tagId(e.code, name));
        if (ids.size)
          await trx
            .insertInto('article_tags')
            .values([...ids].map((tag_id) => ({ article_id: row.id, tag_id })))
            .execute();
        await insertDemoReads(trx, row.id, story.reads, publishedAt, options);
        count++;
      }
    }

    const rootPaths = new Map<string, string>(); // edition → Company Profile root path
    for (const e of EDITIONS) {
      const made = new Map<string, { id: number; path: string }>();
      for (const [position, p] of pages.entries()) {
        const title = p.title[e.code];
        const body = p.body[e.code];
        if (!title || !body) continue;
        const parent = p.parent ? made.get(p.parent) : undefined;
        if (p.parent && !parent) continue;
        const slug = p.slug[e.code] ?? slugify(title);
        const path = parent ? `${parent.path}/${slug}` : slug;
        const row = await trx
          .insertInto('pages')
          .values({
            edition: e.code,
            translation_group: `page:${p.key}`,
            parent_id: parent?.id ?? null,
            slug,
            path,
            title,
            summary: p.summary[e.code] ?? '',
            body_html: paragraphsToHtml(body),
            position,
            status: 'published',
            created_at: toDbTime(options.now),
            updated_at: toDbTime(options.now),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        made.set(p.key, { id: row.id, path });
        if (!parent) rootPaths.set(e.code, `/${e.code}/${path}`);
      }
    }

    for (const e of EDITIONS) {
      const news = categories
        .filter((c: DemoCategory) => !c.parent && c.name[e.code] && c.slug[e.code])
        .map((c: DemoCategory) => ({
          label: c.name[e.code]!,
          href: `/${e.code}/category/${encodeURIComponent(c.slug[e.code]!)}`,
        }));
      await replaceMainMenu(trx, e.code, [...news, ...sectionLinks(e.code, e.locale, rootPaths.get(e.code))]);
    }
    // The stories were written straight into the tables above; make them searchable.
    await reindexAll(trx);
  });
  return { articles: count };
}

/** A story's publication time: `daysAgo` days before now at hour:minute station time, never in the future. */
function storyTime(daysAgo: number, hour: number, minute: number, options: DemoSeedOptions): Date {
  let t = zonedTime(new Date(options.now.getTime() - daysAgo * 86_400_000), hour, minute, options.timezone);
  if (t > options.now) t = new Date(t.getTime() - 86_400_000);
  return t;
}
