// Picks through their commands and through the newsroom page, on both engines: every problem of
// bad input listed with nothing saved, references checked, one 'pick.changed' per change; the page
// for editors of the edition (and admins), 403 for other roles and other editions, CSRF checked.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeCategory } from '../../../test/helpers/factories.ts';
import { postForm, signedIn, type SignedIn } from '../../../test/helpers/newsroom.ts';
import { toDbTime } from '../../core/db/dialect.ts';
import type { WriteContext } from '../../core/events/index.ts';
import { InputError } from '../../core/validation.ts';
import { toLocalInput } from '../../newsroom/index.ts';
import { saveChannel, saveProgram } from '../commands.ts';
import { addPick, chooseHighlightSection, highlightSectionId, removePick } from './picks.ts';

const NOW = new Date('2026-12-01T04:00:00Z');
const DAY = 86_400_000;

let t: TestApp;
let w: WriteContext;
let programId: number;
let otherProgramId: number;
let episodeId: number;

async function problemsOf(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputError) return [...error.problems];
    throw error;
  }
  assert.fail('expected an InputError');
}

const count = async (table: 'broadcast_picks' | 'outbox_events') =>
  (await t.db.selectFrom(table).select('id').execute()).length;

before(async () => {
  t = await createTestApp();
  t.setNow(NOW);
  w = { ...t.app.ctx.writer, now: () => NOW };
  const en = await saveChannel(w, { edition: 'en', name: 'English', streams: [{ url: 'https://r.example/en.mp3' }] });
  const id = await saveChannel(w, {
    edition: 'id',
    name: 'Programa 1',
    streams: [{ url: 'https://r.example/id.mp3' }],
  });
  programId = await saveProgram(w, { channelId: en, title: 'Morning Show', slug: 'morning-show' });
  otherProgramId = await saveProgram(w, { channelId: id, title: 'Pagi', slug: 'morning-show' });
  episodeId = (
    await t.db
      .insertInto('episodes')
      .values({
        program_id: otherProgramId,
        edition: 'id',
        slug: 'satu',
        title: 'Satu',
        status: 'published',
        published_at: toDbTime(NOW),
        audio_url: 'https://cdn.example/a.mp3',
        audio_type: 'audio/mpeg',
        guid: 'guid-satu',
        created_at: toDbTime(NOW),
        updated_at: toDbTime(NOW),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});
after(() => t.close());

describe('pick commands', () => {
  it('adds a pick and records pick.changed; removes it', async () => {
    const events = await count('outbox_events');
    const id = await addPick(w, {
      edition: 'en',
      programId,
      note: '  Listen this week  ',
      startsAt: NOW,
      endsAt: new Date(NOW.getTime() + 7 * DAY),
    });
    const row = await t.db.selectFrom('broadcast_picks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.note, 'Listen this week');
    assert.equal(row.episode_id, null);
    const event = await t.db
      .selectFrom('outbox_events')
      .select(['type', 'payload'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual([event.type, JSON.parse(event.payload)], ['pick.changed', { edition: 'en' }]);
    assert.equal(await count('outbox_events'), events + 1);
    assert.equal(await removePick(w, id), true);
    assert.equal(await removePick(w, id), false, 'a pick already gone');
    assert.equal(await count('broadcast_picks'), 0);
  });

  it('lists every problem of a bad pick and saves nothing', async () => {
    const events = await count('outbox_events');
    const problems = await problemsOf(() =>
      addPick(w, {
        edition: 'en',
        programId: Number.NaN,
        episodeId: -3,
        note: 'x'.repeat(301),
        startsAt: new Date(Number.NaN),
        endsAt: new Date(Number.NaN),
      }),
    );
    assert.deepEqual(
      problems.map((p) => p.split(':')[0]),
      ['programId', 'episodeId', 'note', 'startsAt', 'endsAt'],
      problems.join('\n'),
    );
    const period = await problemsOf(() =>
      addPick(w, { edition: 'en', programId, startsAt: NOW, endsAt: new Date(NOW.getTime() - 1) }),
    );
    assert.deepEqual(period, ['endsAt: must be after the start']);
    const long = await problemsOf(() =>
      addPick(w, { edition: 'en', programId, startsAt: NOW, endsAt: new Date(NOW.getTime() + 100 * DAY) }),
    );
    assert.deepEqual(long, ['endsAt: a pick runs at most 92 days']);
    const past = await problemsOf(() =>
      addPick(w, {
        edition: 'en',
        programId,
        startsAt: new Date(NOW.getTime() - 2 * DAY),
        endsAt: new Date(NOW.getTime() - DAY),
      }),
    );
    assert.deepEqual(past, ['endsAt: must be in the future']);
    // Another edition's program, and an episode of another program: both named.
    const references = await problemsOf(() =>
      addPick(w, {
        edition: 'en',
        programId: otherProgramId,
        episodeId: episodeId + 1000,
        startsAt: NOW,
        endsAt: new Date(NOW.getTime() + DAY),
      }),
    );
    assert.equal(references.length, 2, references.join('\n'));
    assert.match(references[0]!, /^programId: there is no program number \d+ in this edition$/);
    assert.match(references[1]!, /^episodeId: episode \d+ is not an episode of this program$/);
    assert.equal(await count('broadcast_picks'), 0);
    assert.equal(await count('outbox_events'), events);
  });

  it('chooses the highlight section of an edition, only among its own sections', async () => {
    const section = await makeCategory(t.db, { edition: 'en', name: 'Program Highlight' });
    const theirs = await makeCategory(t.db, { edition: 'id', name: 'Sorotan' });
    await chooseHighlightSection(w, { edition: 'en', categoryId: section.id });
    assert.equal(await highlightSectionId(t.db, 'en'), section.id);
    assert.equal(await highlightSectionId(t.db, 'id'), undefined);
    const problems = await problemsOf(() => chooseHighlightSection(w, { edition: 'en', categoryId: theirs.id }));
    assert.deepEqual(problems, [`categoryId: there is no section number ${theirs.id} in this edition`]);
    assert.equal(await highlightSectionId(t.db, 'en'), section.id);
    await chooseHighlightSection(w, { edition: 'en', categoryId: null });
    assert.equal(await highlightSectionId(t.db, 'en'), undefined);
  });
});

describe('the picks page', () => {
  let editor: SignedIn;
  const tz = () => t.app.ctx.settings.timezone;
  const fields = (extra: Record<string, string> = {}) => ({
    edition: 'en',
    programId: String(programId),
    episodeId: '',
    note: 'Worth a listen',
    startsAt: toLocalInput(NOW, tz()),
    endsAt: toLocalInput(new Date(NOW.getTime() + 3 * DAY), tz()),
    ...extra,
  });

  before(async () => {
    editor = await signedIn(t, 'editor', ['en']);
  });

  it('lets an editor of the edition add, see and remove a pick', async () => {
    const page = await t.app.inject({ url: '/newsroom/radio/picks', headers: editor.headers });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'private, no-store');
    assert.match(page.body, /No picks are running or planned in this edition\./);
    const added = await postForm(t, editor, '/newsroom/radio/picks', fields());
    assert.equal(added.statusCode, 303, added.body);
    assert.equal(added.headers.location, '/newsroom/radio/picks?edition=en&done=added');
    const listed = await t.app.inject({ url: String(added.headers.location), headers: editor.headers });
    assert.match(listed.body, /The pick has been added\./);
    assert.match(listed.body, /Worth a listen/);
    assert.match(listed.body, />Running</);
    const pick = await t.db.selectFrom('broadcast_picks').select(['id', 'starts_at']).executeTakeFirstOrThrow();
    assert.equal(new Date(pick.starts_at).getTime(), NOW.getTime(), 'the form’s time is read in the site zone');
    const removed = await postForm(t, editor, `/newsroom/radio/picks/${pick.id}/remove`);
    assert.equal(removed.statusCode, 303);
    assert.equal(await count('broadcast_picks'), 0);
  });

  it('shows every problem of a bad form with what was typed, saving nothing', async () => {
    const res = await postForm(
      t,
      editor,
      '/newsroom/radio/picks',
      fields({ programId: 'abc', startsAt: 'tomorrow', endsAt: '', note: 'Kept "text"' }),
    );
    assert.equal(res.statusCode, 400);
    for (const field of ['programId', 'startsAt', 'endsAt']) assert.match(res.body, new RegExp(`<li>${field}: `));
    assert.match(res.body, /value="Kept (&quot;|&#34;)text(&quot;|&#34;)"/);
    assert.equal(await count('broadcast_picks'), 0);
  });

  it('saves the highlight section from the page', async () => {
    const section = await makeCategory(t.db, { edition: 'en', name: 'Studio news' });
    const res = await postForm(t, editor, '/newsroom/radio/picks/section', {
      edition: 'en',
      categoryId: String(section.id),
    });
    assert.equal(res.statusCode, 303);
    assert.equal(await highlightSectionId(t.db, 'en'), section.id);
    const bad = await postForm(t, editor, '/newsroom/radio/picks/section', { edition: 'en', categoryId: '999999' });
    assert.equal(bad.statusCode, 400);
    assert.equal(await highlightSectionId(t.db, 'en'), section.id);
  });

  it('refuses authors, contributors and editors of another edition; needs the form token', async () => {
    for (const role of ['author', 'contributor'] as const) {
      const who = await signedIn(t, role, ['en']);
      assert.equal((await t.app.inject({ url: '/newsroom/radio/picks', headers: who.headers })).statusCode, 403, role);
      assert.equal((await postForm(t, who, '/newsroom/radio/picks', fields())).statusCode, 403, role);
    }
    const other = await signedIn(t, 'editor', ['id']);
    assert.equal(
      (await t.app.inject({ url: '/newsroom/radio/picks?edition=en', headers: other.headers })).statusCode,
      403,
    );
    assert.equal((await postForm(t, other, '/newsroom/radio/picks', fields())).statusCode, 403);
    assert.equal(
      (await postForm(t, other, '/newsroom/radio/picks/section', { edition: 'en', categoryId: '' })).statusCode,
      403,
    );
    const pickId = await addPick(w, { edition: 'en', programId, startsAt: NOW, endsAt: new Date(NOW.getTime() + DAY) });
    assert.equal((await postForm(t, other, `/newsroom/radio/picks/${pickId}/remove`)).statusCode, 403);
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/newsroom/radio/picks',
      headers: { ...editor.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields()).toString(),
    });
    assert.equal(noToken.statusCode, 403);
    assert.equal(await count('broadcast_picks'), 1);
    const admin = await signedIn(t, 'admin');
    assert.equal(
      (await t.app.inject({ url: '/newsroom/radio/picks?edition=id', headers: admin.headers })).statusCode,
      200,
    );
  });

  it('answers 4xx, never 500, to broken ids and text', async () => {
    for (const id of ['0', 'abc', '99999999999', '%00', '%FF']) {
      const res = await postForm(t, editor, `/newsroom/radio/picks/${id}/remove`);
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${id}: ${res.statusCode}`);
    }
    for (const query of ['edition=%00', 'edition=%FF', 'edition=zz', 'done=%C3%28']) {
      const res = await t.app.inject({ url: `/newsroom/radio/picks?${query}`, headers: editor.headers });
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${query}: ${res.statusCode}`);
    }
    const nul = await postForm(t, editor, '/newsroom/radio/picks', fields({ note: 'a\u0000b' }));
    assert.ok(nul.statusCode >= 400 && nul.statusCode < 500, String(nul.statusCode));
    const unknown = await postForm(t, editor, '/newsroom/radio/picks', fields({ edition: 'xx' }));
    assert.equal(unknown.statusCode, 404);
  });
});
