// Channels, programs and one-off changes through their commands, on both engines: what is stored,
// every problem of bad input listed with nothing written, references checked, and the schedule
// read back from the database giving the same airings as the arithmetic.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeAuthor, makeImage } from '../../test/helpers/factories.ts';
import type { WriteContext } from '../core/events/index.ts';
import { InputError } from '../core/validation.ts';
import {
  addScheduleChange,
  ChannelInUseError,
  deleteChannel,
  removeScheduleChange,
  saveChannel,
  saveProgram,
  streamFormat,
} from './commands.ts';
import { scheduleOfChannel } from './queries.ts';
import { airingsBetween, onAirAt } from './schedule.ts';

let t: TestApp;
let w: WriteContext;
before(async () => {
  t = await createTestApp();
  w = t.app.ctx.writer;
});
after(() => t.close());

const STREAM = 'https://radio.example/live/english.mp3';

async function problemsOf(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputError) return [...error.problems];
    throw error;
  }
  assert.fail('expected an InputError');
}

async function eventCount(type: string): Promise<number> {
  return (await t.db.selectFrom('outbox_events').select('id').where('type', '=', type).execute()).length;
}

describe('channels', () => {
  it('stores a channel with its streams in order, their formats read from the address', async () => {
    const id = await saveChannel(w, {
      edition: 'en',
      name: 'Voice of Warta English',
      timeZone: 'Asia/Jakarta',
      streams: [
        { url: 'https://radio.example/hls/english.m3u8' },
        { url: STREAM },
        { url: 'https://radio.example/en.aac' },
      ],
      statusSource: 'icecast',
    });
    const channel = await t.db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(
      [channel.slug, channel.time_zone, channel.status_source],
      ['voice-of-warta-english', 'Asia/Jakarta', 'icecast'],
    );
    const streams = await t.db
      .selectFrom('channel_streams')
      .select(['url', 'format', 'position'])
      .where('channel_id', '=', id)
      .orderBy('position')
      .execute();
    assert.deepEqual(
      streams.map((s) => s.format),
      ['hls', 'mp3', 'aac'],
    );
    // Changed: the streams are replaced, not added to.
    await saveChannel(w, { edition: 'en', name: 'Voice of Warta English', streams: [{ url: STREAM }] }, id);
    assert.equal(
      (await t.db.selectFrom('channel_streams').select('id').where('channel_id', '=', id).execute()).length,
      1,
    );
  });

  it('lists every problem of a bad channel and writes nothing', async () => {
    const before = await eventCount('channel.changed');
    const problems = await problemsOf(() =>
      saveChannel(w, {
        edition: 'en',
        name: '',
        timeZone: 'Mars/Olympus',
        streams: [{ url: 'javascript:alert(1)' }, { url: 'ftp://radio.example/x.mp3' }],
      }),
    );
    assert.ok(
      problems.some((p) => p.startsWith('name: is required')),
      problems.join('; '),
    );
    assert.ok(
      problems.some((p) => p.startsWith('timeZone: is not a time zone')),
      problems.join('; '),
    );
    assert.equal(problems.filter((p) => p.includes('must be an http:// or https:// address')).length, 2);
    assert.deepEqual(await problemsOf(() => saveChannel(w, { edition: 'en', name: 'No streams', streams: [] })), [
      'streams: needs at least one stream address',
    ]);
    assert.deepEqual(
      await problemsOf(() => saveChannel(w, { edition: 'xx', name: 'Nowhere', streams: [{ url: STREAM }] })),
      ['edition: there is no edition "xx"'],
    );
    assert.deepEqual(
      await problemsOf(() =>
        saveChannel(w, { edition: 'en', name: 'Azura', streams: [{ url: STREAM }], statusSource: 'azuracast' }),
      ),
      ['statusUrl: AzuraCast needs the address of its now-playing API'],
    );
    assert.equal(await eventCount('channel.changed'), before);
  });

  it('reads a stream’s format from its address', () => {
    assert.equal(streamFormat('https://x.example/a/live.M3U8?token=1'), 'hls');
    assert.equal(streamFormat('https://x.example/stream.aac'), 'aac');
    assert.equal(streamFormat('https://x.example/stream'), 'mp3');
  });
});

describe('programs and the schedule', () => {
  let channelId: number;
  let morning: number;
  let news: number;

  before(async () => {
    channelId = await saveChannel(w, { edition: 'id', name: 'Warta Nusantara', streams: [{ url: STREAM }] });
    const host = await makeAuthor(t.db, { slug: 'sari-host' });
    morning = await saveProgram(w, {
      channelId,
      title: 'Pagi Nusantara',
      hostIds: [host.id],
      slots: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '06:00', minutes: 180 }],
    });
    news = await saveProgram(w, {
      channelId,
      title: 'Warta Siang',
      slots: [{ days: [5, 1, 1, 2, 3, 4], start: '12:00', minutes: 30 }],
    });
  });

  it('stores hosts and slots, the days once each and in order', async () => {
    const slot = await t.db
      .selectFrom('program_slots')
      .selectAll()
      .where('program_id', '=', news)
      .executeTakeFirstOrThrow();
    assert.equal(slot.days, '1,2,3,4,5');
    const hosts = await t.db.selectFrom('program_hosts').selectAll().where('program_id', '=', morning).execute();
    assert.equal(hosts.length, 1);
    const program = await t.db.selectFrom('programs').selectAll().where('id', '=', morning).executeTakeFirstOrThrow();
    assert.deepEqual([program.edition, program.slug], ['id', 'pagi-nusantara']);
  });

  it('refuses bad slots, unknown hosts and channels, a taken slug', async () => {
    const problems = await problemsOf(() =>
      saveProgram(w, {
        channelId,
        title: 'Bad',
        slots: [
          { days: [], start: '06:00', minutes: 60 },
          { days: [8], start: '06:00', minutes: 60 },
          { days: [1], start: '24:00', minutes: 60 },
          { days: [1], start: '06:00', minutes: 0 },
          { days: [1], start: '06:00', minutes: 1441 },
        ],
      }),
    );
    assert.equal(problems.length, 5, problems.join('; '));
    assert.deepEqual(await problemsOf(() => saveProgram(w, { channelId, title: 'Hosted', hostIds: [999999] })), [
      'hostIds: there is no person number 999999',
    ]);
    assert.deepEqual(await problemsOf(() => saveProgram(w, { channelId: 999999, title: 'Lost' })), [
      'channelId: there is no channel number 999999',
    ]);
    assert.deepEqual(await problemsOf(() => saveProgram(w, { channelId, title: 'Pagi Nusantara' })), [
      'slug: "pagi-nusantara" is taken by another program',
    ]);
  });

  it('gives the airings of the stored schedule, with a special and a cancellation', async () => {
    // Wednesday 2 December 2026, Jakarta time.
    const special = await addScheduleChange(w, {
      channelId,
      kind: 'special',
      programId: morning,
      startsAt: new Date('2026-12-02T11:30:00+07:00'),
      endsAt: new Date('2026-12-02T12:15:00+07:00'),
      note: 'Election special',
    });
    const from = new Date('2026-12-02T00:00:00+07:00');
    const to = new Date('2026-12-03T00:00:00+07:00');
    const schedule = (await scheduleOfChannel(t.db, channelId, from, to))!;
    assert.deepEqual(
      airingsBetween(schedule, from, to).map((a) => [a.programId, a.start.toISOString(), a.end.toISOString()]),
      [
        [morning, '2026-12-01T23:00:00.000Z', '2026-12-02T02:00:00.000Z'],
        [morning, '2026-12-02T04:30:00.000Z', '2026-12-02T05:15:00.000Z'],
        [news, '2026-12-02T05:15:00.000Z', '2026-12-02T05:30:00.000Z'],
      ],
    );
    assert.equal(onAirAt(schedule, new Date('2026-12-02T12:10:00+07:00'))?.isSpecial, true);

    await removeScheduleChange(w, special);
    await addScheduleChange(w, {
      channelId,
      kind: 'cancelled',
      programId: news,
      startsAt: from,
      endsAt: to,
    });
    const cancelled = (await scheduleOfChannel(t.db, channelId, from, to))!;
    assert.equal(onAirAt(cancelled, new Date('2026-12-02T12:10:00+07:00')), undefined);
    assert.equal(onAirAt(cancelled, new Date('2026-12-03T12:10:00+07:00'))?.programId, news, 'the next day as usual');
    assert.equal(await scheduleOfChannel(t.db, 999999, from, to), undefined);
  });

  it('refuses a change that ends before it starts, a special without a program, another channel’s program', async () => {
    const other = await saveChannel(w, { edition: 'id', name: 'Kanal Dua', streams: [{ url: STREAM }] });
    const at = new Date('2026-12-05T10:00:00Z');
    assert.deepEqual(
      await problemsOf(() => addScheduleChange(w, { channelId, kind: 'cancelled', startsAt: at, endsAt: at })),
      ['input: endsAt: must be after startsAt'],
    );
    const later = new Date(at.getTime() + 3600_000);
    assert.deepEqual(
      await problemsOf(() => addScheduleChange(w, { channelId, kind: 'special', startsAt: at, endsAt: later })),
      ['input: programId: a special names its program'],
    );
    assert.deepEqual(
      await problemsOf(() =>
        addScheduleChange(w, { channelId: other, kind: 'special', programId: morning, startsAt: at, endsAt: later }),
      ),
      [`programId: program ${morning} is not on this channel`],
    );
  });
});

describe('artwork, order, podcast fields and deleting (the newsroom’s additions)', () => {
  it('stores a channel’s artwork and position, and keeps them when a save does not name them', async () => {
    const image = await makeImage(t.db, t.config.dataDir, 64, 64);
    const id = await saveChannel(w, {
      edition: 'en',
      name: 'With art',
      streams: [{ url: STREAM }],
      artworkMediaId: image.id,
      position: 3,
    });
    await saveChannel(w, { edition: 'en', name: 'With art', streams: [{ url: STREAM }] }, id);
    const row = await t.db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.artwork_media_id, row.position], [image.id, 3]);
    assert.deepEqual(
      await problemsOf(() =>
        saveChannel(w, { edition: 'en', name: 'Art?', streams: [{ url: STREAM }], artworkMediaId: 999999 }),
      ),
      ['artworkMediaId: there is no image number 999999'],
    );
  });

  it('stores a program’s podcast fields, keeps them when not named, and refuses a category Apple lacks', async () => {
    const channelId = await saveChannel(w, { edition: 'en', name: 'Podcast channel', streams: [{ url: STREAM }] });
    const id = await saveProgram(w, {
      channelId,
      title: 'The Week in Review',
      podcastCategory: 'News Commentary',
      podcastAuthor: 'Warta Radio',
      isExplicit: true,
    });
    await saveProgram(w, { channelId, title: 'The Week in Review' }, id);
    const row = await t.db.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.podcast_category, row.podcast_author, Boolean(row.is_explicit)],
      ['News Commentary', 'Warta Radio', true],
    );
    assert.deepEqual(await problemsOf(() => saveProgram(w, { channelId, title: 'Cats', podcastCategory: 'Cats' })), [
      'podcastCategory: is not one of Apple Podcasts’ categories',
    ]);
  });

  it('deletes a channel without programs, and refuses one with programs', async () => {
    const empty = await saveChannel(w, { edition: 'en', name: 'Empty channel', streams: [{ url: STREAM }] });
    const before = await eventCount('channel.changed');
    await deleteChannel(w, empty);
    assert.equal(await t.db.selectFrom('channels').select('id').where('id', '=', empty).executeTakeFirst(), undefined);
    assert.equal(await eventCount('channel.changed'), before + 1);
    const busy = await saveChannel(w, { edition: 'en', name: 'Busy channel', streams: [{ url: STREAM }] });
    await saveProgram(w, { channelId: busy, title: 'Busy show' });
    await assert.rejects(deleteChannel(w, busy), ChannelInUseError);
    assert.ok(await t.db.selectFrom('channels').select('id').where('id', '=', busy).executeTakeFirst());
  });

  it('takes a special without a program when its note gives the title', async () => {
    const channelId = await saveChannel(w, { edition: 'en', name: 'Specials', streams: [{ url: STREAM }] });
    const at = new Date('2026-12-05T10:00:00Z');
    const id = await addScheduleChange(w, {
      channelId,
      kind: 'special',
      startsAt: at,
      endsAt: new Date(at.getTime() + 3600_000),
      note: 'Election night',
    });
    const row = await t.db.selectFrom('schedule_changes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.program_id, row.note], [null, 'Election night']);
  });
});
