// Turns the demo content (authors, sections, stories, pages) into commands and generated photos.
import type { Kysely } from 'kysely';
import { createArticle, createCategory } from '../../src/articles/index.ts';
import type { Database } from '../../src/core/db/schema.ts';
import type { WriteContext } from '../../src/core/events/index.ts';
import { paragraphsToHtml } from '../../src/core/text/sanitize.ts';
import { slugify } from '../../src/core/text/slug.ts';
import { replaceMenu } from '../../src/menus/index.ts';
import { createPage } from '../../src/pages/index.ts';
import { insertDemoReads } from '../../src/reads/index.ts';
import { addUser } from '../../src/users/index.ts';
import { EDITIONS, sectionLinks } from '../editions.ts';
import { articles, authors, categories, pages } from './editions/index.ts';
import { seedEpisodes } from './episodes.ts';
import { seedIntegrityDocuments } from './integrity-documents.ts';
import { drawDemoPhotoAhead, storeDemoPhoto } from './photos.ts';
import { seedRadio } from './radio.ts';
import { seedDemoSurvey } from '../../src/integrity/survey/demo.ts';
import type { DemoCategory, EditionCode } from './types.ts';
import { zonedTime } from './zoned-time.ts';

/** Photos of the next stories drawn while one is stored (librsvg draws each on one core). */
const PHOTOS_DRAWN_AHEAD = 2;

export interface DemoSeedOptions {
  dataDir: string;
  timezone: string;
  now: Date;
  /** Called after each story with how many of all the demo's articles exist so far. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Fills an empty database with the demo site, through the same commands the newsroom uses, so
 * events fire and the search index follows as in production. One transaction: all or nothing;
 * its events are delivered once it has committed.
 */
export async function seedDemo(w: WriteContext, options: DemoSeedOptions): Promise<{ articles: number }> {
  const existing = await w.db.selectFrom('articles').select('id').limit(1).executeTakeFirst();
  if (existing) throw new Error('the database already has articles; demo content goes only into an empty site');
  const total = articles.reduce((n, story) => n + EDITIONS.filter((e) => story.text[e.code as EditionCode]).length, 0);
  let count = 0;
  await w.db.transaction().execute(async (trx) => {
    // Every command below joins this transaction.
    const tw: WriteContext = { ...w, db: trx, now: () => options.now };
    const authorIds = new Map<string, number>();
    for (const a of authors) {
      const user = await addUser(tw, {
        email: a.email,
        displayName: a.name,
        slug: a.slug,
        role: a.role,
        passwordHash: null,
        bio: a.bio.en ?? '',
      });
      authorIds.set(a.key, user.id);
    }

    const categoryIds = new Map<string, number>(); // `${edition}:${key}`
    for (const e of EDITIONS) {
      for (const [position, c] of categories.entries()) {
        const name = c.name[e.code];
        if (!name) continue;
        const row = await createCategory(tw, {
          edition: e.code,
          parentId: c.parent ? (categoryIds.get(`${e.code}:${c.parent}`) ?? null) : null,
          slug: c.slug[e.code] ?? slugify(name),
          name,
          description: c.description[e.code] ?? '',
          position,
        });
        categoryIds.set(`${e.code}:${c.key}`, row.id);
      }
    }

    for (const [index, story] of articles.entries()) {
      for (const next of articles.slice(index + 1, index + 1 + PHOTOS_DRAWN_AHEAD)) drawDemoPhotoAhead(next.photo);
      const publishedAt = storyTime(story.daysAgo, story.hour, story.minute, options);
      // Each story is written at its publication time, as the newsroom would have.
      const storyWriter: WriteContext = { ...tw, now: () => publishedAt };
      // One stored photo per story; each edition's article carries its own caption and alt text.
      const firstCode = (Object.keys(story.text)[0] ?? 'en') as EditionCode;
      const media = await storeDemoPhoto(trx, options.dataDir, story.photo, {
        alt: story.photo.alt[firstCode] ?? '',
        caption: story.photo.caption[firstCode] ?? '',
        credit: story.photo.credit,
      });
      let original: number | undefined;
      for (const e of EDITIONS) {
        const text = story.text[e.code as EditionCode];
        const categoryId = categoryIds.get(`${e.code}:${story.category}`);
        if (!text || categoryId === undefined) continue;
        const row = await createArticle(storyWriter, {
          edition: e.code,
          ...(original !== undefined ? { translationOf: original } : {}),
          categoryId,
          authorId: story.author ? (authorIds.get(story.author) ?? null) : null,
          byline: story.byline ?? null,
          title: text.title,
          summary: text.summary,
          bodyHtml: paragraphsToHtml(text.body),
          dateline: text.dateline,
          source: text.source,
          status: 'published',
          isFeatured: story.featured ?? false,
          publishedAt,
          featuredMediaId: media.id,
          imageCaption: story.photo.caption[e.code as EditionCode] ?? '',
          imageCredit: story.photo.credit,
          imageAlt: story.photo.alt[e.code as EditionCode] ?? '',
          tags: text.tags,
        });
        original ??= row.id;
        // Readers' numbers, not content: the demo's history of reads and votes.
        await setDemoTotals(trx, row.id, story.reads, story.ratings);
        await insertDemoReads(trx, row.id, story.reads, publishedAt, options);
        count++;
      }
      options.onProgress?.(count, total);
    }

    const rootPaths = new Map<string, string>(); // edition → Company Profile root path (the menu links it)
    const pageGroups = new Map<string, number>(); // page key → the id of its first translation
    for (const e of EDITIONS) {
      const made = new Map<string, { id: number; path: string }>();
      const firstOfGroup = new Map<string, number>(); // page key → id in the first edition
      for (const [position, p] of pages.entries()) {
        const title = p.title[e.code];
        const body = p.body[e.code];
        if (!title || !body) continue;
        const parent = p.parent ? made.get(p.parent) : undefined;
        if (p.parent && !parent) continue;
        const translationOf = pageGroups.get(p.key);
        const row = await createPage(tw, {
          edition: e.code,
          ...(translationOf !== undefined ? { translationOf } : {}),
          parentId: parent?.id ?? null,
          slug: p.slug[e.code] ?? slugify(title),
          title,
          summary: p.summary[e.code] ?? '',
          bodyHtml: paragraphsToHtml(body),
          position,
          status: 'published',
        });
        firstOfGroup.set(p.key, row.id);
        made.set(p.key, { id: row.id, path: row.path });
        if (p.key === 'company-profile') rootPaths.set(e.code, `/${e.code}/${row.path}`);
      }
      for (const [key, id] of firstOfGroup) if (!pageGroups.has(key)) pageGroups.set(key, id);
    }

    // The radio: channels, programs and their schedule, then their episodes.
    await seedRadio(tw, options);
    await seedEpisodes(tw, options);
    await seedIntegrityDocuments(tw, options.dataDir);
    await seedDemoSurvey(tw, options);

    for (const e of EDITIONS) {
      const news = categories
        .filter((c: DemoCategory) => !c.parent && c.name[e.code] && c.slug[e.code])
        .map((c: DemoCategory) => ({
          label: c.name[e.code]!,
          href: `/${e.code}/category/${encodeURIComponent(c.slug[e.code]!)}`,
        }));
      await replaceMenu(tw, e.code, 'main', [...news, ...sectionLinks(e.code, e.locale, rootPaths.get(e.code))]);
    }
  });
  // The commands' events (search index, caches) are delivered now that they have committed.
  await w.events.afterCommit();
  // The news stories and the radio's highlight posts.
  const all = await w.db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return { articles: Number(all.n) };
}

/** Sets a demo story's stored read and rating totals (its daily reads follow the same total). */
async function setDemoTotals(
  trx: Kysely<Database>,
  articleId: number,
  reads: number,
  [ratingSum, ratingCount]: readonly [number, number],
): Promise<void> {
  await trx
    .updateTable('articles')
    .set({ hit_count: reads, rating_sum: ratingSum, rating_count: ratingCount })
    .where('id', '=', articleId)
    .execute();
}

/** A story's publication time: `daysAgo` days before now at hour:minute station time, never in the future. */
function storyTime(daysAgo: number, hour: number, minute: number, options: DemoSeedOptions): Date {
  let t = zonedTime(new Date(options.now.getTime() - daysAgo * 86_400_000), hour, minute, options.timezone);
  if (t > options.now) t = new Date(t.getTime() - 86_400_000);
  return t;
}
