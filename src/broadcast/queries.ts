// Reading the radio: a channel's schedule (its active programs' weekly slots and the one-off
// changes overlapping a stretch of time), ready for the schedule's arithmetic.
import type { Kysely } from 'kysely';
import { toDate, toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import type { Schedule, Weekday } from './schedule.ts';

type Db = Kysely<Database>;

/**
 * Channel `channelId`'s schedule for airings between `from` and `to` (a week at most is useful):
 * the slots of its active programs, and the changes that overlap the stretch. Undefined for a
 * channel that does not exist.
 */
export async function scheduleOfChannel(
  db: Db,
  channelId: number,
  from: Date,
  to: Date,
): Promise<Schedule | undefined> {
  const channel = await db.selectFrom('channels').select('time_zone').where('id', '=', channelId).executeTakeFirst();
  if (!channel) return undefined;
  const [slots, changes] = await Promise.all([
    db
      .selectFrom('program_slots as s')
      .innerJoin('programs as p', 'p.id', 's.program_id')
      .select(['s.program_id', 's.days', 's.start_time', 's.minutes'])
      .where('p.channel_id', '=', channelId)
      .where('p.is_active', '=', 1)
      .orderBy('s.id')
      .execute(),
    db
      .selectFrom('schedule_changes')
      .select(['kind', 'program_id', 'starts_at', 'ends_at', 'note'])
      .where('channel_id', '=', channelId)
      .where('ends_at', '>', toDbTime(from))
      .where('starts_at', '<', toDbTime(to))
      .orderBy('starts_at')
      .execute(),
  ]);
  return {
    timeZone: channel.time_zone,
    slots: slots.map((s) => ({
      programId: s.program_id,
      days: s.days.split(',').map(Number) as Weekday[],
      start: s.start_time,
      minutes: s.minutes,
    })),
    changes: changes.map((c) => ({
      kind: c.kind,
      programId: c.program_id,
      startsAt: toDate(c.starts_at),
      endsAt: toDate(c.ends_at),
      // A special without a program is titled by its note.
      ...(c.kind === 'special' && c.program_id === null ? { title: c.note } : {}),
    })),
  };
}

// issue 11: public API (src/api): an edition's channels with their streams, and its episodes page
// by key. `includeUnpublished` is the seam for an API key allowed to read drafts.

/** A channel as the public API lists it. */
export interface ApiChannel {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly timeZone: string;
  readonly streams: readonly { readonly url: string; readonly format: 'mp3' | 'aac' | 'hls' }[];
}

/** An edition's active channels in their order, with their streams (two queries). */
export async function listChannelsForApi(db: Db, edition: string): Promise<ApiChannel[]> {
  const channels = await db
    .selectFrom('channels')
    .select(['id', 'slug', 'name', 'description', 'time_zone'])
    .where('edition', '=', edition)
    .where('is_active', '=', 1)
    .orderBy('position')
    .orderBy('id')
    .limit(100)
    .execute();
  if (channels.length === 0) return [];
  const streams = await db
    .selectFrom('channel_streams')
    .select(['channel_id', 'url', 'format'])
    .where(
      'channel_id',
      'in',
      channels.map((c) => c.id),
    )
    .orderBy('position')
    .execute();
  return channels.map((c) => ({
    id: c.id,
    slug: c.slug,
    name: c.name,
    description: c.description,
    timeZone: c.time_zone,
    streams: streams.filter((s) => s.channel_id === c.id).map((s) => ({ url: s.url, format: s.format })),
  }));
}

/** An active channel of any edition by id (the schedule's subject), if there is one. */
export async function findActiveChannel(
  db: Db,
  id: number,
): Promise<{ id: number; edition: string; slug: string; name: string; timeZone: string } | undefined> {
  const row = await db
    .selectFrom('channels')
    .select(['id', 'edition', 'slug', 'name', 'time_zone'])
    .where('id', '=', id)
    .where('is_active', '=', 1)
    .executeTakeFirst();
  return row && { id: row.id, edition: row.edition, slug: row.slug, name: row.name, timeZone: row.time_zone };
}

/** An episode as the public API lists it. */
export interface ApiEpisode {
  readonly id: number;
  readonly programId: number;
  readonly programSlug: string;
  readonly programTitle: string;
  readonly edition: string;
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly status: 'draft' | 'published';
  readonly publishedAt: Date | null;
  readonly audioFile: string | null;
  readonly audioUrl: string | null;
  readonly audioType: string;
  readonly audioBytes: number | null;
  readonly durationSeconds: number | null;
  readonly episodeNumber: number | null;
}

/**
 * A page of an edition's (or one program's) episodes, newest first, after a key: one range of
 * (edition | program_id, status, published_at) from the cursor on, never an OFFSET.
 */
export async function listEpisodesForApi(
  db: Db,
  f: { edition: string; programId?: number; now: Date },
  page: { after?: { at: string; id: number }; limit: number },
  v: { includeUnpublished: boolean },
): Promise<{ items: ApiEpisode[]; next?: { at: string; id: number } }> {
  const after = page.after;
  const rows = await db
    .selectFrom('episodes as e')
    .innerJoin('programs as p', 'p.id', 'e.program_id')
    .select([
      'e.id',
      'e.program_id',
      'p.slug as program_slug',
      'p.title as program_title',
      'e.edition',
      'e.slug',
      'e.title',
      'e.description',
      'e.status',
      'e.published_at',
      'e.audio_file',
      'e.audio_url',
      'e.audio_type',
      'e.audio_bytes',
      'e.duration_seconds',
      'e.episode_number',
    ])
    .where('e.edition', '=', f.edition)
    .$if(f.programId !== undefined, (q) => q.where('e.program_id', '=', f.programId!))
    .$if(!v.includeUnpublished, (q) =>
      q.where('e.status', '=', 'published').where('e.published_at', '<=', toDbTime(f.now)),
    )
    .where('e.published_at', 'is not', null)
    .$if(after !== undefined, (q) =>
      q
        .where('e.published_at', '<=', after!.at)
        .where((eb) => eb.or([eb('e.published_at', '<', after!.at), eb('e.id', '<', after!.id)])),
    )
    .orderBy('e.published_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const items = rows.slice(0, page.limit).map((r) => ({
    id: r.id,
    programId: r.program_id,
    programSlug: r.program_slug,
    programTitle: r.program_title,
    edition: r.edition,
    slug: r.slug,
    title: r.title,
    description: r.description,
    status: r.status,
    publishedAt: r.published_at === null ? null : toDate(r.published_at),
    audioFile: r.audio_file,
    audioUrl: r.audio_url,
    audioType: r.audio_type,
    audioBytes: r.audio_bytes === null ? null : Number(r.audio_bytes),
    durationSeconds: r.duration_seconds,
    episodeNumber: r.episode_number,
  }));
  // One more than the page was read: a next page exists only when it came back.
  const last = rows.length > page.limit ? rows[page.limit - 1] : undefined;
  return { items, next: last ? { at: toDbTime(toDate(last.published_at!)), id: last.id } : undefined };
}
