// Reading what the live radio shows: every active channel with its streams, artwork, programs and
// schedule, in a few set queries. Loaded into memory when the radio changes (never per page).
import type { Kysely } from 'kysely';
import type { Database } from '../../core/db/schema.ts';
import { toImage, type Image } from '../../media/index.ts';
import { scheduleOfChannel } from '../queries.ts';
import type { Schedule } from '../schedule.ts';

type Db = Kysely<Database>;

/** A program as the live pages name and link it. */
export interface LiveProgram {
  readonly id: number;
  readonly slug: string;
  readonly title: string;
}

/** Where a channel's stream server reports its state. */
export interface StatusSource {
  readonly kind: 'icecast' | 'azuracast';
  /** Icecast: a stream's own address (the server lists its mounts); AzuraCast: its now-playing API. */
  readonly url: string;
}

/** An active channel with everything the live box, page and status answer need. */
export interface LiveChannel {
  readonly id: number;
  readonly edition: string;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  /** The station's zone: its weekly slots are wall-clock times there. */
  readonly timeZone: string;
  readonly artwork?: Image;
  readonly streams: readonly { readonly url: string; readonly format: 'mp3' | 'aac' | 'hls' }[];
  readonly status?: StatusSource;
  readonly programs: ReadonlyMap<number, LiveProgram>;
  /** Weekly slots, and the one-off changes of the loaded stretch. */
  readonly schedule: Schedule;
}

/**
 * Every active channel of every edition, in each edition's order, with the schedule's one-off
 * changes between `from` and `to`. A channel without streams is left out (nothing to play).
 */
export async function loadLiveChannels(db: Db, from: Date, to: Date): Promise<LiveChannel[]> {
  const rows = await db
    .selectFrom('channels as c')
    .leftJoin('media as m', 'm.id', 'c.artwork_media_id')
    .select([
      'c.id',
      'c.edition',
      'c.slug',
      'c.name',
      'c.description',
      'c.time_zone',
      'c.status_source',
      'c.status_url',
      'm.storage_key',
      'm.width',
      'm.height',
      'm.variants',
      'm.formats',
    ])
    .where('c.is_active', '=', 1)
    .orderBy('c.edition')
    .orderBy('c.position')
    .orderBy('c.id')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [streams, programs, schedules] = await Promise.all([
    db
      .selectFrom('channel_streams')
      .select(['channel_id', 'url', 'format'])
      .where('channel_id', 'in', ids)
      .orderBy('channel_id')
      .orderBy('position')
      .execute(),
    // Inactive programs too: a one-off special may still name one.
    db.selectFrom('programs').select(['id', 'channel_id', 'slug', 'title']).where('channel_id', 'in', ids).execute(),
    Promise.all(ids.map((id) => scheduleOfChannel(db, id, from, to))),
  ]);
  return rows.flatMap((row, i): LiveChannel[] => {
    const own = streams.filter((s) => s.channel_id === row.id).map((s) => ({ url: s.url, format: s.format }));
    const schedule = schedules[i];
    if (own.length === 0 || !schedule) return [];
    const artwork =
      row.storage_key !== null && row.width !== null && row.height !== null && row.variants !== null
        ? toImage({
            storage_key: row.storage_key,
            width: row.width,
            height: row.height,
            variants: row.variants,
            formats: row.formats,
          })
        : undefined;
    return [
      {
        id: row.id,
        edition: row.edition,
        slug: row.slug,
        name: row.name,
        description: row.description,
        timeZone: row.time_zone,
        ...(artwork ? { artwork } : {}),
        streams: own,
        ...statusOf(row.status_source, row.status_url, own),
        programs: new Map(
          programs
            .filter((p) => p.channel_id === row.id)
            .map((p) => [p.id, { id: p.id, slug: p.slug, title: p.title }]),
        ),
        schedule,
      },
    ];
  });
}

/** Icecast is asked about the first stream it serves itself (an HLS playlist is not a mount). */
function statusOf(
  source: 'none' | 'icecast' | 'azuracast',
  statusUrl: string | null,
  streams: LiveChannel['streams'],
): { status?: StatusSource } {
  if (source === 'azuracast' && statusUrl) return { status: { kind: 'azuracast', url: statusUrl } };
  if (source !== 'icecast') return {};
  const mount = streams.find((s) => s.format !== 'hls') ?? streams[0];
  return mount ? { status: { kind: 'icecast', url: mount.url } } : {};
}
