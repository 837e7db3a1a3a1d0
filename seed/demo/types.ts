// The shape of the demo content: plain data, written by us, turned into rows by seed/demo/index.ts.
// Text is per edition code (en, id, ar); an edition without a text simply has no such item.

export type EditionCode = 'en' | 'id' | 'ar';
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
