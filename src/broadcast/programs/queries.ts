// Reading programs for the reader pages: an edition's channels and programs (hosts, artwork,
// weekly slots), a channel's schedule with the notes of its one-off changes, a program's
// published episodes and related stories, and the editors' picks running now. Every list is one
// indexed range with a limit.
import type { Kysely } from 'kysely';
import { SUMMARY_COLUMNS, isPublished, toArticleSummary, type ArticleSummary } from '../../articles/index.ts';
import { toDate, toDbTime } from '../../core/db/dialect.ts';
import type { Database } from '../../core/db/schema.ts';
import { slugify } from '../../core/text/slug.ts';
import { toImage, type Image } from '../../media/index.ts';
import type { Schedule, WeeklySlot, Weekday } from '../schedule.ts';

type Db = Kysely<Database>;

/** A channel of an edition as the programs pages show it. */
export interface ChannelInfo {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly timeZone: string;
}

/** A person presenting a program (linked to their author page). */
export interface Host {
  readonly name: string;
  readonly slug: string;
}

/** A program with what its card and page show. */
export interface ProgramInfo {
  readonly id: number;
  readonly edition: string;
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly isActive: boolean;
  readonly channel: ChannelInfo;
  readonly artwork: Image | null;
  readonly hosts: readonly Host[];
  readonly slots: readonly WeeklySlot[];
}

const MEDIA_COLUMNS = [
  'media.storage_key as media_key',
  'media.width as media_width',
  'media.height as media_height',
  'media.variants as media_variants',
  'media.formats as media_formats',
] as const;

interface MediaColumns {
  media_key: string | null;
  media_width: number | null;
  media_height: number | null;
  media_variants: string | null;
  media_formats: string | null;
}

function imageOf(row: MediaColumns): Image | null {
  if (row.media_key === null || row.media_width === null || row.media_height === null || row.media_variants === null)
    return null;
  return toImage({
    storage_key: row.media_key,
    width: row.media_width,
    height: row.media_height,
    variants: row.media_variants,
    formats: row.media_formats,
  });
}

/** An edition's active channels, in their order. */
export async function listChannels(db: Db, edition: string): Promise<ChannelInfo[]> {
  const rows = await db
    .selectFrom('channels')
    .select(['id', 'slug', 'name', 'time_zone'])
    .where('edition', '=', edition)
    .where('is_active', '=', 1)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, timeZone: r.time_zone }));
}

/**
 * An edition's programs (only the active ones unless `slug` names one), with channel, artwork,
 * hosts and slots: three queries whatever their number.
 */
export async function loadPrograms(db: Db, edition: string, slug?: string): Promise<ProgramInfo[]> {
  let query = db
    .selectFrom('programs')
    .innerJoin('channels', 'channels.id', 'programs.channel_id')
    .leftJoin('media', 'media.id', 'programs.artwork_media_id')
    .select([
      'programs.id',
      'programs.edition',
      'programs.slug',
      'programs.title',
      'programs.description',
      'programs.is_active',
      'channels.id as channel_id',
      'channels.slug as channel_slug',
      'channels.name as channel_name',
      'channels.time_zone',
      ...MEDIA_COLUMNS,
    ])
    .where('programs.edition', '=', edition);
  query = slug === undefined ? query.where('programs.is_active', '=', 1) : query.where('programs.slug', '=', slug);
  const rows = await query.orderBy('programs.title').orderBy('programs.id').limit(200).execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [hosts, slots] = await Promise.all([
    db
      .selectFrom('program_hosts')
      .innerJoin('users', 'users.id', 'program_hosts.user_id')
      .select(['program_hosts.program_id', 'users.display_name', 'users.slug'])
      .where('program_hosts.program_id', 'in', ids)
      .orderBy('program_hosts.position')
      .execute(),
    db
      .selectFrom('program_slots')
      .select(['program_id', 'days', 'start_time', 'minutes'])
      .where('program_id', 'in', ids)
      .orderBy('start_time')
      .orderBy('id')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    edition: r.edition,
    slug: r.slug,
    title: r.title,
    description: r.description,
    isActive: r.is_active === 1 || r.is_active === true,
    channel: { id: r.channel_id, slug: r.channel_slug, name: r.channel_name, timeZone: r.time_zone },
    artwork: imageOf(r),
    hosts: hosts.filter((h) => h.program_id === r.id).map((h) => ({ name: h.display_name, slug: h.slug })),
    slots: slots
      .filter((s) => s.program_id === r.id)
      .map((s) => ({
        programId: s.program_id,
        days: s.days.split(',').map(Number) as Weekday[],
        start: s.start_time,
        minutes: s.minutes,
      })),
  }));
}

/** A one-off change with its note (a special's subtitle, the reason of a cancellation). */
export interface ChangeNote {
  readonly kind: 'special' | 'cancelled';
  readonly programId: number | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly note: string;
}

/**
 * A channel's schedule for [from, to): its active programs' slots and the changes overlapping
 * the stretch (with their notes).
 */
export async function loadSchedule(
  db: Db,
  channel: ChannelInfo,
  from: Date,
  to: Date,
): Promise<{ schedule: Schedule; notes: ChangeNote[] }> {
  const [slots, changes] = await Promise.all([
    db
      .selectFrom('program_slots as s')
      .innerJoin('programs as p', 'p.id', 's.program_id')
      .select(['s.program_id', 's.days', 's.start_time', 's.minutes'])
      .where('p.channel_id', '=', channel.id)
      .where('p.is_active', '=', 1)
      .orderBy('s.id')
      .execute(),
    db
      .selectFrom('schedule_changes')
      .select(['kind', 'program_id', 'starts_at', 'ends_at', 'note'])
      .where('channel_id', '=', channel.id)
      .where('ends_at', '>', toDbTime(from))
      .where('starts_at', '<', toDbTime(to))
      .orderBy('starts_at')
      .limit(500)
      .execute(),
  ]);
  const notes = changes.map((c) => ({
    kind: c.kind,
    programId: c.program_id,
    startsAt: toDate(c.starts_at),
    endsAt: toDate(c.ends_at),
    note: c.note,
  }));
  return {
    schedule: {
      timeZone: channel.timeZone,
      slots: slots.map((s) => ({
        programId: s.program_id,
        days: s.days.split(',').map(Number) as Weekday[],
        start: s.start_time,
        minutes: s.minutes,
      })),
      // A special without a program is titled by its note.
      changes: notes.map((c) => (c.kind === 'special' && c.programId === null ? { ...c, title: c.note } : c)),
    },
    notes,
  };
}

/** A published episode in a program's list. */
export interface EpisodeItem {
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly publishedAt: Date;
  readonly durationSeconds: number | null;
}

/** A program's published episodes, newest first (the `episodes_program_published` range). */
export async function listPublishedEpisodes(db: Db, programId: number, now: Date, limit: number) {
  const rows = await db
    .selectFrom('episodes')
    .select(['slug', 'title', 'description', 'published_at', 'duration_seconds'])
    .where('program_id', '=', programId)
    .where('status', '=', 'published')
    .where('published_at', '<=', toDbTime(now))
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r): EpisodeItem => ({
    slug: r.slug,
    title: r.title,
    description: r.description,
    publishedAt: toDate(r.published_at!),
    durationSeconds: r.duration_seconds,
  }));
}

function selectSummaries(db: Db) {
  return db
    .selectFrom('articles')
    .innerJoin('categories', 'categories.id', 'articles.category_id')
    .leftJoin('media', 'media.id', 'articles.featured_media_id')
    .select(SUMMARY_COLUMNS);
}

/**
 * Stories related to a program: those its published episodes link to, then those tagged with
 * its title; newest first, at most `limit`. Each source is a bounded range of its own index.
 */
export async function listRelatedArticles(
  db: Db,
  program: Pick<ProgramInfo, 'id' | 'edition' | 'title'>,
  now: Date,
  limit: number,
): Promise<ArticleSummary[]> {
  const dbNow = toDbTime(now);
  const [linked, tagged] = await Promise.all([
    db
      .selectFrom('episode_articles')
      .innerJoin('episodes', 'episodes.id', 'episode_articles.episode_id')
      .select('episode_articles.article_id')
      .where('episodes.program_id', '=', program.id)
      .where('episodes.status', '=', 'published')
      .where('episodes.published_at', '<=', dbNow)
      .orderBy('episodes.published_at', 'desc')
      .limit(limit * 4)
      .execute(),
    db
      .selectFrom('tags')
      .innerJoin('article_tags', 'article_tags.tag_id', 'tags.id')
      .select('article_tags.article_id')
      .where('tags.edition', '=', program.edition)
      .where('tags.slug', '=', slugify(program.title))
      .where('article_tags.published_at', 'is not', null)
      .where('article_tags.published_at', '<=', dbNow)
      .orderBy('article_tags.published_at', 'desc')
      .limit(limit)
      .execute(),
  ]);
  const ids = [...new Set([...linked, ...tagged].map((r) => r.article_id))];
  if (ids.length === 0) return [];
  const rows = await selectSummaries(db)
    .where('articles.id', 'in', ids)
    .where('articles.edition', '=', program.edition)
    .where(isPublished(now))
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toArticleSummary);
}

/** The newest published stories of one section (the Program Highlight posts). */
export async function listSectionArticles(
  db: Db,
  edition: string,
  categoryId: number,
  now: Date,
  limit: number,
): Promise<ArticleSummary[]> {
  const rows = await selectSummaries(db)
    .where('articles.edition', '=', edition)
    .where('articles.category_id', '=', categoryId)
    .where(isPublished(now))
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toArticleSummary);
}

/** A section of an edition by id (the chosen highlight section), if it still exists there. */
export async function findSection(db: Db, edition: string, categoryId: number) {
  return db
    .selectFrom('categories')
    .select(['id', 'slug', 'name', 'description'])
    .where('id', '=', categoryId)
    .where('edition', '=', edition)
    .executeTakeFirst();
}

/** An editor's pick as readers see it: the program, and the episode when one is picked and published. */
export interface RunningPick {
  readonly id: number;
  readonly note: string;
  readonly endsAt: Date;
  readonly program: {
    readonly slug: string;
    readonly title: string;
    readonly description: string;
    readonly artwork: Image | null;
  };
  readonly episode: { readonly slug: string; readonly title: string } | null;
}

/** An edition's picks running at `now`, in their order (the `broadcast_picks_edition` range). */
export async function listRunningPicks(db: Db, edition: string, now: Date, limit: number): Promise<RunningPick[]> {
  const dbNow = toDbTime(now);
  const rows = await db
    .selectFrom('broadcast_picks as k')
    .innerJoin('programs', 'programs.id', 'k.program_id')
    .leftJoin('episodes', (join) =>
      join
        .onRef('episodes.id', '=', 'k.episode_id')
        .on('episodes.status', '=', 'published')
        .on('episodes.published_at', '<=', dbNow),
    )
    .leftJoin('media', 'media.id', 'programs.artwork_media_id')
    .select([
      'k.id',
      'k.note',
      'k.ends_at',
      'programs.slug as program_slug',
      'programs.title as program_title',
      'programs.description as program_description',
      'episodes.slug as episode_slug',
      'episodes.title as episode_title',
      ...MEDIA_COLUMNS,
    ])
    .where('k.edition', '=', edition)
    .where('k.ends_at', '>', dbNow)
    .where('k.starts_at', '<=', dbNow)
    .orderBy('k.position')
    .orderBy('k.starts_at', 'desc')
    .orderBy('k.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    note: r.note,
    endsAt: toDate(r.ends_at),
    program: {
      slug: r.program_slug,
      title: r.program_title,
      description: r.program_description,
      artwork: imageOf(r),
    },
    episode:
      r.episode_slug !== null && r.episode_title !== null ? { slug: r.episode_slug, title: r.episode_title } : null,
  }));
}

/** When an edition's picks next change by the clock: the first start or end after `now`, if any. */
export async function nextPickChange(db: Db, edition: string, now: Date): Promise<Date | null> {
  const dbNow = toDbTime(now);
  const [start, end] = await Promise.all([
    db
      .selectFrom('broadcast_picks')
      .select('starts_at')
      .where('edition', '=', edition)
      .where('starts_at', '>', dbNow)
      .orderBy('starts_at')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('broadcast_picks')
      .select('ends_at')
      .where('edition', '=', edition)
      .where('ends_at', '>', dbNow)
      .orderBy('ends_at')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const times = [start?.starts_at, end?.ends_at].filter((t) => t != null).map((t) => toDate(t!).getTime());
  return times.length ? new Date(Math.min(...times)) : null;
}

/** Each edition's next pick start or end after `now`: when pages showing picks change by the clock. */
export async function nextPickChanges(db: Db, now: Date): Promise<{ edition: string; at: Date }[]> {
  const dbNow = toDbTime(now);
  const [starts, ends] = await Promise.all([
    db
      .selectFrom('broadcast_picks')
      .select(['edition', (eb) => eb.fn.min('starts_at').as('at')])
      .where('starts_at', '>', dbNow)
      .groupBy('edition')
      .execute(),
    db
      .selectFrom('broadcast_picks')
      .select(['edition', (eb) => eb.fn.min('ends_at').as('at')])
      .where('ends_at', '>', dbNow)
      .groupBy('edition')
      .execute(),
  ]);
  return [...starts, ...ends]
    .filter((r) => r.at !== null)
    .map((r) => ({ edition: r.edition, at: toDate(r.at as Date | string) }));
}
