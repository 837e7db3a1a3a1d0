// The benchmark's archive: a news site with years of stories (100,000 for `npm run bench`) in
// two editions, written through the newsroom's commands so every story's events are recorded
// and the search index consumer indexes them, as it would the real archive. Stories are written
// many to a transaction, and their events delivered after each commit.
import type { WriteContext } from '../../src/core/events/index.ts';
import { createArticle, type CreateArticleInput } from '../../src/articles/index.ts';
import { paragraphsToHtml } from '../../src/core/text/sanitize.ts';
import { seedBase } from '../../seed/editions.ts';
import { createNewsroom, type Newsroom } from './newsroom.ts';
import { Random, ZipfSampler } from './random.ts';
import { drawReaders, writeReaders, type StoryReaders } from './readers.ts';
import { StoryWriter } from './story-text.ts';
import type { ArchiveEdition } from './words.ts';

/**
 * The generator's version: part of the benchmark's cache key with the source of these files.
 * Raise it when the same source should give a different archive.
 */
export const ARCHIVE_VERSION = 1;

/** What to build. */
export interface ArchiveOptions {
  /** How many articles, over both editions. */
  articles: number;
  /** Where photos are stored (the site's data dir). */
  dataDir: string;
  /** The newest story is from just before this time; the oldest three years before. */
  now: Date;
  /** The site's time zone: daily read totals are per calendar day there. */
  timezone: string;
  seed?: number;
  /** Articles per transaction. */
  batchSize?: number;
  /** Called once the newsroom exists (with 0), then after each committed and indexed batch. */
  onProgress?: (done: number, total: number) => void;
}

/** What was built. */
export interface ArchiveSummary {
  articles: Record<ArchiveEdition, number>;
  votes: number;
}

const YEARS = 3;
const SPAN_MS = YEARS * 365 * 86_400_000;
/** Share of stories in English; the rest are Indonesian, some of them translations. */
const ENGLISH_SHARE = 0.55;
const TRANSLATED_SHARE = 0.3;

/**
 * Fills a migrated database that has no content yet (the editions are added here if missing)
 * with a newsroom and `articles` published stories, oldest first.
 */
export async function buildArchive(w: WriteContext, options: ArchiveOptions): Promise<ArchiveSummary> {
  const existing = await w.db.selectFrom('articles').select('id').limit(1).executeTakeFirst();
  if (existing) throw new Error('the database already has articles; the archive goes only into an empty site');
  const random = new Random(options.seed ?? 1);
  await seedBase(w);
  const newsroom = await w.db
    .transaction()
    .execute((trx) => createNewsroom({ ...w, db: trx }, options.dataDir, random));
  await w.events.afterCommit();
  options.onProgress?.(0, options.articles);

  const state: BatchState = {
    random,
    newsroom,
    writers: { en: new StoryWriter('en'), id: new StoryWriter('id') },
    tags: new ZipfSampler(newsroom.tagNames.en.length, 1.0, 1),
    hasEnglish: false,
    lastEnglish: undefined,
    summary: { articles: { en: 0, id: 0 }, votes: 0 },
  };
  const batchSize = options.batchSize ?? 500;
  for (let done = 0; done < options.articles;) {
    const count = Math.min(batchSize, options.articles - done);
    await writeBatch(w, state, done, count, options);
    done += count;
    options.onProgress?.(done, options.articles);
  }
  return state.summary;
}

interface BatchState {
  random: Random;
  newsroom: Newsroom;
  writers: Record<ArchiveEdition, StoryWriter>;
  tags: ZipfSampler;
  /** Whether an English story has been drawn yet (one written before can be translated). */
  hasEnglish: boolean;
  /** The latest English story written: an Indonesian one may translate it. */
  lastEnglish: { id: number; section: number; photo: number } | undefined;
  summary: ArchiveSummary;
}

/** A story drawn before its transaction, so the write lock is held only for writing. */
interface PlannedStory {
  edition: ArchiveEdition;
  /** Whether it translates the latest English story (known once that one is written). */
  translates: boolean;
  section: number;
  photo: number;
  publishedAt: Date;
  input: CreateArticleInput;
  readers: Omit<StoryReaders, 'articleId'>;
}

/** Writes stories first..first+count-1 in one transaction, then delivers their events. */
async function writeBatch(
  w: WriteContext,
  state: BatchState,
  first: number,
  count: number,
  options: ArchiveOptions,
): Promise<void> {
  const planned = Array.from({ length: count }, (_, k) => planStory(state, first + k, options));
  const readers: StoryReaders[] = [];
  await w.db.transaction().execute(async (trx) => {
    for (const story of planned) {
      const original = story.translates ? state.lastEnglish : undefined;
      // A translation is in its original's section and shows its photo.
      const photo = state.newsroom.photos[original?.photo ?? story.photo]!;
      // Each story is written at its publication time, as the newsroom would have.
      const row = await createArticle(
        { ...w, db: trx, now: () => story.publishedAt },
        {
          ...story.input,
          ...(original ? { translationOf: original.id } : {}),
          categoryId: state.newsroom.sectionIds[story.edition][original?.section ?? story.section]!,
          featuredMediaId: photo.id,
          imageCaption: photo.caption,
          imageAlt: photo.alt,
        },
      );
      if (story.edition === 'en') state.lastEnglish = { id: row.id, section: story.section, photo: story.photo };
      state.summary.articles[story.edition]++;
      readers.push({ ...story.readers, articleId: row.id });
    }
    await writeReaders(trx, readers, options);
  });
  state.summary.votes += readers.reduce((n, r) => n + r.ratings.length, 0);
  // The search index follows the committed stories before the next batch starts.
  await w.events.afterCommit();
}

/**
 * Draws story number i: when, where, its text, tags, author, photo and readers. (The order of
 * the draws decides the archive: keep it, or raise ARCHIVE_VERSION.)
 */
function planStory(state: BatchState, i: number, options: ArchiveOptions): PlannedStory {
  const { random, newsroom } = state;
  // Evenly over the span, oldest first, so ids grow with time as in a real archive.
  const publishedAt = new Date(options.now.getTime() - SPAN_MS * (1 - (i + random.next()) / options.articles) - 60_000);
  const edition: ArchiveEdition = random.chance(ENGLISH_SHARE) ? 'en' : 'id';
  // A translation takes its original's section and photo when it is written.
  const translates = edition === 'id' && state.hasEnglish && random.chance(TRANSLATED_SHARE);
  if (edition === 'en') state.hasEnglish = true;
  const section = translates ? 0 : random.int(0, newsroom.sectionIds[edition].length - 1);
  const photo = translates ? 0 : random.int(0, newsroom.photos.length - 1);
  const text = state.writers[edition].write(random);
  const tagNames = newsroom.tagNames[edition];
  const tags = Array.from({ length: random.int(2, 6) }, () => tagNames[state.tags.draw(random)]!);
  const hasAuthor = random.chance(0.85);
  const input: CreateArticleInput = {
    edition,
    categoryId: 0, // set when written, as are the photo fields
    authorId: hasAuthor ? random.pick(newsroom.authorIds) : null,
    byline: hasAuthor ? null : 'Warta Newsroom',
    title: text.title,
    summary: text.summary,
    bodyHtml: paragraphsToHtml(text.paragraphs),
    dateline: text.dateline,
    source: random.chance(0.9) ? 'Warta' : 'Antara',
    status: 'published',
    isFeatured: random.chance(0.01),
    publishedAt,
    imageCredit: 'Warta Photo',
    tags,
  };
  return { edition, translates, section, photo, publishedAt, input, readers: drawReaders(random, publishedAt) };
}
