// Episodes through their commands, on both engines: what is stored, the guid made once, every
// problem of bad input listed with nothing written, references checked (program, artwork,
// articles of the same edition), and the audio probe judging files by their bytes.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeArticle, makeImage } from '../../../test/helpers/factories.ts';
import type { WriteContext } from '../../core/events/index.ts';
import { AppError } from '../../core/http/errors.ts';
import { InputError } from '../../core/validation.ts';
import { MAX_AUDIO_BYTES, probeAudioFile, sniffAudioType } from './audio.ts';
import {
  createEpisode,
  deleteEpisode,
  publishEpisode,
  unpublishEpisode,
  updateEpisode,
  type CreateEpisodeInput,
} from './commands.ts';
import { findEpisode } from './queries.ts';
import { audioFixtures, makeProgram, type AudioFixture } from './test-fixtures.ts';

let t: TestApp;
let w: WriteContext;
let programId: number;
let fixtures: { mp3: AudioFixture; m4a: AudioFixture; dir: string };
before(async () => {
  t = await createTestApp();
  w = t.app.ctx.writer;
  programId = await makeProgram(w, 'en', 'morning-show');
  fixtures = await audioFixtures();
});
after(async () => {
  await fs.rm(fixtures.dir, { recursive: true, force: true });
  await t.close();
});

const FILE_AUDIO = {
  kind: 'file',
  file: 'audio-0123456789abcdef.mp3',
  type: 'audio/mpeg',
  bytes: 120_000,
  durationSeconds: 62,
} as const;

function input(extra: Partial<CreateEpisodeInput> = {}): CreateEpisodeInput {
  return { programId, title: 'Harbour at dawn', audio: FILE_AUDIO, ...extra };
}

async function problemsOf(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputError) return [...error.problems];
    throw error;
  }
  assert.fail('expected an InputError');
}

async function episodeCount(): Promise<number> {
  return (await t.db.selectFrom('episodes').select('id').execute()).length;
}

async function eventCount(): Promise<number> {
  return (await t.db.selectFrom('outbox_events').select('id').where('type', '=', 'episode.changed').execute()).length;
}

describe('episode commands', () => {
  it('creates a draft with a guid, its linked articles in order, and records episode.changed', async () => {
    const [a, b] = [await makeArticle(t.db, { edition: 'en' }), await makeArticle(t.db, { edition: 'en' })];
    const events = await eventCount();
    const id = await createEpisode(w, input({ title: 'Linked', articleIds: [b.id, a.id, b.id], episodeNumber: 4 }));
    const episode = await findEpisode(t.db, id);
    assert.ok(episode);
    assert.equal(episode.status, 'draft');
    assert.equal(episode.slug, 'linked');
    assert.match(episode.guid, /^warta:episode:[0-9a-f-]{36}$/);
    assert.deepEqual(episode.articleIds, [b.id, a.id]);
    assert.equal(episode.episodeNumber, 4);
    assert.equal(episode.audioBytes, 120_000);
    assert.equal(await eventCount(), events + 1);
    const event = await t.db
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'episode.changed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const payload = typeof event.payload === 'string' ? JSON.parse(event.payload) : event.payload;
    assert.deepEqual(payload, { episodeId: id, programId, edition: 'en' });
  });

  it('keeps the guid through edits, publication and unpublication', async () => {
    const id = await createEpisode(w, input({ title: 'Guid keeper' }));
    const { guid } = (await findEpisode(t.db, id))!;
    await updateEpisode(w, id, {
      title: 'Guid keeper, renamed',
      slug: 'renamed',
      audio: { kind: 'url', url: 'https://cdn.example/a.m4a' },
    });
    await publishEpisode(w, id);
    await unpublishEpisode(w, id);
    const after = (await findEpisode(t.db, id))!;
    assert.equal(after.guid, guid);
    assert.equal(after.slug, 'renamed');
    assert.equal(after.audioType, 'audio/mp4');
    assert.equal(after.audioFile, null);
    assert.equal(after.status, 'draft');
  });

  it('lists every problem of bad input at once and writes nothing', async () => {
    const before = [await episodeCount(), await eventCount()];
    const problems = await problemsOf(() =>
      createEpisode(w, {
        programId,
        title: ' ',
        description: 'x'.repeat(5000),
        transcript: 'nul \u0000 here',
        episodeNumber: 0,
        articleIds: Array.from({ length: 11 }, (_, i) => i + 1),
        audio: { kind: 'url', url: 'http://insecure.example/show' },
      }),
    );
    for (const field of ['title', 'description', 'transcript', 'episodeNumber', 'articleIds', 'audio.url'])
      assert.ok(
        problems.some((p) => p.startsWith(`${field}:`)),
        `${field} missing in ${problems.join(' | ')}`,
      );
    assert.deepEqual([await episodeCount(), await eventCount()], before);
  });

  it('asks for the type of an external address whose name does not say it', async () => {
    const problems = await problemsOf(() =>
      createEpisode(w, input({ audio: { kind: 'url', url: 'https://cdn.example/stream?id=4' } })),
    );
    assert.deepEqual(problems, ['audio.type: say whether the address is MP3 or M4A (its name does not tell)']);
    const id = await createEpisode(
      w,
      input({ title: 'Typed', audio: { kind: 'url', url: 'https://cdn.example/stream?id=4', type: 'audio/mpeg' } }),
    );
    assert.equal((await findEpisode(t.db, id))!.audioType, 'audio/mpeg');
  });

  it('refuses a stored file name that is not one of ours', async () => {
    const problems = await problemsOf(() =>
      createEpisode(w, input({ audio: { ...FILE_AUDIO, file: '../secret.mp3' } })),
    );
    assert.deepEqual(problems, ['audio.file: is not a stored audio file name']);
  });

  it('checks references in the transaction: program, artwork, articles of the same edition, slug', async () => {
    const foreign = await makeArticle(t.db, { edition: 'id' });
    const before = [await episodeCount(), await eventCount()];
    assert.deepEqual(await problemsOf(() => createEpisode(w, input({ programId: 999_999 }))), [
      'programId: there is no program number 999999',
    ]);
    const problems = await problemsOf(() =>
      createEpisode(w, input({ title: 'Linked', artworkMediaId: 999_999, articleIds: [foreign.id, 999_998] })),
    );
    assert.deepEqual(problems, [
      'slug: "linked" is taken by another episode of this program',
      'artworkMediaId: there is no image number 999999',
      `articleIds: article ${foreign.id} is in another edition (id)`,
      'articleIds: there is no article number 999998',
    ]);
    assert.deepEqual([await episodeCount(), await eventCount()], before);
    // The same slug in another program is fine.
    const other = await makeProgram(w, 'en', 'culture-corner');
    const image = await makeImage(t.db, t.config.dataDir, 800, 800);
    const id = await createEpisode(w, input({ programId: other, title: 'Linked', artworkMediaId: image.id }));
    assert.equal((await findEpisode(t.db, id))!.artwork?.id, image.id);
  });

  it('publishes now or at a time, and deletes with its links, naming its stored file', async () => {
    const article = await makeArticle(t.db, { edition: 'en' });
    const id = await createEpisode(w, input({ title: 'Short life', articleIds: [article.id] }));
    const at = new Date('2031-01-02T03:04:00Z');
    await publishEpisode(w, id, { at });
    const scheduled = (await findEpisode(t.db, id))!;
    assert.equal(scheduled.status, 'published');
    assert.equal(scheduled.publishedAt?.toISOString(), at.toISOString());
    assert.deepEqual(await deleteEpisode(w, id), { audioFile: FILE_AUDIO.file });
    assert.equal(await findEpisode(t.db, id), undefined);
    const links = await t.db.selectFrom('episode_articles').select('article_id').where('episode_id', '=', id).execute();
    assert.deepEqual(links, []);
    assert.deepEqual(await deleteEpisode(w, id), { audioFile: null });
  });

  it('answers 404 for changes to an episode that is gone', async () => {
    await assert.rejects(
      () => publishEpisode(w, 987_654),
      (e: unknown) => e instanceof AppError && e.status === 404,
    );
    await assert.rejects(
      () => updateEpisode(w, 987_654, { title: 'x' }),
      (e: unknown) => e instanceof AppError && e.status === 404,
    );
  });
});

describe('audio probe', () => {
  it('reads the type, exact length and duration of an MP3 and an M4A from their bytes', async () => {
    for (const fixture of [fixtures.mp3, fixtures.m4a]) {
      const probe = await probeAudioFile(fixture.file);
      const { size } = await fs.stat(fixture.file);
      assert.deepEqual(probe, { type: fixture.type, bytes: size, durationSeconds: fixture.seconds }, fixture.file);
    }
  });

  it('judges by the bytes, not the name: text called .mp3 is 415, a cut-off MP4 is refused', async () => {
    const text = path.join(fixtures.dir, 'notes.mp3');
    await fs.writeFile(text, 'These are my notes for the show.\n'.repeat(40));
    await assert.rejects(
      () => probeAudioFile(text),
      (e: unknown) => e instanceof AppError && e.status === 415 && /text file/.test(e.message),
    );
    const cut = path.join(fixtures.dir, 'cut.m4a');
    await fs.writeFile(cut, (await fs.readFile(fixtures.m4a.file)).subarray(0, 40));
    await assert.rejects(
      () => probeAudioFile(cut),
      (e: unknown) => e instanceof AppError && [415, 422].includes(e.status),
    );
  });

  it('refuses a file over the limit with 413 before reading it', async () => {
    // Sparse: 301 MB long, nothing written.
    const big = path.join(fixtures.dir, 'big.mp3');
    await fs.writeFile(big, '');
    await fs.truncate(big, MAX_AUDIO_BYTES + 1024 * 1024);
    await assert.rejects(
      () => probeAudioFile(big),
      (e: unknown) => e instanceof AppError && e.status === 413 && /the largest upload is 300 MB/.test(e.message),
    );
    await fs.rm(big);
  });

  it('recognises MP3 frames, ID3 tags and MP4 boxes, and nothing else', () => {
    assert.equal(sniffAudioType(Buffer.from([0xff, 0xfb, 0x90, 0x64, 0, 0])), 'audio/mpeg');
    assert.equal(sniffAudioType(Buffer.from('ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1')), undefined);
    assert.equal(
      sniffAudioType(
        Buffer.concat([
          Buffer.from('ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1'),
          Buffer.from([0xff, 0xfb, 0x90, 0x64]),
        ]),
      ),
      'audio/mpeg',
    );
    assert.equal(sniffAudioType(Buffer.from('\u0000\u0000\u0000\u0020ftypM4A \u0000\u0000', 'latin1')), 'audio/mp4');
    // Layer I/II frames, and text, are not MP3.
    assert.equal(sniffAudioType(Buffer.from([0xff, 0xfd, 0x90, 0x64])), undefined);
    assert.equal(sniffAudioType(Buffer.from('<html><body>')), undefined);
  });
});
