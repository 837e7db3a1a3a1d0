// The radio's newsroom pages over HTTP, on both engines: each form's happy path, every refusal
// (roles, another edition, no form token), validation with every problem beside its field and
// nothing saved, the row buttons that rearrange without saving, NUL bytes and broken UTF-8 in
// every field and parameter, the audit log's entries, and the saved schedule on the overview.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeAuthor } from '../../../test/helpers/factories.ts';
import { postForm, signedIn, type SignedIn } from '../../../test/helpers/newsroom.ts';
import { saveChannel, saveProgram } from '../commands.ts';

let t: TestApp;
let admin: SignedIn;
let editorEn: SignedIn;
let editorId: SignedIn;
let author: SignedIn;
let contributor: SignedIn;
let officer: SignedIn;
let hostId: number;

const FORM = 'application/x-www-form-urlencoded';
const STREAM = 'https://radio.example/live/english.mp3';

before(async () => {
  t = await createTestApp();
  // Wednesday 2 December 2026, 08:00 in Jakarta.
  t.setNow(new Date('2026-12-02T01:00:00Z'));
  [admin, editorEn, editorId, author, contributor, officer] = await Promise.all([
    signedIn(t, 'admin'),
    signedIn(t, 'editor', ['en']),
    signedIn(t, 'editor', ['id']),
    signedIn(t, 'author', ['en']),
    signedIn(t, 'contributor', ['en']),
    signedIn(t, 'integrity_officer'),
  ]);
  hostId = (await makeAuthor(t.db, { name: 'Sari Host', slug: 'sari-host' })).id;
});
after(() => t.close());

function get(who: SignedIn, url: string) {
  return t.app.inject({ method: 'GET', url, headers: who.headers });
}

/** A post with a body as written (for bytes URLSearchParams would not make). */
function postRaw(who: SignedIn, url: string, body: string) {
  return t.app.inject({ method: 'POST', url, headers: { ...who.headers, 'content-type': FORM }, payload: body });
}

const channelCount = async () => (await t.db.selectFrom('channels').select('id').execute()).length;
const programCount = async () => (await t.db.selectFrom('programs').select('id').execute()).length;
const changeCount = async () => (await t.db.selectFrom('schedule_changes').select('id').execute()).length;

function channelFields(extra: Record<string, string> = {}): Record<string, string> {
  return {
    edition: 'en',
    name: 'Warta English',
    slug: '',
    description: 'The English service.',
    timeZone: 'Asia/Jakarta',
    featuredMediaId: '',
    streamCount: '2',
    'stream-0': 'https://radio.example/hls/english.m3u8',
    'stream-1': STREAM,
    statusSource: 'icecast',
    statusUrl: '',
    position: '1',
    isActive: 'on',
    action: 'save',
    ...extra,
  };
}

function programFields(channelId: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    channelId: String(channelId),
    title: 'Morning Jakarta',
    slug: '',
    description: 'News and music to start the day.',
    featuredMediaId: '',
    hostCount: '2',
    'host-0': String(hostId),
    'host-1': '',
    slotCount: '2',
    'slot-0-start': '06:00',
    'slot-0-minutes': '180',
    'slot-1-start': '',
    'slot-1-minutes': '',
    podcastCategory: 'Daily News',
    podcastAuthor: 'Warta Radio',
    isActive: 'on',
    action: 'save',
    ...extra,
  };
}

/** A form body with repeated day checkboxes (URLSearchParams from pairs). */
function body(who: SignedIn, fields: Record<string, string>, days: Record<number, number[]> = {}): string {
  const pairs: [string, string][] = [['_csrf', who.csrfToken], ...Object.entries(fields)];
  for (const [row, list] of Object.entries(days)) for (const d of list) pairs.push([`slot-${row}-day`, String(d)]);
  return new URLSearchParams(pairs).toString();
}

describe('who may use the radio pages', () => {
  it('lets editors of the edition and admins in, and refuses authors, contributors and integrity officers', async () => {
    for (const who of [admin, editorEn, editorId]) assert.equal((await get(who, '/newsroom/radio')).statusCode, 200);
    for (const who of [author, contributor, officer]) {
      for (const url of [
        '/newsroom/radio',
        '/newsroom/radio/channels',
        '/newsroom/radio/channels/new',
        '/newsroom/radio/programs',
        '/newsroom/radio/programs/new',
      ])
        assert.equal((await get(who, url)).statusCode, 403, `${who.user.role} ${url}`);
      const before = await channelCount();
      const res = await postForm(t, who, '/newsroom/radio/channels/new', channelFields());
      assert.equal(res.statusCode, 403);
      assert.equal(await channelCount(), before);
    }
  });

  it('refuses a post without the form token', async () => {
    const before = await channelCount();
    const res = await t.app.inject({
      method: 'POST',
      url: '/newsroom/radio/channels/new',
      headers: { ...editorEn.headers, 'content-type': FORM },
      payload: new URLSearchParams(channelFields()).toString(),
    });
    assert.equal(res.statusCode, 403);
    assert.equal(await channelCount(), before);
  });
});

describe('channels', () => {
  let channelId: number;

  it('adds a channel: streams in order with their formats, the audit log names it', async () => {
    const res = await postForm(t, editorEn, '/newsroom/radio/channels/new', channelFields());
    assert.equal(res.statusCode, 303, res.body);
    const match = /^\/newsroom\/radio\/channels\/(\d+)\?done=created$/.exec(res.headers.location as string);
    assert.ok(match, String(res.headers.location));
    channelId = Number(match[1]);
    const page = await get(editorEn, res.headers.location as string);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The channel has been added/);
    assert.match(page.body, /Format: HLS/);
    assert.match(page.body, /Format: MP3/);
    const streams = await t.db
      .selectFrom('channel_streams')
      .select(['url', 'format'])
      .where('channel_id', '=', channelId)
      .orderBy('position')
      .execute();
    assert.deepEqual(
      streams.map((s) => s.format),
      ['hls', 'mp3'],
    );
    await t.app.ctx.events.deliver();
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'channel.changed').execute();
    assert.ok(audit.some((a) => a.subject_type === 'channel' && a.subject_id === channelId && a.edition === 'en'));
    const log = await get(admin, '/newsroom/audit?action=channel.changed');
    assert.match(log.body, /Added, changed or deleted a radio channel/);
  });

  it('edits a channel; another edition’s editor may neither see nor change it', async () => {
    assert.equal((await get(editorId, `/newsroom/radio/channels/${channelId}`)).statusCode, 403);
    const refused = await postForm(
      t,
      editorId,
      `/newsroom/radio/channels/${channelId}`,
      channelFields({ name: 'Taken' }),
    );
    assert.equal(refused.statusCode, 403);
    assert.equal(
      (await postForm(t, editorId, '/newsroom/radio/channels/new', channelFields({ name: 'Elsewhere' }))).statusCode,
      403,
    );
    const res = await postForm(
      t,
      editorEn,
      `/newsroom/radio/channels/${channelId}`,
      channelFields({ name: 'Warta English Service', edition: 'id' }),
    );
    assert.equal(res.statusCode, 303);
    const row = await t.db.selectFrom('channels').selectAll().where('id', '=', channelId).executeTakeFirstOrThrow();
    assert.deepEqual([row.name, row.edition, row.position], ['Warta English Service', 'en', 1]);
  });

  it('lists every problem beside its field, keeps what was typed and saves nothing', async () => {
    const before = await channelCount();
    const res = await postForm(
      t,
      editorEn,
      '/newsroom/radio/channels/new',
      channelFields({
        name: '',
        timeZone: 'Mars/Olympus',
        'stream-0': 'javascript:alert(1)',
        'stream-1': 'ftp://radio.example/x.mp3',
        statusSource: 'azuracast',
        position: '-3',
        description: 'Kept text',
      }),
    );
    assert.equal(res.statusCode, 400);
    for (const id of ['name', 'timeZone', 'stream-0', 'stream-1', 'statusUrl', 'position'])
      assert.match(res.body, new RegExp(`id="${id}-problem"`), id);
    assert.match(res.body, /aria-invalid="true"/);
    assert.match(res.body, /Kept text/);
    assert.match(res.body, /javascript:alert\(1\)/);
    assert.match(res.body, /<option value="Mars\/Olympus" selected>/);
    assert.equal(await channelCount(), before);
  });

  it('refuses a channel without streams, and a taken slug', async () => {
    const before = await channelCount();
    const empty = await postForm(
      t,
      editorEn,
      '/newsroom/radio/channels/new',
      channelFields({ name: 'Silent', 'stream-0': '', 'stream-1': ' ' }),
    );
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /id="stream-0-problem"[^>]*>Enter at least one stream address/);
    const taken = await postForm(
      t,
      editorEn,
      '/newsroom/radio/channels/new',
      channelFields({ name: 'Another', slug: 'warta-english-service' }),
    );
    assert.equal(taken.statusCode, 400);
    assert.match(taken.body, /id="slug-problem"[^>]*>[^<]*warta-english-service[^<]* is taken by another channel/);
    assert.equal(await channelCount(), before);
  });

  it('moves, adds and removes stream rows without saving', async () => {
    const url = `/newsroom/radio/channels/${channelId}`;
    const moved = await postForm(t, editorEn, url, channelFields({ action: 'down-0' }));
    assert.equal(moved.statusCode, 200);
    assert.ok(moved.body.indexOf(STREAM) < moved.body.indexOf('english.m3u8'), 'the MP3 stream is first now');
    assert.match(moved.body, /nothing is saved yet/);
    const added = await postForm(t, editorEn, url, channelFields({ action: 'add-stream' }));
    assert.match(added.body, /name="streamCount" value="3"/);
    const removed = await postForm(t, editorEn, url, channelFields({ action: 'remove-0' }));
    assert.doesNotMatch(removed.body, /english\.m3u8/);
    const stored = await t.db
      .selectFrom('channel_streams')
      .select('format')
      .where('channel_id', '=', channelId)
      .orderBy('position')
      .execute();
    assert.deepEqual(
      stored.map((s) => s.format),
      ['hls', 'mp3'],
      'nothing saved',
    );
  });

  it('deletes only a channel without programs', async () => {
    const spare = await saveChannel(t.app.ctx.writer, { edition: 'en', name: 'Spare', streams: [{ url: STREAM }] });
    const del = await postForm(t, editorEn, `/newsroom/radio/channels/${spare}/delete`);
    assert.equal(del.statusCode, 303);
    assert.equal(await t.db.selectFrom('channels').select('id').where('id', '=', spare).executeTakeFirst(), undefined);
    await saveProgram(t.app.ctx.writer, { channelId, title: 'Keeps the channel' });
    const refused = await postForm(t, editorEn, `/newsroom/radio/channels/${channelId}/delete`);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /Deactivate it instead/);
    assert.ok(await t.db.selectFrom('channels').select('id').where('id', '=', channelId).executeTakeFirst());
    assert.equal((await postForm(t, editorId, `/newsroom/radio/channels/${channelId}/delete`)).statusCode, 403);
    assert.equal((await postForm(t, editorEn, '/newsroom/radio/channels/999999/delete')).statusCode, 404);
  });
});

describe('programs', () => {
  let channelId: number;
  let programId: number;

  before(async () => {
    channelId = await saveChannel(t.app.ctx.writer, {
      edition: 'en',
      name: 'Warta Two',
      streams: [{ url: STREAM }],
    });
  });

  it('adds a program with hosts, slots and podcast fields', async () => {
    const res = await postRaw(
      editorEn,
      '/newsroom/radio/programs/new?edition=en',
      body(editorEn, programFields(channelId, { isExplicit: 'on' }), { 0: [1, 2, 3, 4, 5] }),
    );
    assert.equal(res.statusCode, 303, res.body);
    programId = Number(/programs\/(\d+)\?done=created/.exec(res.headers.location as string)![1]);
    const program = await t.db.selectFrom('programs').selectAll().where('id', '=', programId).executeTakeFirstOrThrow();
    assert.deepEqual(
      [program.slug, program.podcast_category, program.podcast_author, Boolean(program.is_explicit)],
      ['morning-jakarta', 'Daily News', 'Warta Radio', true],
    );
    const slots = await t.db.selectFrom('program_slots').selectAll().where('program_id', '=', programId).execute();
    assert.deepEqual(
      slots.map((s) => [s.days, s.start_time, s.minutes]),
      [['1,2,3,4,5', '06:00', 180]],
    );
    const hosts = await t.db.selectFrom('program_hosts').selectAll().where('program_id', '=', programId).execute();
    assert.deepEqual(
      hosts.map((h) => h.user_id),
      [hostId],
    );
    const page = await get(editorEn, res.headers.location as string);
    assert.match(page.body, /The program has been added/);
    assert.match(page.body, /Ends at 09:00/);
  });

  it('refuses bad slot times and days per row, a taken slug, and saves nothing', async () => {
    const before = await programCount();
    const res = await postRaw(
      editorEn,
      '/newsroom/radio/programs/new?edition=en',
      body(
        editorEn,
        programFields(channelId, {
          title: 'Bad slots',
          slotCount: '3',
          'slot-0-start': '24:00',
          'slot-0-minutes': '60',
          'slot-1-start': '07:00',
          'slot-1-minutes': '0',
          'slot-2-start': '08:00',
          'slot-2-minutes': '30',
        }),
        { 0: [1], 1: [2], 2: [] },
      ),
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /id="slot-0-start-problem"/);
    assert.match(res.body, /id="slot-1-minutes-problem"/);
    assert.match(res.body, /id="slot-2-days-problem"/);
    assert.match(res.body, /value="24:00"/);
    const taken = await postRaw(
      editorEn,
      '/newsroom/radio/programs/new?edition=en',
      body(editorEn, programFields(channelId, { title: 'Other', slug: 'morning-jakarta' }), { 0: [1] }),
    );
    assert.equal(taken.statusCode, 400);
    assert.match(taken.body, /id="slug-problem"/);
    const badHost = await postRaw(
      editorEn,
      '/newsroom/radio/programs/new?edition=en',
      body(editorEn, programFields(channelId, { title: 'Hosted', 'host-0': '999999' }), { 0: [1] }),
    );
    assert.equal(badHost.statusCode, 400);
    assert.match(badHost.body, /id="host-0-problem"/);
    const badCategory = await postRaw(
      editorEn,
      '/newsroom/radio/programs/new?edition=en',
      body(editorEn, programFields(channelId, { title: 'Cat', podcastCategory: 'Cats' }), { 0: [1] }),
    );
    assert.equal(badCategory.statusCode, 400);
    assert.equal(await programCount(), before);
  });

  it('warns about overlapping slots of the channel, and still saves', async () => {
    const res = await postRaw(
      editorEn,
      '/newsroom/radio/programs/new?edition=en',
      body(
        editorEn,
        programFields(channelId, { title: 'Breakfast News', 'slot-0-start': '08:00', 'slot-0-minutes': '30' }),
        {
          0: [3],
        },
      ),
    );
    assert.equal(res.statusCode, 303);
    const page = await get(editorEn, res.headers.location as string);
    assert.match(page.body, /Overlaps Morning Jakarta \(Mon–Fri 06:00–09:00\)/);
  });

  it('adds and removes slot rows and host rows without saving', async () => {
    const url = `/newsroom/radio/programs/${programId}`;
    const added = await postRaw(
      editorEn,
      url,
      body(editorEn, programFields(channelId, { action: 'add-slot' }), { 0: [1] }),
    );
    assert.equal(added.statusCode, 200);
    assert.match(added.body, /name="slotCount" value="3"/);
    const removed = await postRaw(
      editorEn,
      url,
      body(editorEn, programFields(channelId, { action: 'remove-slot-0' }), { 0: [1] }),
    );
    assert.match(removed.body, /name="slotCount" value="1"/);
    assert.doesNotMatch(removed.body, /value="06:00"/);
    const hosts = await postRaw(editorEn, url, body(editorEn, programFields(channelId, { action: 'add-host' })));
    assert.match(hosts.body, /name="hostCount" value="3"/);
    const stored = await t.db.selectFrom('program_slots').select('days').where('program_id', '=', programId).execute();
    assert.deepEqual(
      stored.map((s) => s.days),
      ['1,2,3,4,5'],
    );
  });

  it('refuses another edition’s editor and unknown programs', async () => {
    assert.equal((await get(editorId, `/newsroom/radio/programs/${programId}`)).statusCode, 403);
    const res = await postRaw(
      editorId,
      `/newsroom/radio/programs/${programId}`,
      body(editorId, programFields(channelId)),
    );
    assert.equal(res.statusCode, 403);
    const other = await postRaw(
      editorId,
      '/newsroom/radio/programs/new?edition=en',
      body(editorId, programFields(channelId)),
    );
    assert.equal(other.statusCode, 403);
    assert.equal((await get(editorEn, '/newsroom/radio/programs/999999')).statusCode, 404);
    assert.equal((await get(editorEn, '/newsroom/radio/programs/abc')).statusCode, 404);
    assert.equal((await get(editorEn, '/newsroom/radio/programs?edition=en&channel=999999')).statusCode, 404);
    assert.equal((await get(editorEn, '/newsroom/radio/programs?edition=id')).statusCode, 403);
  });

  it('lists programs by channel, and shows the saved schedule on the overview', async () => {
    const list = await get(editorEn, `/newsroom/radio/programs?edition=en&channel=${channelId}`);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Morning Jakarta/);
    const overview = await get(editorEn, '/newsroom/radio');
    assert.match(overview.body, /The week ahead on Warta Two/);
    // Wednesday 2 December: the morning show from 06:00 to 09:00, Jakarta time.
    assert.match(
      overview.body,
      /<time datetime="2026-12-01T23:00:00.000Z">06:00<\/time>–<time datetime="2026-12-02T02:00:00.000Z">09:00<\/time><\/span> <span>Morning Jakarta<\/span>/,
    );
    assert.match(overview.body, /href="\/newsroom\/radio\/picks\?edition=en"/);
  });
});

describe('schedule changes', () => {
  let channelId: number;
  let programId: number;

  before(async () => {
    channelId = await saveChannel(t.app.ctx.writer, {
      edition: 'id',
      name: 'Warta Nusantara',
      streams: [{ url: STREAM }],
    });
    programId = await saveProgram(t.app.ctx.writer, {
      channelId,
      title: 'Pagi Nusantara',
      slots: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '06:00', minutes: 180 }],
    });
  });

  const url = () => `/newsroom/radio/channels/${channelId}/schedule`;

  it('adds a special without a program (the note is its title) and shows its effect', async () => {
    const res = await postForm(t, editorId, url(), {
      kind: 'special',
      programId: '',
      note: 'Election night',
      startsAt: '2026-12-03T07:00',
      endsAt: '2026-12-03T08:00',
    });
    assert.equal(res.statusCode, 303, res.body);
    const page = await get(editorId, url());
    assert.match(page.body, /Special: Election night/);
    // Thursday's morning show is cut around the special.
    assert.match(page.body, /06:00<\/time>–<time[^>]*>07:00<\/time><\/span> <span>Pagi Nusantara/);
    assert.match(page.body, /07:00<\/time>–<time[^>]*>08:00<\/time><\/span> <span>Election night/);
    assert.match(page.body, /08:00<\/time>–<time[^>]*>09:00<\/time><\/span> <span>Pagi Nusantara/);
    await t.app.ctx.events.deliver();
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'schedule.changed').execute();
    assert.ok(audit.some((a) => a.subject_type === 'channel' && a.subject_id === channelId));
  });

  it('adds a cancellation of a program and removes it again', async () => {
    const res = await postForm(t, editorId, url(), {
      kind: 'cancelled',
      programId: String(programId),
      note: '',
      startsAt: '2026-12-04T00:00',
      endsAt: '2026-12-05T00:00',
    });
    assert.equal(res.statusCode, 303);
    const change = await t.db
      .selectFrom('schedule_changes')
      .select('id')
      .where('kind', '=', 'cancelled')
      .executeTakeFirstOrThrow();
    const page = await get(editorId, url());
    assert.match(page.body, /Cancelled: Pagi Nusantara/);
    assert.equal((await postForm(t, editorEn, `/newsroom/radio/changes/${change.id}/delete`)).statusCode, 403);
    const removed = await postForm(t, editorId, `/newsroom/radio/changes/${change.id}/delete`);
    assert.equal(removed.statusCode, 303);
    assert.equal(
      await t.db.selectFrom('schedule_changes').select('id').where('id', '=', change.id).executeTakeFirst(),
      undefined,
    );
    assert.equal((await postForm(t, editorId, '/newsroom/radio/changes/999999/delete')).statusCode, 404);
  });

  it('refuses bad times, a special with neither program nor title, and another channel’s program', async () => {
    const before = await changeCount();
    const bad = await postForm(t, editorId, url(), {
      kind: 'special',
      programId: '',
      note: '',
      startsAt: '2026-12-03T25:00',
      endsAt: 'tomorrow',
    });
    assert.equal(bad.statusCode, 400);
    for (const id of ['note', 'startsAt', 'endsAt']) assert.match(bad.body, new RegExp(`id="${id}-problem"`), id);
    const backwards = await postForm(t, editorId, url(), {
      kind: 'cancelled',
      programId: '',
      note: '',
      startsAt: '2026-12-03T10:00',
      endsAt: '2026-12-03T09:00',
    });
    assert.equal(backwards.statusCode, 400);
    assert.match(backwards.body, /id="endsAt-problem"[^>]*>The end must come after the start/);
    const foreign = await postForm(t, editorId, url(), {
      kind: 'special',
      programId: '999999',
      note: '',
      startsAt: '2026-12-03T10:00',
      endsAt: '2026-12-03T11:00',
    });
    assert.equal(foreign.statusCode, 400);
    assert.equal(await changeCount(), before);
  });

  it('refuses other roles and editions, and a post without the token', async () => {
    const fields = {
      kind: 'cancelled',
      programId: '',
      note: '',
      startsAt: '2026-12-06T10:00',
      endsAt: '2026-12-06T11:00',
    };
    const before = await changeCount();
    for (const who of [editorEn, author, contributor, officer])
      assert.equal((await postForm(t, who, url(), fields)).statusCode, 403, who.user.role);
    const noToken = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: { ...editorId.headers, 'content-type': FORM },
      payload: new URLSearchParams(fields).toString(),
    });
    assert.equal(noToken.statusCode, 403);
    assert.equal(await changeCount(), before);
    assert.equal((await get(editorEn, url())).statusCode, 403);
  });
});

describe('every form and page refuses who may not use it', () => {
  it('answers 403 to other roles, another edition’s editor and a post without the token, changing nothing', async () => {
    const w = t.app.ctx.writer;
    const channelId = await saveChannel(w, { edition: 'en', name: 'Guarded', streams: [{ url: STREAM }] });
    const programId = await saveProgram(w, { channelId, title: 'Guarded show' });
    const emptyChannel = await saveChannel(w, { edition: 'en', name: 'Guarded empty', streams: [{ url: STREAM }] });
    const changeId = (
      await t.db
        .insertInto('schedule_changes')
        .values({
          channel_id: channelId,
          kind: 'cancelled',
          program_id: null,
          starts_at: '2026-12-10T00:00:00.000Z',
          ends_at: '2026-12-10T01:00:00.000Z',
          note: '',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const posts: [string, Record<string, string>][] = [
      ['/newsroom/radio/channels/new', channelFields({ name: 'Intruder' })],
      [`/newsroom/radio/channels/${channelId}`, channelFields({ name: 'Intruder' })],
      [`/newsroom/radio/channels/${emptyChannel}/delete`, {}],
      ['/newsroom/radio/programs/new?edition=en', programFields(channelId, { title: 'Intruder show' })],
      [`/newsroom/radio/programs/${programId}`, programFields(channelId, { title: 'Intruder show' })],
      [
        `/newsroom/radio/channels/${channelId}/schedule`,
        { kind: 'cancelled', programId: '', note: '', startsAt: '2026-12-11T10:00', endsAt: '2026-12-11T11:00' },
      ],
      [`/newsroom/radio/changes/${changeId}/delete`, {}],
    ];
    const gets = [
      `/newsroom/radio/channels/${channelId}`,
      `/newsroom/radio/channels/${channelId}/schedule`,
      `/newsroom/radio/programs/${programId}`,
      '/newsroom/radio/channels?edition=en',
      '/newsroom/radio/channels/new?edition=en',
      '/newsroom/radio/programs?edition=en',
      '/newsroom/radio/programs/new?edition=en',
    ];
    const snapshot = async () =>
      JSON.stringify([
        await t.db.selectFrom('channels').selectAll().orderBy('id').execute(),
        await t.db.selectFrom('programs').selectAll().orderBy('id').execute(),
        await t.db.selectFrom('schedule_changes').selectAll().orderBy('id').execute(),
      ]);
    const before = await snapshot();
    for (const who of [author, contributor, officer, editorId]) {
      for (const [url, fields] of posts)
        assert.equal((await postForm(t, who, url, fields)).statusCode, 403, `${who.user.role} POST ${url}`);
      for (const url of gets) assert.equal((await get(who, url)).statusCode, 403, `${who.user.role} GET ${url}`);
    }
    for (const [url, fields] of posts) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { ...editorEn.headers, 'content-type': FORM },
        payload: new URLSearchParams(fields).toString(),
      });
      assert.equal(res.statusCode, 403, `no token: POST ${url}`);
    }
    assert.equal(await snapshot(), before);
    for (const url of gets) assert.equal((await get(editorEn, url)).statusCode, 200, `editor GET ${url}`);
  });
});

describe('hostile text', () => {
  const BAD = ['%00', 'a%00b', '%C3%28', '%FF', '%ED%A0%80'];

  it('answers 4xx for NUL or broken UTF-8 in every field of every form, and saves nothing', async () => {
    const channelId = await saveChannel(t.app.ctx.writer, {
      edition: 'en',
      name: 'Hostile',
      streams: [{ url: STREAM }],
    });
    const forms: [string, Record<string, string>][] = [
      ['/newsroom/radio/channels/new', channelFields({ name: 'Fresh' })],
      [`/newsroom/radio/channels/${channelId}`, channelFields({ name: 'Hostile' })],
      ['/newsroom/radio/programs/new?edition=en', programFields(channelId, { title: 'Fresh show' })],
      [
        `/newsroom/radio/channels/${channelId}/schedule`,
        { kind: 'special', programId: '', note: 'x', startsAt: '2026-12-03T10:00', endsAt: '2026-12-03T11:00' },
      ],
    ];
    const counts = async () => [await channelCount(), await programCount(), await changeCount()];
    const before = await counts();
    for (const [url, fields] of forms) {
      for (const name of [...Object.keys(fields), 'slot-0-day']) {
        for (const bad of BAD) {
          const rest = new URLSearchParams({ _csrf: editorEn.csrfToken, ...fields });
          rest.delete(name);
          const res = await postRaw(editorEn, url, `${rest}&${name}=${bad}`);
          assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url} ${name}=${bad}: ${res.statusCode}`);
        }
      }
    }
    assert.deepEqual(await counts(), before);
  });

  it('answers 4xx for NUL or broken UTF-8 in every path and query parameter', async () => {
    for (const bad of BAD) {
      for (const url of [
        `/newsroom/radio/channels/${bad}`,
        `/newsroom/radio/channels/${bad}/schedule`,
        `/newsroom/radio/programs/${bad}`,
        `/newsroom/radio/channels?edition=${bad}`,
        `/newsroom/radio/channels/new?edition=${bad}`,
        `/newsroom/radio/programs?edition=en&channel=${bad}`,
        `/newsroom/radio/programs/new?edition=${bad}`,
        `/newsroom/radio/programs/new?edition=en&channel=${bad}`,
        `/newsroom/radio?${bad}=1`,
      ]) {
        const res = await get(editorEn, url);
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: ${res.statusCode}`);
      }
      for (const url of [
        `/newsroom/radio/channels/${bad}/delete`,
        `/newsroom/radio/changes/${bad}/delete`,
        `/newsroom/radio/programs/new?edition=${bad}`,
      ]) {
        const res = await postForm(t, editorEn, url);
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `POST ${url}: ${res.statusCode}`);
      }
    }
  });
});
