// What a source reader (K2, WordPress …) hands the import pipeline: records in one neutral shape,
// each with its id at the source. The pipeline knows nothing of where they came from.

/** The systems an import can come from (import_links.system). */
export type ImportSystem = 'k2' | 'wxr';

/** A section at the source; `parentSourceId` names another category of the same source. */
export interface ImportedCategory {
  readonly sourceId: string;
  readonly name: string;
  /** The source's own slug (alias); the name's slug when empty. */
  readonly slug: string;
  readonly description: string;
  readonly parentSourceId: string | null;
  readonly position: number;
}

/** A person at the source who wrote stories; becomes an author without a password. */
export interface ImportedAuthor {
  readonly sourceId: string;
  readonly name: string;
  /** Null or '' when the source has none (a made-up address is used then). */
  readonly email: string | null;
  readonly bio: string;
}

/** A tag on a story: its name, and the keys its links are recorded under (kind → source id). */
export interface ImportedTag {
  readonly name: string;
  /** At least one: e.g. K2's `{ tag: 'flood', 'tag-id': '12' }` (K2 tag URLs use the name). */
  readonly keys: Readonly<Record<string, string>>;
}

/** An image file at the source: read only when the pipeline needs its bytes. */
export interface ImportedImage {
  /** Its link's source id (kind 'image'), e.g. the path under the old site's root. */
  readonly sourceId: string;
  /** Changes when the file changes (size and time, a hash …): a re-run then imports it again. */
  readonly version: string;
  /** Where it was found, for warnings. */
  readonly label: string;
  read(): Promise<Buffer>;
}

/** What a source finds for an image address of a body (`images/…`), or undefined. */
export type ResolveImage = (src: string) => Promise<ImportedImage | undefined>;

/** A story at the source, ready to become an article. */
export interface ImportedArticle {
  readonly sourceId: string;
  readonly title: string;
  readonly slug: string;
  /** The body as HTML; the pipeline moves a typed dateline and source out of it and sanitises it. */
  readonly bodyHtml: string;
  readonly summary: string;
  /** Null or a category the source did not give: the edition's "Imported" section. */
  readonly categorySourceId: string | null;
  /** Null, or an author the source no longer has: the byline, else the "Editorial team". */
  readonly authorSourceId: string | null;
  readonly byline: string;
  readonly status: 'draft' | 'published';
  /** When it went (or goes: scheduled) out; null for a draft never published. */
  readonly publishedAt: Date | null;
  readonly unpublishAt: Date | null;
  readonly createdAt: Date;
  readonly modifiedAt: Date | null;
  readonly isFeatured: boolean;
  readonly tags: readonly ImportedTag[];
  readonly image: ImportedImage | null;
  readonly imageCaption: string;
  readonly imageCredit: string;
  /** Reads and rating totals at the source: the baseline Warta's own add to. */
  readonly hits: number;
  readonly ratingSum: number;
  readonly ratingCount: number;
}

/** A source the pipeline reads; a reader (k2/, wxr/) makes one. */
export interface ImportSource {
  readonly system: ImportSystem;
  /** The link kind of its stories ('item' for K2, 'post' for WordPress). */
  readonly articleKind: string;
  categories(): Promise<ImportedCategory[]>;
  authors(): Promise<ImportedAuthor[]>;
  /** How many stories `articles()` will give (for the progress bar). */
  countArticles(): Promise<number>;
  /** Every story, trashed ones included (`skip` says why one is not imported). */
  articles(): AsyncIterable<ImportedArticle | { readonly sourceId: string; readonly skip: string }>;
  /** Finds the file behind an image address in a body. */
  resolveImage: ResolveImage;
}
