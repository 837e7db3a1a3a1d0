// The newsroom's episode pages, on both engines: uploads through the plain multipart form (MP3 and
// M4A measured from their bytes, a text file named .mp3 refused with 415 and nothing left on
// disk), an external address, every problem listed with nothing saved, publishing, deleting with
// the file, and who may: editors, authors and admins of the edition; not contributors, not
// another edition's staff, not a form without its token. The form's "Find an article": the
// edition's articles by a word of their title as a fragment with "Add" buttons, refused for those
// without rights and for broken text, never another edition's articles.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeArticle } from '../../../test/helpers/factories.ts';
import { postForm, signedIn, type SignedIn } from '../../../test/helpers/newsroom.ts';
import { mediaDir } from '../../media/index.ts';
import { findEpisode } from './queries.ts';
import { audioFixtures, makeProgram, multipartBody, type AudioFixture } from './test-fixtures.ts';

let t: TestApp;
let fixtures: { mp3: AudioFixture; m4a: AudioFixture; dir: string };
let programId: number;
let author: SignedIn;
let editor: SignedIn;

before(async () => {
  t = await createTestApp();
  fixtures = await audioFixtures();
  programId = await makeProgram(t.app.ctx.writer, 'en', 'morning-show');
  author = await signedIn(t, 'author', ['en']);
  editor = await signedIn(t, 'editor', ['en']);
});
after(async () => {
  await fs.rm(fixtures.dir, { recursive: true, force: true });
  await t.close();
});

/** Posts the episode form as multipart, with the user's token first. */
function postEpisode(
  who: SignedIn | { headers: Record<string, string>; csrfToken: string },
  url: string,
  fields: Record<string, string>,
  file?: { name: string; data: Buffer },
) {
  const { body, contentType } = multipartBody({ _csrf: who.csrfToken, ...fields }, file);
  return t.app.inject({ method: 'POST', url, headers: { ...who.headers, 'content-type': contentType }, payload: body });
}

async function mediaFiles(): Promise<string[]> {
  return (await fs.readdir(mediaDir(t.config.dataDir))).filter((name) => name.includes('audio'));
}

async function episodeCount(): Promise<number> {
  return (await t.db.selectFrom('episodes').select('id').execute()).length;
}

function idFrom(location: unknown): number {
  const match = /^\/newsroom\/episodes\/(\d+)\?done=/.exec(String(location));
  assert.ok(match, `redirect to ${String(location)}`);
  return Number(match[1]);
}

describe('uploading episodes', () => {
  it('stores an uploaded MP3 and M4A with the duration and exact length read from their bytes', async () => {
    for (const [fixture, name] of [
      [fixtures.mp3, 'show.mp3'],
      [fixtures.m4a, 'interview.m4a'],
    ] as const) {
      const data = await fs.readFile(fixture.file);
      const response = await postEpisode(
        author,
        '/newsroom/episodes',
        { programId: String(programId), title: `Upload ${name}`, audioSource: 'upload', transcript: 'Hello.' },
        { name, data },
      );
      assert.equal(response.statusCode, 303, response.body.slice(0, 500));
      const episode = (await findEpisode(t.db, idFrom(response.headers.location)))!;
      assert.equal(episode.audioType, fixture.type);
      assert.equal(episode.audioBytes, data.length);
      assert.equal(episode.durationSeconds, fixture.seconds);
      assert.match(episode.audioFile ?? '', fixture.type === 'audio/mpeg' ? /^audio-[0-9a-f]{16}\.mp3$/ : /\.m4a$/);
      const stored = await fs.readFile(path.join(mediaDir(t.config.dataDir), episode.audioFile!));
      assert.deepEqual(stored, data);
    }
    // No staging file is left behind.
    assert.deepEqual(
      (await fs.readdir(mediaDir(t.config.dataDir))).filter((n) => n.startsWith('.')),
      [],
    );
  });

  it('refuses a text file named .mp3 with 415, saving nothing and leaving no file', async () => {
    const [count, files] = [await episodeCount(), await mediaFiles()];
    const response = await postEpisode(
      author,
      '/newsroom/episodes',
      { programId: String(programId), title: 'Not audio', audioSource: 'upload' },
      { name: 'notes.mp3', data: Buffer.from('Notes for the show, not sound.\n'.repeat(50)) },
    );
    assert.equal(response.statusCode, 415);
    assert.match(response.body, /This file is not MP3 or M4A audio\. It looks like a text file\./);
    assert.equal(await episodeCount(), count);
    assert.deepEqual(await mediaFiles(), files);
    assert.deepEqual(
      (await fs.readdir(mediaDir(t.config.dataDir))).filter((n) => n.startsWith('.')),
      [],
    );
  });

  it('lists every problem at once, keeps what was typed, and keeps no uploaded file', async () => {
    const [count, files] = [await episodeCount(), await mediaFiles()];
    const response = await postEpisode(
      author,
      '/newsroom/episodes',
      { programId: String(programId), title: '', articleIds: '12, abc', episodeNumber: '0', description: 'Kept text' },
      { name: 'show.mp3', data: await fs.readFile(fixtures.mp3.file) },
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /title: is required|is required/);
    assert.match(response.body, /“abc” is not an article number\./);
    assert.match(response.body, /starts at 1/);
    assert.match(response.body, />Kept text<\/textarea>/);
    assert.equal(await episodeCount(), count);
    assert.deepEqual(await mediaFiles(), files);
  });

  it('asks for a file when none was chosen, and takes an external address instead', async () => {
    const none = await postEpisode(author, '/newsroom/episodes', {
      programId: String(programId),
      title: 'No file',
      audioSource: 'upload',
    });
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /Choose an audio file to upload, or give an address\./);
    const bad = await postEpisode(author, '/newsroom/episodes', {
      programId: String(programId),
      title: 'Elsewhere',
      audioSource: 'url',
      audioUrl: 'http://cdn.example/a',
      audioDuration: '1:2:3:4',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /must be an https:\/\/ address/);
    assert.match(bad.body, /Give the length as h:mm:ss, m:ss or seconds\./);
    const good = await postEpisode(author, '/newsroom/episodes', {
      programId: String(programId),
      title: 'Elsewhere',
      audioSource: 'url',
      audioUrl: 'https://cdn.example/elsewhere.m4a',
      audioBytes: '123456',
      audioDuration: '1:02:03',
    });
    assert.equal(good.statusCode, 303);
    const episode = (await findEpisode(t.db, idFrom(good.headers.location)))!;
    assert.deepEqual(
      [episode.audioUrl, episode.audioType, episode.audioBytes, episode.durationSeconds],
      ['https://cdn.example/elsewhere.m4a', 'audio/mp4', 123456, 3723],
    );
  });

  it('refuses a NUL character in a field with 400', async () => {
    const response = await postEpisode(author, '/newsroom/episodes', {
      programId: String(programId),
      title: 'Nul \u0000 title',
      audioSource: 'url',
      audioUrl: 'https://cdn.example/x.mp3',
    });
    assert.equal(response.statusCode, 400);
  });
});

describe('editing, publishing and deleting', () => {
  it('replaces the audio, links articles, publishes, schedules, unpublishes and deletes with the file', async () => {
    const article = await makeArticle(t.db, { edition: 'en' });
    const created = await postEpisode(
      editor,
      '/newsroom/episodes',
      { programId: String(programId), title: 'Lifecycle', audioSource: 'upload' },
      { name: 'a.mp3', data: await fs.readFile(fixtures.mp3.file) },
    );
    const id = idFrom(created.headers.location);
    const first = (await findEpisode(t.db, id))!;
    const edit = await t.app.inject({ method: 'GET', url: `/newsroom/episodes/${id}`, headers: editor.headers });
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /enctype="multipart\/form-data"/);
    assert.match(edit.body, /name="_csrf"/);
    const saved = await postEpisode(
      editor,
      `/newsroom/episodes/${id}`,
      { title: 'Lifecycle', audioSource: 'upload', articleIds: String(article.id), transcript: 'One.\n\nTwo.' },
      { name: 'b.m4a', data: await fs.readFile(fixtures.m4a.file) },
    );
    assert.equal(saved.statusCode, 303);
    const second = (await findEpisode(t.db, id))!;
    assert.equal(second.guid, first.guid);
    assert.equal(second.audioType, 'audio/mp4');
    assert.deepEqual(second.articleIds, [article.id]);
    // The replaced file is gone, the new one is there.
    assert.ok(!(await mediaFiles()).includes(first.audioFile!));
    assert.ok((await mediaFiles()).includes(second.audioFile!));

    const kept = await postEpisode(editor, `/newsroom/episodes/${id}`, {
      title: 'Lifecycle kept',
      audioSource: 'keep',
    });
    assert.equal(kept.statusCode, 303);
    assert.equal((await findEpisode(t.db, id))!.audioFile, second.audioFile);

    const published = await postForm(t, editor, `/newsroom/episodes/${id}/publish`, { when: 'now' });
    assert.equal(published.headers.location, `/newsroom/episodes/${id}?done=published`);
    assert.equal((await t.app.inject(`/en/programs/morning-show/episodes/lifecycle-kept`)).statusCode, 200);

    const badTime = await postForm(t, editor, `/newsroom/episodes/${id}/publish`, { when: 'at', at: 'soon' });
    assert.equal(badTime.statusCode, 400);
    const scheduled = await postForm(t, editor, `/newsroom/episodes/${id}/publish`, {
      when: 'at',
      at: '2040-01-01T09:00',
    });
    assert.equal(scheduled.headers.location, `/newsroom/episodes/${id}?done=scheduled`);
    assert.equal((await t.app.inject(`/en/programs/morning-show/episodes/lifecycle-kept`)).statusCode, 404);

    const unpublished = await postForm(t, editor, `/newsroom/episodes/${id}/unpublish`);
    assert.equal(unpublished.statusCode, 303);
    assert.equal((await findEpisode(t.db, id))!.status, 'draft');

    const confirm = await t.app.inject({
      method: 'GET',
      url: `/newsroom/episodes/${id}/delete`,
      headers: editor.headers,
    });
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Delete for good/);
    const deleted = await postForm(t, editor, `/newsroom/episodes/${id}/delete`);
    assert.equal(deleted.headers.location, '/newsroom/episodes?edition=en&done=deleted');
    assert.equal(await findEpisode(t.db, id), undefined);
    assert.ok(!(await mediaFiles()).includes(second.audioFile!));
  });

  it('lists an edition’s episodes, filtered by program and state', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: `/newsroom/episodes?edition=en&program=${programId}&status=draft`,
      headers: author.headers,
    });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Upload show\.mp3/);
    const published = await t.app.inject({
      method: 'GET',
      url: '/newsroom/episodes?edition=en&status=published',
      headers: author.headers,
    });
    assert.doesNotMatch(published.body, /Upload show\.mp3/);
  });
});

describe('who may', () => {
  it('refuses contributors, another edition’s staff and a form without its token; writes no file', async () => {
    const contributor = await signedIn(t, 'contributor', ['en']);
    const otherEditor = await signedIn(t, 'editor', ['id']);
    const [count, files] = [await episodeCount(), await mediaFiles()];
    const data = await fs.readFile(fixtures.mp3.file);
    const fields = { programId: String(programId), title: 'Refused', audioSource: 'upload' };
    for (const who of [contributor, otherEditor]) {
      const response = await postEpisode(who, '/newsroom/episodes', fields, { name: 'x.mp3', data });
      assert.equal(response.statusCode, 403, who.user.email);
    }
    const forged = await postEpisode(
      { headers: author.headers, csrfToken: 'not-the-token' },
      '/newsroom/episodes',
      fields,
      {
        name: 'x.mp3',
        data,
      },
    );
    assert.equal(forged.statusCode, 403);
    assert.equal(await episodeCount(), count);
    assert.deepEqual(await mediaFiles(), files);
    assert.deepEqual(
      (await fs.readdir(mediaDir(t.config.dataDir))).filter((n) => n.startsWith('.')),
      [],
    );
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/newsroom/episodes', headers: contributor.headers })).statusCode,
      403,
    );
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/newsroom/episodes?edition=en', headers: otherEditor.headers }))
        .statusCode,
      403,
    );
    const episode = await t.db
      .selectFrom('episodes')
      .select('id')
      .where('edition', '=', 'en')
      .executeTakeFirstOrThrow();
    for (const url of [`/newsroom/episodes/${episode.id}`, `/newsroom/episodes/${episode.id}/delete`])
      assert.equal((await t.app.inject({ method: 'GET', url, headers: otherEditor.headers })).statusCode, 403, url);
    for (const action of ['publish', 'unpublish', 'delete'])
      assert.equal(
        (await postForm(t, otherEditor, `/newsroom/episodes/${episode.id}/${action}`, { when: 'now' })).statusCode,
        403,
        action,
      );
    assert.ok(await findEpisode(t.db, episode.id));
  });

  it('lets an admin and the edition’s author in', async () => {
    const admin = await signedIn(t, 'admin');
    for (const who of [admin, author]) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/newsroom/episodes/new?edition=en',
        headers: who.headers,
      });
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /<input type="file" id="audio" name="audio"/);
    }
  });

  it('answers 404 for unknown and malformed episode numbers', async () => {
    for (const url of ['/newsroom/episodes/999999', '/newsroom/episodes/abc', '/newsroom/episodes/0'])
      assert.equal((await t.app.inject({ method: 'GET', url, headers: editor.headers })).statusCode, 404, url);
  });
});

describe('finding articles to link', () => {
  const picker = (who: SignedIn, query: string) =>
    t.app.inject({ method: 'GET', url: `/newsroom/episodes/article-picker?${query}`, headers: who.headers });

  it('answers the edition’s articles whose title has the word, each with an Add button naming it', async () => {
    const lantern = await makeArticle(t.db, { edition: 'en', title: 'Lantern festival lights the quay' });
    const draft = await makeArticle(t.db, { edition: 'en', title: 'Lanterns for the night market', status: 'draft' });
    await makeArticle(t.db, { edition: 'en', title: 'Ferry timetable changes' });
    const response = await picker(author, 'edition=en&q=lantern');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/html/);
    assert.match(String(response.headers['cache-control']), /no-store/);
    assert.match(response.body, /data-article-page/);
    const ids = [...response.body.matchAll(/data-article-id="(\d+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(ids.sort(), [lantern.id, draft.id].sort());
    assert.match(
      response.body,
      new RegExp(`data-article-id="${lantern.id}" data-article-title="Lantern festival lights the quay"`),
    );
    assert.match(response.body, /Add<span class="visually-hidden"> “Lantern festival lights the quay”<\/span>/);
    assert.match(response.body, new RegExp(`Number ${draft.id} · Draft · changed`));
    assert.doesNotMatch(response.body, /Ferry timetable/);

    const none = await picker(author, 'edition=en&q=zeppelin');
    assert.equal(none.statusCode, 200);
    assert.match(none.body, /No article of this edition has this in its title or address\./);
    assert.doesNotMatch(none.body, /data-article-add/);
  });

  it('keeps to the edition asked for, and refuses one the user does not work in', async () => {
    const english = await makeArticle(t.db, { edition: 'en', title: 'Monsoon arrives early on the coast' });
    const indonesian = await makeArticle(t.db, { edition: 'id', title: 'Monsoon datang lebih awal' });
    const en = await picker(editor, 'edition=en&q=monsoon');
    assert.equal(en.statusCode, 200);
    assert.match(en.body, new RegExp(`data-article-id="${english.id}"`));
    assert.doesNotMatch(en.body, new RegExp(`data-article-id="${indonesian.id}"`));
    const admin = await signedIn(t, 'admin');
    const id = await picker(admin, 'edition=id&q=monsoon');
    assert.equal(id.statusCode, 200);
    assert.match(id.body, new RegExp(`data-article-id="${indonesian.id}"`));
    assert.doesNotMatch(id.body, new RegExp(`data-article-id="${english.id}"`));
    // The English editor may not look into the Indonesian edition.
    const refused = await picker(editor, 'edition=id&q=monsoon');
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /you do not work in the “id” edition/);
    assert.doesNotMatch(refused.body, /Monsoon datang/);
    // No edition, an unknown one, an unknown parameter, a repeated one, a search too long: 400.
    for (const query of ['q=monsoon', 'edition=xx&q=monsoon', 'edition=en&sort=new', 'edition=en&q=a&q=b'])
      assert.equal((await picker(editor, query)).statusCode, 400, query);
    assert.equal((await picker(editor, `edition=en&q=${'a'.repeat(201)}`)).statusCode, 400);
  });

  it('refuses a user without the right to manage episodes, and anyone signed out', async () => {
    await makeArticle(t.db, { edition: 'en', title: 'Secret budget draft', status: 'draft' });
    const contributor = await signedIn(t, 'contributor', ['en']);
    const response = await picker(contributor, 'edition=en&q=budget');
    assert.equal(response.statusCode, 403);
    assert.doesNotMatch(response.body, /Secret budget draft/);
    const anonymous = await t.app.inject({
      method: 'GET',
      url: '/newsroom/episodes/article-picker?edition=en&q=budget',
    });
    assert.ok([302, 303, 401, 403].includes(anonymous.statusCode), String(anonymous.statusCode));
    assert.doesNotMatch(anonymous.body, /Secret budget draft/);
  });

  it('answers 400, never 500, for a NUL or broken UTF-8 in the search', async () => {
    for (const q of ['%00', 'har%00bour', '%FF', '%C3%28', '%ED%A0%80'])
      assert.equal((await picker(editor, `edition=en&q=${q}`)).statusCode, 400, q);
  });

  it('shows the linked articles with data for the script, and the search hidden until it runs', async () => {
    const article = await makeArticle(t.db, { edition: 'en', title: 'Tide tables for the weekend' });
    const response = await t.app.inject({
      method: 'GET',
      url: '/newsroom/episodes/new?edition=en',
      headers: editor.headers,
    });
    assert.match(response.body, /<div class="nr-article-picker" hidden data-article-picker/);
    assert.match(response.body, /data-picker-url="\/newsroom\/episodes\/article-picker\?edition=en"/);
    assert.match(response.body, /<label for="article-picker-q">Find an article<\/label>/);
    assert.match(response.body, /<form[^>]+data-audio-upload/);
    assert.match(response.body, /<progress id="audio-upload-progress" max="100" value="0"/);
    // The search box has no name: it is never sent with the episode.
    assert.doesNotMatch(response.body, /<input[^>]+name="q"/);
    const refused = await postEpisode(editor, '/newsroom/episodes', {
      programId: String(programId),
      title: '',
      audioSource: 'url',
      audioUrl: 'https://cdn.example/tides.mp3',
      articleIds: String(article.id),
    });
    assert.equal(refused.statusCode, 400);
    assert.match(
      refused.body,
      new RegExp(`<li data-article-id="${article.id}" data-article-title="Tide tables for the weekend">`),
    );
  });
});
