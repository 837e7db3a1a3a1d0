// The benchmark archive's stories, drawn before they are written: when, where, their text,
// tags, author, photo and readers. Drawing needs no database (the newsroom's rows are named by
// their places in its lists), so a worker thread can draw the next stories while the main
// thread writes (story-plan-worker.ts); the same seed gives the same stories either way.
import type { CreateArticleInput } from '../../src/articles/index.ts';
import { paragraphsToHtml } from '../../src/core/text/sanitize.ts';
import { NEWSROOM_SIZE, planNewsroom, tagNamesFor } from './newsroom.ts';
import { Random, ZipfSampler } from './random.ts';
import { drawReaders, type StoryReaders } from './readers.ts';
import { StoryWriter } from './story-text.ts';
import type { ArchiveEdition } from './words.ts';

/** What decides the stories. */
export interface PlanOptions {
  articles: number;
  /** The newest story is from just before this time; the oldest three years before. */
  now: Date;
  /** The site's time zone: daily read totals are per calendar day there. */
  timezone: string;
  seed: number;
}

/** A story drawn before its transaction, so the write lock is held only for writing. */
export interface PlannedStory {
  edition: ArchiveEdition;
  /** Whether it translates the latest English story (known once that one is written). */
  translates: boolean;
  /** Places in the newsroom's lists: its section (in its edition), photo and author (or none). */
  section: number;
  photo: number;
  author: number | null;
  publishedAt: Date;
  /** The command's input but for the newsroom's ids, set when the story is written. */
  input: Omit<CreateArticleInput, 'categoryId' | 'authorId' | 'featuredMediaId' | 'imageCaption' | 'imageAlt'>;
  readers: StoryReaders;
}

const YEARS = 3;
const SPAN_MS = YEARS * 365 * 86_400_000;
/** Share of stories in English; the rest are Indonesian, some of them translations. */
const ENGLISH_SHARE = 0.55;
const TRANSLATED_SHARE = 0.3;

/** Draws the archive's stories in order, from the point of the random stream the newsroom left. */
export class StoryPlanner {
  private readonly random: Random;
  private readonly writers: Record<ArchiveEdition, StoryWriter>;
  private readonly tagNames: Record<ArchiveEdition, string[]>;
  private readonly tags: ZipfSampler;
  private readonly authors = Array.from({ length: NEWSROOM_SIZE.authors }, (_, i) => i);
  /** Whether an English story has been drawn yet (one written before can be translated). */
  private hasEnglish = false;
  private drawn = 0;

  constructor(private readonly options: PlanOptions) {
    this.random = new Random(options.seed);
    // The newsroom's names and captions come first in the stream (buildArchive draws the same).
    planNewsroom(this.random);
    this.writers = { en: new StoryWriter('en'), id: new StoryWriter('id') };
    this.tagNames = { en: tagNamesFor('en'), id: tagNamesFor('id') };
    this.tags = new ZipfSampler(this.tagNames.en.length, 1.0, 1);
  }

  /** The next `count` stories (fewer at the end of the archive). */
  plan(count: number): PlannedStory[] {
    const stories: PlannedStory[] = [];
    for (; stories.length < count && this.drawn < this.options.articles; this.drawn++) {
      stories.push(this.story(this.drawn));
    }
    return stories;
  }

  /**
   * Draws story number i. (The order of the draws decides the archive: keep it, or raise
   * ARCHIVE_VERSION.)
   */
  private story(i: number): PlannedStory {
    const { random, options } = this;
    // Evenly over the span, oldest first, so ids grow with time as in a real archive.
    const publishedAt = new Date(
      options.now.getTime() - SPAN_MS * (1 - (i + random.next()) / options.articles) - 60_000,
    );
    const edition: ArchiveEdition = random.chance(ENGLISH_SHARE) ? 'en' : 'id';
    // A translation takes its original's section and photo when it is written.
    const translates = edition === 'id' && this.hasEnglish && random.chance(TRANSLATED_SHARE);
    if (edition === 'en') this.hasEnglish = true;
    const section = translates ? 0 : random.int(0, NEWSROOM_SIZE.sections - 1);
    const photo = translates ? 0 : random.int(0, NEWSROOM_SIZE.photos - 1);
    const text = this.writers[edition].write(random);
    const tagNames = this.tagNames[edition];
    const tags = Array.from({ length: random.int(2, 6) }, () => tagNames[this.tags.draw(random)]!);
    const hasAuthor = random.chance(0.85);
    const author = hasAuthor ? random.pick(this.authors) : null;
    const input: PlannedStory['input'] = {
      edition,
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
    const readers = drawReaders(random, publishedAt, options);
    return { edition, translates, section, photo, author, publishedAt, input, readers };
  }
}
