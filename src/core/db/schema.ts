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
  /** An IANA zone the edition's dates are written in; null: the site's (Settings). */
  time_zone: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** Base32 TOTP secret once enrolment has begun; two-factor sign-in is on from totp_enabled_at. */
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  /** The last 30-second step whose code was accepted (a code works once). */
  totp_last_step: number | null;
  password_changed_at: Timestamp | null;
}

/** The editions an editor (or author, contributor) works in. */
export interface UserEditionsTable {
  user_id: number;
  edition: string;
}

/** A newsroom session; the cookie holds the token, the table its SHA-256. */
export interface StaffSessionsTable {
  id_hash: string;
  user_id: number;
  stage: 'second_factor' | 'active';
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  /** The absolute time-out: a session ends then however active it is. */
  expires_at: Timestamp;
}

/** The sign-in limiter's state per key (an account, or a keyed hash of an address). */
export interface SignInLimitsTable {
  key: string;
  failures: number;
  last_failure_at: Timestamp;
  blocked_until: Timestamp;
}

export interface RecoveryCodesTable {
  user_id: number;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** Site settings edited in the newsroom: one JSON value per key. */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}

/** Who did what, written from the events by the audit consumer. */
export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  action: string;
  subject_type: string | null;
  subject_id: number | null;
  edition: string | null;
  detail: string;
  event_id: number | null;
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
  /** The newsroom user who uploaded it; null for the seed, the CLI, or a deleted account. */
  uploaded_by: number | null;
  /** JSON text: the formats stored at each width, '["jpg","webp"]', then with "avif" once made. */
  formats: Generated<string>;
  /**
   * When the row or its files last changed (the AVIF job's queue order). Every write sets it; the
   * column allows null only because SQLite adds no NOT NULL column without a constant default.
   */
  updated_at: Timestamp | null;
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
  /** Imported ratings (0023): a baseline apart from the vote rows; pages add the two. */
  baseline_rating_sum: ColumnType<number, number | undefined, number>;
  baseline_rating_count: ColumnType<number, number | undefined, number>;
  /** The newsroom user who created it (ownership); null for the seed and imports. */
  created_by: ColumnType<number | null, number | null | undefined, number | null>;
  /** Increased by every save: a save made from an older version is a conflict. */
  version: ColumnType<number, number | undefined, number>;
  /** A correction readers see at the end of the story. */
  correction_note: ColumnType<string, string | undefined, string>;
  /** The last edit after publication ("Updated …" on the story). */
  content_updated_at: ColumnType<Date | string | null, string | null | undefined, string | null>;
  /** When a published story is taken off the site (the unpublishing job; null: never). */
  unpublish_at: ColumnType<Date | string | null, string | null | undefined, string | null>;
  /** The article this one was translated from (its source, shown beside it in the newsroom). */
  translated_from: ColumnType<number | null, number | null | undefined, number | null>;
  /** The version of the source this translation was last saved against (older: out of date). */
  translated_from_version: ColumnType<number | null, number | null | undefined, number | null>;
}

/** An article as it was saved: one row per save. */
export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  version: number;
  actor_id: number | null;
  created_at: Timestamp;
  /** JSON text of the editable fields. */
  snapshot: string;
}

/** Unsaved form contents per person and article (autosave). */
export interface ArticleAutosavesTable {
  article_id: number;
  user_id: number;
  based_on_version: number;
  saved_at: Timestamp;
  fields: string;
}

/** Who has an article's form open (seen within the last minute). */
export interface ArticlePresenceTable {
  article_id: number;
  user_id: number;
  seen_at: Timestamp;
}

/** Each status change of an article, with who, when and the reviewer's comment. */
export interface ArticleStatusLogTable {
  id: Generated<number>;
  article_id: number;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  at: Timestamp;
  comment: string;
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
  /** The signed-in user whose command recorded the event, if any. */
  actor_id: ColumnType<number | null, number | null | undefined, never>;
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

/** An image inside an article's or a page's body, kept by the media domain's consumer (0017). */
export interface MediaUsagesTable {
  media_id: number;
  subject_type: 'article' | 'page';
  subject_id: number;
}

/** A breaking-news banner of an edition: live from starts_at until expires_at or ended_at (0016). */
export interface BreakingBannersTable {
  id: Generated<number>;
  edition: string;
  text: string;
  /** A path of this site or an https URL; null: no link. */
  link: string | null;
  starts_at: Timestamp;
  expires_at: Timestamp;
  created_by: number | null;
  created_at: Timestamp;
  /** When an editor ended it (or raised the next one); null: it runs until it expires. */
  ended_at: Timestamp | null;
}

/** An old slug of a section or tag and what it leads to now (0019). */
export interface SlugRedirectsTable {
  kind: 'category' | 'tag';
  edition: string;
  old_slug: string;
  target_id: number;
  created_at: Timestamp;
}

/** A radio channel of an edition (0020). */
export interface ChannelsTable {
  id: Generated<number>;
  edition: string;
  slug: string;
  name: string;
  description: Generated<string>;
  time_zone: string;
  artwork_media_id: number | null;
  status_source: Generated<'none' | 'icecast' | 'azuracast'>;
  status_url: string | null;
  position: Generated<number>;
  is_active: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One of a channel's streams, in order of preference (0020). */
export interface ChannelStreamsTable {
  id: Generated<number>;
  channel_id: number;
  url: string;
  format: 'mp3' | 'aac' | 'hls';
  position: number;
}

/** A program on a channel (0020). */
export interface ProgramsTable {
  id: Generated<number>;
  edition: string;
  channel_id: number;
  slug: string;
  title: string;
  description: Generated<string>;
  artwork_media_id: number | null;
  is_active: Flag;
  /** Podcast fields (0021): Apple's category name ('' for none), the feed's author, explicit. */
  podcast_category: Generated<string>;
  podcast_author: Generated<string>;
  is_explicit: ColumnType<number | boolean, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A program's host, in order (0020). */
export interface ProgramHostsTable {
  program_id: number;
  user_id: number;
  position: number;
}

/** A program's weekly slot in its channel's zone (0020). */
export interface ProgramSlotsTable {
  id: Generated<number>;
  program_id: number;
  /** ISO weekdays, "1,2,3,4,5". */
  days: string;
  /** "HH:MM". */
  start_time: string;
  minutes: number;
}

/** A one-off change to a channel's schedule (0020). */
export interface ScheduleChangesTable {
  id: Generated<number>;
  channel_id: number;
  kind: 'special' | 'cancelled';
  program_id: number | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  note: Generated<string>;
}

/** A program's episode: uploaded audio or an external address, with its transcript (0021). */
export interface EpisodesTable {
  id: Generated<number>;
  program_id: number;
  edition: string;
  slug: string;
  title: string;
  description: Generated<string>;
  transcript: Generated<string>;
  status: 'draft' | 'published';
  published_at: Timestamp | null;
  /** A file in the media store, or null when the audio is at `audio_url`. */
  audio_file: string | null;
  audio_url: string | null;
  audio_type: 'audio/mpeg' | 'audio/mp4';
  audio_bytes: number | null;
  duration_seconds: number | null;
  artwork_media_id: number | null;
  episode_number: number | null;
  is_explicit: ColumnType<number | boolean, number | undefined, number>;
  /** The podcast guid, set once. */
  guid: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An article an episode is linked to, in order (0021). */
export interface EpisodeArticlesTable {
  episode_id: number;
  article_id: number;
  position: number;
}

/** An editor's pick: a program (or one of its episodes) highlighted for a period (0021). */
export interface BroadcastPicksTable {
  id: Generated<number>;
  edition: string;
  program_id: number;
  episode_id: number | null;
  note: Generated<string>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  position: Generated<number>;
  created_at: Timestamp;
}

/** A report to the integrity channel (0022). What it says is in `sealed`; see src/integrity/sealing. */
export interface IntegrityReportsTable {
  id: Generated<number>;
  /** Opaque and random: what events, audit entries and e-mails name. */
  public_id: string;
  /** SHA-256 of the receipt code. */
  code_hash: string;
  edition: string;
  kind: 'complaint' | 'whistleblowing' | 'gratification';
  status: 'received' | 'verified' | 'in_progress' | 'closed';
  sealed: Buffer;
  assigned_to: number | null;
  received_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
}

/** A message on a report: the reporter's, an officer's reply or note, a change of status (0022). */
export interface IntegrityMessagesTable {
  id: Generated<number>;
  report_id: number;
  kind: 'reporter' | 'reply' | 'note' | 'status';
  officer_id: number | null;
  status: IntegrityReportsTable['status'] | null;
  sealed: Buffer;
  created_at: Timestamp;
}

/** Evidence: a sealed file under <dataDir>/integrity-files and its sealed name, type and size (0022). */
export interface IntegrityAttachmentsTable {
  id: Generated<number>;
  report_id: number;
  message_id: number | null;
  file: string;
  sealed_meta: Buffer;
  created_at: Timestamp;
}

/** A document of the integrity library (0022). */
export interface IntegrityDocumentsTable {
  id: Generated<number>;
  edition: string;
  title: string;
  description: Generated<string>;
  category: string;
  year: number;
  file: string;
  file_name: string;
  content_type: string;
  bytes: number;
  is_published: ColumnType<number | boolean, number | undefined, number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A service element of an edition's satisfaction survey (0022). */
export interface SurveyElementsTable {
  id: Generated<number>;
  edition: string;
  position: number;
  label: string;
  is_active: ColumnType<number | boolean, number | undefined, number>;
}

/** One visitor's answer to the survey, in its quarter ("2026-Q4") (0022). */
export interface SurveyResponsesTable {
  id: Generated<number>;
  edition: string;
  period: string;
  comment: Generated<string>;
  created_at: Timestamp;
}

/** A response's score (1–4) for one element (0022). */
export interface SurveyAnswersTable {
  response_id: number;
  element_id: number;
  score: number;
}

/** The whole database, as Kysely sees it. */
/** A source record of an imported site and the Warta row made from it (0023). */
export interface ImportLinksTable {
  edition: string;
  system: 'k2' | 'wxr';
  kind: string;
  source_id: string;
  target_id: number;
  source_hash: string;
  target_version: number | null;
  imported_at: Timestamp;
}

/** An imported site's old address, per edition and system (0023). */
export interface LegacySitesTable {
  edition: string;
  system: 'k2' | 'wxr';
  base_url: string;
  base_path: string;
  last_run_at: Timestamp;
}

/** An old path answered with 301 to a new one (0023); 'manual' rows are the newsroom's. */
export interface RedirectsTable {
  id: Generated<number>;
  from_path: string;
  to_path: string;
  edition: string | null;
  origin: 'manual' | 'k2' | 'wxr';
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A key to the public API, acting as its user within its scopes (0024). */
export interface ApiKeysTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  prefix: string;
  key_hash: string;
  scopes: string;
  created_by: number | null;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** Requests a key made in one minute (0024): the per-key rate limit, shared by every process. */
export interface ApiKeyWindowsTable {
  key_id: number;
  window_start: string;
  count: number;
}

/** A URL told of events, with the secret its deliveries are signed with (0024). */
export interface WebhooksTable {
  id: Generated<number>;
  url: string;
  description: string;
  events: string;
  secret: string;
  is_active: Flag;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed' | 'skipped';

/** One event for one hook: the queue and the log (0024). */
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  webhook_id: number;
  event_id: number;
  event_type: string;
  body: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: Timestamp;
  claimed_until: Timestamp | null;
  last_status: number | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

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
  user_editions: UserEditionsTable;
  staff_sessions: StaffSessionsTable;
  sign_in_limits: SignInLimitsTable;
  recovery_codes: RecoveryCodesTable;
  password_resets: PasswordResetsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  article_revisions: ArticleRevisionsTable;
  article_status_log: ArticleStatusLogTable;
  article_autosaves: ArticleAutosavesTable;
  article_presence: ArticlePresenceTable;
  breaking_banners: BreakingBannersTable;
  slug_redirects: SlugRedirectsTable;
  channels: ChannelsTable;
  channel_streams: ChannelStreamsTable;
  programs: ProgramsTable;
  program_hosts: ProgramHostsTable;
  program_slots: ProgramSlotsTable;
  schedule_changes: ScheduleChangesTable;
  episodes: EpisodesTable;
  episode_articles: EpisodeArticlesTable;
  broadcast_picks: BroadcastPicksTable;
  media_usages: MediaUsagesTable;
  integrity_reports: IntegrityReportsTable;
  integrity_messages: IntegrityMessagesTable;
  integrity_attachments: IntegrityAttachmentsTable;
  integrity_documents: IntegrityDocumentsTable;
  survey_elements: SurveyElementsTable;
  survey_responses: SurveyResponsesTable;
  survey_answers: SurveyAnswersTable;
  import_links: ImportLinksTable;
  legacy_sites: LegacySitesTable;
  redirects: RedirectsTable;
  api_keys: ApiKeysTable;
  api_key_windows: ApiKeyWindowsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
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
