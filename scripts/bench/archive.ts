// The benchmark's archive: a news site with years of stories (100,000 for `npm run bench`) in
// two editions, written through the newsroom's commands so every story's events are recorded
// and the search index consumer indexes them, as it would the real archive. Stories are written
// many to a transaction, and their events delivered after each commit.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WriteContext } from '../../src/core/events/index.ts';
import { createArticle } from '../../src/articles/index.ts';
import { seedBase } from '../../seed/editions.ts';
import { createNewsroom, NEWSROOM_SIZE, planNewsroom, type Newsroom } from './newsroom.ts';
import { Random } from './random.ts';
import { writeReaders, type StoryReaders } from './readers.ts';
import type { PlannedStory } from './story-plan.ts';
import type { PlanWorkerData, PlanWorkerMessage } from './story-plan-worker.ts';
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

/**
 * Fills a migrated database that has no content yet (the editions are added here if missing)
 * with a newsroom and `articles` published stories, oldest first. The stories are drawn by a
 * worker thread (story-plan.ts), a batch ahead of the one being written.
 */
export async function buildArchive(w: WriteContext, options: ArchiveOptions): Promise<ArchiveSummary> {
  const existing = await w.db.selectFrom('articles').select('id').limit(1).executeTakeFirst();
  if (existing) throw new Error('the database already has articles; the archive goes only into an empty site');
  const seed = options.seed ?? 1;
  const batchSize = options.batchSize ?? 500;
  // Started first, so it draws while the newsroom is made (its photos take a few seconds).
  const stories = new PlannedBatches({
    articles: options.articles,
    now: options.now,
    timezone: options.timezone,
    seed,
    batchSize,
  });
  try {
    await seedBase(w);
    const plan = planNewsroom(new Random(seed));
    const newsroom = await w.db
      .transaction()
      .execute((trx) => createNewsroom({ ...w, db: trx }, options.dataDir, plan));
    await w.events.afterCommit();
    checkSize(newsroom);
    options.onProgress?.(0, options.articles);

    const state: BatchState = { newsroom, lastEnglish: undefined, summary: { articles: { en: 0, id: 0 }, votes: 0 } };
    for (let done = 0; done < options.articles;) {
      const planned = await stories.next();
      if (planned.length === 0) throw new Error(`the story planner stopped after ${done} stories`);
      await writeBatch(w, state, planned);
      done += planned.length;
      options.onProgress?.(done, options.articles);
    }
    return state.summary;
  } finally {
    await stories.close();
  }
}

/** The stories are drawn with places in the newsroom's lists: they must be as long as the planner takes them. */
function checkSize(newsroom: Newsroom): void {
  const sizes = [newsroom.authorIds.length, newsroom.sectionIds.en.length, newsroom.sectionIds.id.length];
  const expected = [NEWSROOM_SIZE.authors, NEWSROOM_SIZE.sections, NEWSROOM_SIZE.sections];
  if (newsroom.photos.length !== NEWSROOM_SIZE.photos || sizes.some((n, i) => n !== expected[i]))
    throw new Error('the newsroom does not have the size NEWSROOM_SIZE says');
}

/**
 * The planner thread's first lines. Node 20 does not pass the parent's `--import tsx` on to a
 * worker, so the worker registers tsx itself before it imports the TypeScript planner.
 */
const PLANNER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => {
  register({ tsconfig: ${JSON.stringify(fileURLToPath(new URL('../../tsconfig.json', import.meta.url)))} });
  return import(${JSON.stringify(new URL('./story-plan-worker.ts', import.meta.url).href)});
});`;

/** The batches of stories a worker thread draws, in order, one asked for at a time. */
class PlannedBatches {
  private readonly worker: Worker;
  private waiting: { resolve: (stories: PlannedStory[]) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;

  constructor(data: PlanWorkerData) {
    this.worker = new Worker(PLANNER_BOOTSTRAP, { eval: true, workerData: data });
    this.worker.on('message', (message: PlanWorkerMessage) => this.settle()?.resolve(message.stories));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the story planner exited (${code})`)));
  }

  /** The next batch (empty after the last). */
  next(): Promise<PlannedStory[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.worker.postMessage('next');
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.settle()?.reject(this.failure);
  }

  private settle() {
    const waiting = this.waiting;
    this.waiting = undefined;
    return waiting;
  }
}

interface BatchState {
  newsroom: Newsroom;
  /** The latest English story written: an Indonesian one may translate it. */
  lastEnglish: { id: number; section: number; photo: number } | undefined;
  summary: ArchiveSummary;
}

/** Writes these stories in one transaction, then delivers their events. */
async function writeBatch(w: WriteContext, state: BatchState, planned: readonly PlannedStory[]): Promise<void> {
  const { newsroom } = state;
  const readers: { articleId: number; readers: StoryReaders }[] = [];
  await w.db.transaction().execute(async (trx) => {
    for (const story of planned) {
      const original = story.translates ? state.lastEnglish : undefined;
      // A translation is in its original's section and shows its photo.
      const photo = newsroom.photos[original?.photo ?? story.photo]!;
      // Each story is written at its publication time, as the newsroom would have.
      const row = await createArticle(
        { ...w, db: trx, now: () => story.publishedAt },
        {
          ...story.input,
          ...(original ? { translationOf: original.id } : {}),
          categoryId: newsroom.sectionIds[story.edition][original?.section ?? story.section]!,
          authorId: story.author === null ? null : newsroom.authorIds[story.author]!,
          featuredMediaId: photo.id,
          imageCaption: photo.caption,
          imageAlt: photo.alt,
        },
      );
      if (story.edition === 'en') state.lastEnglish = { id: row.id, section: story.section, photo: story.photo };
      state.summary.articles[story.edition]++;
      readers.push({ articleId: row.id, readers: story.readers });
    }
    await writeReaders(trx, readers);
  });
  state.summary.votes += readers.reduce((n, r) => n + r.readers.votes.length, 0);
  // The search index follows the committed stories before the next batch starts.
  await w.events.afterCommit();
}
