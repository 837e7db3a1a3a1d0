// The shape of the demo content: plain data, written by us, turned into rows by seed/demo/index.ts.
// Text is per edition code; an edition without a text simply has no such item. The first three
// editions' text sits beside each other in articles.ts, pages.ts …; each edition added later keeps
// all of its own in one module, seed/demo/editions/<code>.ts, merged in by seed/demo/editions/index.ts.

/** The editions whose text the shared demo files carry side by side. */
export type BaseEditionCode = 'en' | 'id' | 'ar';
/** Editions whose demo content is one module of its own each. */
export type AddedEditionCode = 'fr' | 'de' | 'es' | 'zh' | 'ja';
export type EditionCode = BaseEditionCode | AddedEditionCode;
export type PerEdition<T> = Partial<Record<EditionCode, T>>;

export interface DemoAuthor {
  key: string;
  name: string;
  slug: string;
  email: string;
  role: 'editor' | 'author';
  bio: PerEdition<string>;
}

export interface DemoCategory {
  key: string;
  /** Key of the parent category, for nested sections. */
  parent?: string;
  slug: PerEdition<string>;
  name: PerEdition<string>;
  description: PerEdition<string>;
}

/** What the generated photo shows; seed/demo/photos.ts draws it with sharp. */
export interface DemoPhoto {
  /** One of the scene kinds photos.ts knows (e.g. 'harbour', 'city', 'forest', 'stage', 'field', 'mountain', 'studio', 'market'). */
  scene: string;
  /** A number that varies colours and shapes so two photos of one scene differ. */
  seed: number;
  caption: PerEdition<string>;
  alt: PerEdition<string>;
  /** Photo credit, e.g. "Warta Photo/Rina Hapsari". */
  credit: string;
}

export interface DemoArticleText {
  title: string;
  summary: string;
  /** Place name of the dateline, e.g. "Jakarta". */
  dateline: string;
  /** Source attribution, e.g. "Antara/VOI" (empty for our own reporting). */
  source: string;
  /** Paragraphs of plain text (no HTML); the seeder wraps each in <p>. */
  body: string[];
  tags: string[];
}

export interface DemoArticle {
  /** Stable key; also links the translations of one story. */
  key: string;
  category: string;
  /** Key of a DemoAuthor; omitted when `byline` is set. */
  author?: string;
  /** Free-text byline (agency or guest) instead of an author. */
  byline?: string;
  /** Publication time relative to seeding: days ago, and the hour/minute in Asia/Jakarta. */
  daysAgo: number;
  hour: number;
  minute: number;
  featured?: boolean;
  /** Demo read count and ratings, so lists and widgets show realistic numbers. */
  reads: number;
  ratings: [sum: number, count: number];
  photo: DemoPhoto;
  text: PerEdition<DemoArticleText>;
}

export interface DemoPage {
  key: string;
  parent?: string;
  slug: PerEdition<string>;
  title: PerEdition<string>;
  summary: PerEdition<string>;
  /** Paragraphs; a paragraph starting with "## " becomes an <h2>, "- " lines become list items. */
  body: PerEdition<string[]>;
}

/** A page's text in one edition. */
export interface DemoPageText {
  slug: string;
  title: string;
  summary: string;
  /** Paragraphs; "## " starts an <h2>, "- " lines become list items. */
  body: string[];
}

/** What the radio says in one edition (seed/demo/radio.ts makes the channel, programs and schedule). */
export interface DemoRadioText {
  channel: { name: string; slug: string; description: string };
  /** Every program of radio.ts, by its slug: news-bulletin, morning-show, culture-corner, music-archipelago, weekend-special, listeners-hour. */
  programs: Record<string, { title: string; description: string }>;
  /** The Program Highlight section, where the studio's posts go. */
  section: { slug: string; name: string; description: string };
  /** Byline and dateline of the studio's posts. */
  byline: string;
  dateline: string;
  /** The coming week's special broadcast and the cancelled slot. */
  specialNote: string;
  cancelledNote: string;
  /** The editors' two picks: the morning show, the culture corner's concert special. */
  pickNotes: [string, string];
}

/** One added edition's demo content, all in its own language (seed/demo/editions/<code>.ts). */
export interface DemoEditionContent {
  /** Every demo section of categories.ts, by key. */
  categories: Record<string, { slug: string; name: string; description: string }>;
  /** A short bio of each demo author of authors.ts, by key. */
  authorBios: Record<string, string>;
  /**
   * This edition's own telling of stories that exist in English (by the key of the story in
   * articles.ts): linked to the English one as its translation ("also in", hreflang).
   */
  translations: Record<string, DemoArticleText & { caption: string; alt: string }>;
  /** Stories only this edition carries; their photo and text name only this edition. */
  stories: DemoArticle[];
  /** Pages by the key of pages.ts / integrity-pages.ts: at least 'company-profile' and 'integrity'. */
  pages: Record<string, DemoPageText>;
  radio: DemoRadioText;
}
