// Writing channels, programs and the schedule: every field checked (all problems listed at once),
// references checked in the transaction (a program's channel and hosts, a change's program), one
// event per command.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isTimeZone } from '../core/config.ts';
import { toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import { runCommand, type WriteContext } from '../core/events/index.ts';
import { AppError } from '../core/http/errors.ts';
import { slugify } from '../core/text/slug.ts';
import { InputError, parseInput } from '../core/validation.ts';
import { isPodcastCategory } from './newsroom/podcast-categories.ts';
import { isValidSlot } from './schedule.ts';
import './events.ts';

type Db = Kysely<Database>;

const text = (max: number) => z.string().trim().max(max, `is longer than ${max} characters`);
const required = (max: number) => text(max).min(1, 'is required');
const httpUrl = z
  .string()
  .trim()
  .max(2000, 'is longer than 2,000 characters')
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// address');

/** A stream's format from what it says it is, else from its address. */
export function streamFormat(url: string): 'mp3' | 'aac' | 'hls' {
  const path = URL.canParse(url) ? new URL(url).pathname.toLowerCase() : url.toLowerCase();
  if (path.endsWith('.m3u8')) return 'hls';
  if (/\.(aac|m4a|mp4)$/.test(path)) return 'aac';
  return 'mp3';
}

const channelInput = z.strictObject({
  edition: z.string(),
  name: required(80),
  slug: text(80).optional(),
  description: text(2000).default(''),
  timeZone: z
    .string()
    .max(64, 'is not a time zone name')
    .refine(isTimeZone, 'is not a time zone this server knows (e.g. Asia/Jakarta)')
    .default('Asia/Jakarta'),
  streams: z
    .array(z.strictObject({ url: httpUrl, format: z.enum(['mp3', 'aac', 'hls']).optional() }))
    .min(1, 'needs at least one stream address')
    .max(5, 'holds at most 5 streams'),
  statusSource: z.enum(['none', 'icecast', 'azuracast']).default('none'),
  statusUrl: httpUrl.nullable().default(null),
  /** The library image shown for the channel; left as it is when not given. */
  artworkMediaId: z.number().int().positive().max(2_147_483_647).nullable().optional(),
  /** Where the channel is listed among its edition's (lowest first); left as it is when not given. */
  position: z.number().int().min(0, 'is below 0').max(100_000, 'is above 100,000').optional(),
  isActive: z.boolean().default(true),
});

/** Adds a channel (or changes channel `channelId`); returns its id. */
export async function saveChannel(
  w: WriteContext,
  raw: z.input<typeof channelInput>,
  channelId?: number,
): Promise<number> {
  const input = parseInput(channelInput, raw);
  const slug = slugify(input.slug || input.name);
  const problems: string[] = [];
  if (!slug) problems.push('slug: needs letters or digits');
  if (input.statusSource === 'azuracast' && !input.statusUrl)
    problems.push('statusUrl: AzuraCast needs the address of its now-playing API');
  if (problems.length) throw new InputError(problems);
  return runCommand(w, async (trx, emit) => {
    const edition = await trx
      .selectFrom('editions')
      .select('code')
      .where('code', '=', input.edition)
      .executeTakeFirst();
    if (!edition) throw new InputError([`edition: there is no edition "${input.edition}"`]);
    const clash = await trx
      .selectFrom('channels')
      .select('id')
      .where('edition', '=', input.edition)
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (clash && clash.id !== channelId) throw new InputError([`slug: "${slug}" is taken by another channel`]);
    if (input.artworkMediaId) await checkArtwork(trx, input.artworkMediaId);
    const now = toDbTime(w.now());
    const values = {
      name: input.name,
      slug,
      description: input.description,
      time_zone: input.timeZone,
      status_source: input.statusSource,
      status_url: input.statusUrl,
      is_active: input.isActive ? 1 : 0,
      updated_at: now,
      ...(input.artworkMediaId === undefined ? {} : { artwork_media_id: input.artworkMediaId }),
      ...(input.position === undefined ? {} : { position: input.position }),
    };
    let id = channelId;
    if (id === undefined) {
      const row = await trx
        .insertInto('channels')
        .values({ ...values, edition: input.edition, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    } else {
      const current = await trx.selectFrom('channels').select('edition').where('id', '=', id).executeTakeFirst();
      if (!current) throw new AppError('not_found', 'This channel has been deleted.');
      if (current.edition !== input.edition) throw new InputError(['edition: a channel stays in its edition']);
      await trx.updateTable('channels').set(values).where('id', '=', id).execute();
      await trx.deleteFrom('channel_streams').where('channel_id', '=', id).execute();
    }
    await trx
      .insertInto('channel_streams')
      .values(
        input.streams.map((s, position) => ({
          channel_id: id,
          url: s.url,
          format: s.format ?? streamFormat(s.url),
          position,
        })),
      )
      .execute();
    await emit('channel.changed', { channelId: id, edition: input.edition });
    return id;
  });
}

const slotInput = z
  .strictObject({
    days: z
      .array(z.number().int().min(1).max(7))
      .min(1, 'needs at least one day')
      .transform((days) => [...new Set(days)].sort()),
    start: z.string(),
    minutes: z.number(),
  })
  .refine((slot) => isValidSlot(slot), 'needs a start as HH:MM and a length of 1 to 1,440 minutes');

const programInput = z.strictObject({
  channelId: z.number().int().positive(),
  title: required(200),
  slug: text(80).optional(),
  description: text(5000).default(''),
  hostIds: z.array(z.number().int().positive()).max(10, 'holds at most 10 hosts').default([]),
  slots: z.array(slotInput).max(50, 'holds at most 50 slots').default([]),
  /** The library image shown for the program; left as it is when not given. */
  artworkMediaId: z.number().int().positive().max(2_147_483_647).nullable().optional(),
  /** Podcast fields, each left as it is when not given: Apple's category name ('' for none), … */
  podcastCategory: z
    .string()
    .refine((name) => name === '' || isPodcastCategory(name), 'is not one of Apple Podcasts’ categories')
    .optional(),
  /** … the feed's author (the station's name when empty), … */
  podcastAuthor: text(200).optional(),
  /** … and whether the show is explicit. */
  isExplicit: z.boolean().optional(),
  isActive: z.boolean().default(true),
});

/** Adds a program to a channel (or changes program `programId`), with its hosts and weekly slots. */
export async function saveProgram(
  w: WriteContext,
  raw: z.input<typeof programInput>,
  programId?: number,
): Promise<number> {
  const input = parseInput(programInput, raw);
  const slug = slugify(input.slug || input.title);
  if (!slug) throw new InputError(['slug: needs letters or digits']);
  return runCommand(w, async (trx, emit) => {
    const channel = await trx
      .selectFrom('channels')
      .select(['id', 'edition'])
      .where('id', '=', input.channelId)
      .executeTakeFirst();
    if (!channel) throw new InputError([`channelId: there is no channel number ${input.channelId}`]);
    await checkHosts(trx, input.hostIds);
    const clash = await trx
      .selectFrom('programs')
      .select('id')
      .where('edition', '=', channel.edition)
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (clash && clash.id !== programId) throw new InputError([`slug: "${slug}" is taken by another program`]);
    if (input.artworkMediaId) await checkArtwork(trx, input.artworkMediaId);
    const now = toDbTime(w.now());
    const values = {
      channel_id: channel.id,
      edition: channel.edition,
      slug,
      title: input.title,
      description: input.description,
      is_active: input.isActive ? 1 : 0,
      updated_at: now,
      ...(input.artworkMediaId === undefined ? {} : { artwork_media_id: input.artworkMediaId }),
      ...(input.podcastCategory === undefined ? {} : { podcast_category: input.podcastCategory }),
      ...(input.podcastAuthor === undefined ? {} : { podcast_author: input.podcastAuthor }),
      ...(input.isExplicit === undefined ? {} : { is_explicit: input.isExplicit ? 1 : 0 }),
    };
    let id = programId;
    if (id === undefined) {
      id = (
        await trx
          .insertInto('programs')
          .values({ ...values, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    } else {
      const current = await trx.selectFrom('programs').select('edition').where('id', '=', id).executeTakeFirst();
      if (!current) throw new AppError('not_found', 'This program has been deleted.');
      if (current.edition !== channel.edition) throw new InputError(['channelId: a program stays in its edition']);
      await trx.updateTable('programs').set(values).where('id', '=', id).execute();
      await trx.deleteFrom('program_hosts').where('program_id', '=', id).execute();
      await trx.deleteFrom('program_slots').where('program_id', '=', id).execute();
    }
    const hosts = [...new Set(input.hostIds)];
    if (hosts.length)
      await trx
        .insertInto('program_hosts')
        .values(hosts.map((user_id, position) => ({ program_id: id, user_id, position })))
        .execute();
    if (input.slots.length)
      await trx
        .insertInto('program_slots')
        .values(
          input.slots.map((s) => ({ program_id: id, days: s.days.join(','), start_time: s.start, minutes: s.minutes })),
        )
        .execute();
    await emit('program.changed', { programId: id, channelId: channel.id, edition: channel.edition });
    return id;
  });
}

async function checkArtwork(trx: Db, mediaId: number): Promise<void> {
  const image = await trx.selectFrom('media').select('id').where('id', '=', mediaId).executeTakeFirst();
  if (!image) throw new InputError([`artworkMediaId: there is no image number ${mediaId}`]);
}

async function checkHosts(trx: Db, hostIds: readonly number[]): Promise<void> {
  if (hostIds.length === 0) return;
  const found = await trx.selectFrom('users').select('id').where('id', 'in', hostIds).execute();
  const missing = hostIds.filter((id) => !found.some((u) => u.id === id));
  if (missing.length) throw new InputError([`hostIds: there is no person number ${missing.join(', ')}`]);
}

const changeInput = z
  .strictObject({
    channelId: z.number().int().positive(),
    kind: z.enum(['special', 'cancelled']),
    programId: z.number().int().positive().nullable().default(null),
    startsAt: z.date(),
    endsAt: z.date(),
    note: text(500).default(''),
  })
  .refine((c) => c.endsAt.getTime() > c.startsAt.getTime(), { message: 'endsAt: must be after startsAt' })
  .refine((c) => c.endsAt.getTime() - c.startsAt.getTime() <= 7 * 86_400_000, {
    message: 'endsAt: a one-off change lasts at most a week',
  })
  // A special without a program is a one-off broadcast of its own: its note is its title.
  .refine((c) => c.kind !== 'special' || c.programId !== null || c.note !== '', {
    message: 'programId: a special names its program',
  });

/** Adds a one-off change to a channel's schedule; returns its id. */
export async function addScheduleChange(w: WriteContext, raw: z.input<typeof changeInput>): Promise<number> {
  const input = parseInput(changeInput, raw);
  return runCommand(w, async (trx, emit) => {
    const channel = await trx
      .selectFrom('channels')
      .select(['id', 'edition'])
      .where('id', '=', input.channelId)
      .executeTakeFirst();
    if (!channel) throw new InputError([`channelId: there is no channel number ${input.channelId}`]);
    if (input.programId !== null) {
      const program = await trx
        .selectFrom('programs')
        .select('channel_id')
        .where('id', '=', input.programId)
        .executeTakeFirst();
      if (program?.channel_id !== channel.id)
        throw new InputError([`programId: program ${input.programId} is not on this channel`]);
    }
    const row = await trx
      .insertInto('schedule_changes')
      .values({
        channel_id: channel.id,
        kind: input.kind,
        program_id: input.programId,
        starts_at: toDbTime(input.startsAt),
        ends_at: toDbTime(input.endsAt),
        note: input.note,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await emit('schedule.changed', { channelId: channel.id, edition: channel.edition });
    return row.id;
  });
}

/** Takes a one-off change off a channel's schedule (nothing happens for one already gone). */
export async function removeScheduleChange(w: WriteContext, changeId: number): Promise<void> {
  await runCommand(w, async (trx, emit) => {
    const change = await trx
      .selectFrom('schedule_changes as c')
      .innerJoin('channels as ch', 'ch.id', 'c.channel_id')
      .select(['c.channel_id', 'ch.edition'])
      .where('c.id', '=', changeId)
      .executeTakeFirst();
    if (!change) return;
    await trx.deleteFrom('schedule_changes').where('id', '=', changeId).execute();
    await emit('schedule.changed', { channelId: change.channel_id, edition: change.edition });
  });
}

/** A channel that still has programs: deactivate it instead (programs name their channel). */
export class ChannelInUseError extends AppError {
  constructor(readonly programs: number) {
    super('conflict', `The channel has ${programs} program(s): deactivate it instead.`);
    this.name = 'ChannelInUseError';
  }
}

/** Deletes a channel that has no programs (its streams and one-off changes go with it). */
export async function deleteChannel(w: WriteContext, channelId: number): Promise<void> {
  await runCommand(w, async (trx, emit) => {
    const channel = await trx.selectFrom('channels').select('edition').where('id', '=', channelId).executeTakeFirst();
    if (!channel) throw new AppError('not_found', 'This channel has been deleted.');
    const programs = await trx
      .selectFrom('programs')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('channel_id', '=', channelId)
      .executeTakeFirstOrThrow();
    if (Number(programs.count) > 0) throw new ChannelInUseError(Number(programs.count));
    await trx.deleteFrom('channels').where('id', '=', channelId).execute();
    await emit('channel.changed', { channelId, edition: channel.edition });
  });
}
