// What the radio's newsroom pages read: an edition's channels with their streams, programs with
// hosts and slots, the people who may host, and a channel's one-off changes. One Kysely chain
// per function, each bounded by an edition, a channel or a limit.
import type { Kysely } from 'kysely';
import { toBool, toDate, toDbTime } from '../../core/db/dialect.ts';
import type { Database } from '../../core/db/schema.ts';
import type { Weekday } from '../schedule.ts';

type Db = Kysely<Database>;

/** More than any station runs: lists stop here rather than grow without bound. */
const LIST_LIMIT = 500;

/** A channel as the newsroom shows and edits it. */
export interface NewsroomChannel {
  readonly id: number;
  readonly edition: string;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly timeZone: string;
  readonly artworkMediaId: number | null;
  readonly statusSource: 'none' | 'icecast' | 'azuracast';
  readonly statusUrl: string | null;
  readonly position: number;
  readonly isActive: boolean;
  readonly streams: readonly { readonly url: string; readonly format: 'mp3' | 'aac' | 'hls' }[];
}

/** A weekly slot as stored: ISO weekdays, "HH:MM", minutes. */
export interface StoredSlot {
  readonly days: readonly Weekday[];
  readonly start: string;
  readonly minutes: number;
}

/** A program as the newsroom shows and edits it. */
export interface NewsroomProgram {
  readonly id: number;
  readonly edition: string;
  readonly channelId: number;
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly artworkMediaId: number | null;
  readonly isActive: boolean;
  readonly podcastCategory: string;
  readonly podcastAuthor: string;
  readonly isExplicit: boolean;
  /** Hosts in order. */
  readonly hosts: readonly { readonly id: number; readonly name: string }[];
  readonly slots: readonly StoredSlot[];
}

/** A one-off change with what it names. */
export interface NewsroomChange {
  readonly id: number;
  readonly channelId: number;
  readonly kind: 'special' | 'cancelled';
  readonly programId: number | null;
  readonly programTitle: string | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly note: string;
}

const daysOf = (text: string): Weekday[] =>
  text
    .split(',')
    .map(Number)
    .filter((d): d is Weekday => Number.isInteger(d) && d >= 1 && d <= 7);

/** The channels of `editions`, in each edition's order, with their streams. */
export async function listChannels(db: Db, editions: readonly string[]): Promise<NewsroomChannel[]> {
  if (editions.length === 0) return [];
  const rows = await db
    .selectFrom('channels')
    .selectAll()
    .where('edition', 'in', editions)
    .orderBy('edition')
    .orderBy('position')
    .orderBy('name')
    .limit(LIST_LIMIT)
    .execute();
  if (rows.length === 0) return [];
  const streams = await db
    .selectFrom('channel_streams')
    .select(['channel_id', 'url', 'format'])
    .where(
      'channel_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('channel_id')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    edition: r.edition,
    slug: r.slug,
    name: r.name,
    description: r.description,
    timeZone: r.time_zone,
    artworkMediaId: r.artwork_media_id,
    statusSource: r.status_source,
    statusUrl: r.status_url,
    position: r.position,
    isActive: toBool(r.is_active),
    streams: streams.filter((s) => s.channel_id === r.id).map((s) => ({ url: s.url, format: s.format })),
  }));
}

/** One channel with its streams, or undefined. */
export async function findChannel(db: Db, id: number): Promise<NewsroomChannel | undefined> {
  const row = await db.selectFrom('channels').select('edition').where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return (await listChannels(db, [row.edition])).find((c) => c.id === id);
}

/** How many programs each channel has (channels without any are left out). */
export async function countPrograms(db: Db, channelIds: readonly number[]): Promise<Map<number, number>> {
  if (channelIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('programs')
    .select(['channel_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('channel_id', 'in', channelIds)
    .groupBy('channel_id')
    .execute();
  return new Map(rows.map((r) => [r.channel_id, Number(r.count)]));
}

/** The programs of `editions` (of one channel, when given), by title, with hosts and slots. */
export async function listPrograms(
  db: Db,
  editions: readonly string[],
  channelId?: number,
): Promise<NewsroomProgram[]> {
  if (editions.length === 0) return [];
  const rows = await db
    .selectFrom('programs')
    .selectAll()
    .where('edition', 'in', editions)
    .$if(channelId !== undefined, (q) => q.where('channel_id', '=', channelId!))
    .orderBy('edition')
    .orderBy('title')
    .limit(LIST_LIMIT)
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [hosts, slots] = await Promise.all([
    db
      .selectFrom('program_hosts as h')
      .innerJoin('users as u', 'u.id', 'h.user_id')
      .select(['h.program_id', 'u.id', 'u.display_name'])
      .where('h.program_id', 'in', ids)
      .orderBy('h.program_id')
      .orderBy('h.position')
      .execute(),
    db
      .selectFrom('program_slots')
      .select(['program_id', 'days', 'start_time', 'minutes'])
      .where('program_id', 'in', ids)
      .orderBy('program_id')
      .orderBy('id')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    edition: r.edition,
    channelId: r.channel_id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    artworkMediaId: r.artwork_media_id,
    isActive: toBool(r.is_active),
    podcastCategory: r.podcast_category,
    podcastAuthor: r.podcast_author,
    isExplicit: toBool(r.is_explicit),
    hosts: hosts.filter((h) => h.program_id === r.id).map((h) => ({ id: h.id, name: h.display_name })),
    slots: slots
      .filter((s) => s.program_id === r.id)
      .map((s) => ({ days: daysOf(s.days), start: s.start_time, minutes: s.minutes })),
  }));
}

/** One program with its hosts and slots, or undefined. */
export async function findProgram(db: Db, id: number): Promise<NewsroomProgram | undefined> {
  const row = await db.selectFrom('programs').select(['edition', 'channel_id']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return (await listPrograms(db, [row.edition], row.channel_id)).find((p) => p.id === id);
}

/**
 * The people who may host an edition's programs: active staff who work in it, and those bound
 * to no edition (administrators, byline-only authors); integrity officers never.
 */
export async function listHostChoices(db: Db, edition: string): Promise<{ id: number; name: string }[]> {
  const rows = await db
    .selectFrom('users as u')
    .select(['u.id', 'u.display_name'])
    .where('u.is_active', '=', 1)
    .where('u.role', '!=', 'integrity_officer')
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('user_editions as ue')
            .select('ue.user_id')
            .whereRef('ue.user_id', '=', 'u.id')
            .where('ue.edition', '=', edition),
        ),
        eb.not(
          eb.exists(eb.selectFrom('user_editions as ue').select('ue.user_id').whereRef('ue.user_id', '=', 'u.id')),
        ),
      ]),
    )
    .orderBy('u.display_name')
    .orderBy('u.id')
    .limit(LIST_LIMIT)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}

/** A channel's changes that have not ended by `now`, soonest first. */
export async function listChanges(db: Db, channelId: number, now: Date): Promise<NewsroomChange[]> {
  const rows = await db
    .selectFrom('schedule_changes as c')
    .leftJoin('programs as p', 'p.id', 'c.program_id')
    .select(['c.id', 'c.channel_id', 'c.kind', 'c.program_id', 'p.title', 'c.starts_at', 'c.ends_at', 'c.note'])
    .where('c.channel_id', '=', channelId)
    .where('c.ends_at', '>', toDbTime(now))
    .orderBy('c.starts_at')
    .orderBy('c.id')
    .limit(LIST_LIMIT)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    channelId: r.channel_id,
    kind: r.kind,
    programId: r.program_id,
    programTitle: r.title,
    startsAt: toDate(r.starts_at),
    endsAt: toDate(r.ends_at),
    note: r.note,
  }));
}

/** A change with its channel's edition (who may remove it), or undefined. */
export async function findChange(
  db: Db,
  id: number,
): Promise<{ id: number; channelId: number; edition: string } | undefined> {
  const row = await db
    .selectFrom('schedule_changes as c')
    .innerJoin('channels as ch', 'ch.id', 'c.channel_id')
    .select(['c.id', 'c.channel_id', 'ch.edition'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  return row && { id: row.id, channelId: row.channel_id, edition: row.edition };
}

/** Whether a library image exists. */
export async function imageExists(db: Db, id: number): Promise<boolean> {
  return !!(await db.selectFrom('media').select('id').where('id', '=', id).executeTakeFirst());
}
