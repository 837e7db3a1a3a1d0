// The database's tables as Kysely types. Times are ISO strings when written; PostgreSQL
// returns them as Date and SQLite as text, so mappers read them with toDate().
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A timestamp column: written as an ISO string, read as Date (PostgreSQL) or string (SQLite). */
export type Timestamp = ColumnType<Date | string, string, string>;
/** A boolean column: SQLite stores 0/1, PostgreSQL a real boolean; write 0/1 for both. */
export type Flag = ColumnType<number | boolean, number, number>;

export interface EditionsTable {
  code: string;
  name: string;
  locale: string;
  direction: 'ltr' | 'rtl';
  position: number;
  is_active: Flag;
}

export type Role = 'admin' | 'editor' | 'author' | 'contributor' | 'integrity_officer';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  password_hash: string | null;
  display_name: string;
  slug: string;
  role: Role;
  bio: string;
  photo_media_id: number | null;
  is_active: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CategoriesTable {
  id: Generated<number>;
  edition: string;
  parent_id: number | null;
  slug: string;
  name: string;
  description: string;
  position: number;
}

export interface TagsTable {
  id: Generated<number>;
  edition: string;
  slug: string;
  name: string;
}

export interface MediaTable {
  id: Generated<number>;
  kind: 'image';
  /** Base name of the stored files under <data dir>/media, without size or extension. */
  storage_key: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
  /** JSON text: the widths generated for srcset, e.g. [480,960,1600]. */
  variants: string;
  created_at: Timestamp;
}

export type ArticleStatus = 'draft' | 'review' | 'published' | 'archived';

export interface ArticlesTable {
  id: Generated<number>;
  edition: string;
  translation_group: string;
  category_id: number;
  author_id: number | null;
  /** Free-text byline (agency, guest writer); shown instead of the author's name when set. */
  byline: string | null;
  title: string;
  slug: string;
  summary: string;
  body_html: string;
  /** Place of the dateline, e.g. "Jakarta", shown at the start of the body. */
  dateline: string;
  /** Source attribution, e.g. "Antara/VOI", shown at the end of the body. */
  source: string;
  status: ArticleStatus;
  is_featured: Flag;
  published_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  featured_media_id: number | null;
  image_caption: string;
  image_credit: string;
  image_alt: string;
  hit_count: ColumnType<number, number | undefined, number>;
  rating_sum: ColumnType<number, number | undefined, number>;
  rating_count: ColumnType<number, number | undefined, number>;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
  /** The story's publication time while it is published, else null; kept by triggers (0010). */
  published_at: ColumnType<Date | string | null, never, never>;
}

export interface PagesTable {
  id: Generated<number>;
  edition: string;
  translation_group: string;
  parent_id: number | null;
  slug: string;
  /** Slugs from the root joined by "/", e.g. "company-profile/history": the URL and the lookup key. */
  path: string;
  title: string;
  summary: string;
  body_html: string;
  position: number;
  status: 'draft' | 'published';
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MenusTable {
  id: Generated<number>;
  edition: string;
  name: string;
}

export interface MenuItemsTable {
  id: Generated<number>;
  menu_id: number;
  position: number;
  label: string;
  /** A path within the site (/en/category/politics) or an absolute URL. */
  href: string;
}

/** One reader's current vote on an article (a second vote replaces the first). */
export interface ArticleVotesTable {
  article_id: number;
  /** Random id from the reader's signed voter cookie. */
  voter_id: string;
  rating: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One new vote from an address, kept only for the hourly limit and swept once the hour is over. */
export interface VoteAddressWindowTable {
  /** HMAC of the client address (IPv4, or IPv6 /64) with a key derived from the cookie secret. */
  ip_hash: string;
  created_at: Timestamp;
}

/** Counted human reads of an article per day (station time zone), for most-read lists. */
export interface ArticleReadsDailyTable {
  article_id: number;
  /** YYYY-MM-DD in the site time zone. */
  day: string;
  reads: number;
}

/**
 * The search index: one row per published article, text pre-split with Intl.Segmenter, with
 * where and when the story appears (so a search walks the newest matches first). Indexed by an
 * FTS5 table kept in step by triggers on SQLite, by generated tsvectors on PostgreSQL (0009).
 */
export interface ArticleSearchTable {
  article_id: number;
  title: string;
  summary: string;
  body: string;
  /** Dateline, source, tags and author, segmented. */
  meta: string;
  edition: string;
  category_id: number;
  published_at: Timestamp;
}

/** A domain event, written in the transaction of the change it records (see src/core/events/). */
export interface OutboxEventsTable {
  id: Generated<number>;
  type: string;
  /** JSON text: ids and codes, never personal data. */
  payload: string;
  created_at: Timestamp;
}

/** How far a once-per-site event consumer has got in the outbox. */
export interface EventCursorsTable {
  consumer: string;
  last_id: number;
  updated_at: Timestamp;
}

/** A job on the clock, shared by every app process (see src/core/jobs/). */
export interface ScheduledJobsTable {
  name: string;
  next_run_at: Timestamp;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_started_at: Timestamp | null;
  last_finished_at: Timestamp | null;
  last_outcome: 'ok' | 'failed' | null;
  last_message: string | null;
  run_count: ColumnType<number, number | undefined, number>;
}

/** The whole database, as Kysely sees it. */
export interface Database {
  editions: EditionsTable;
  users: UsersTable;
  categories: CategoriesTable;
  tags: TagsTable;
  media: MediaTable;
  articles: ArticlesTable;
  article_tags: ArticleTagsTable;
  pages: PagesTable;
  menus: MenusTable;
  menu_items: MenuItemsTable;
  article_votes: ArticleVotesTable;
  vote_address_window: VoteAddressWindowTable;
  article_reads_daily: ArticleReadsDailyTable;
  article_search: ArticleSearchTable;
  outbox_events: OutboxEventsTable;
  event_cursors: EventCursorsTable;
  scheduled_jobs: ScheduledJobsTable;
}

export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticle = Insertable<ArticlesTable>;
export type ArticleUpdate = Updateable<ArticlesTable>;
export type UserRow = Selectable<UsersTable>;
export type CategoryRow = Selectable<CategoriesTable>;
export type TagRow = Selectable<TagsTable>;
export type MediaRow = Selectable<MediaTable>;
export type PageRow = Selectable<PagesTable>;
export type EditionRow = Selectable<EditionsTable>;
