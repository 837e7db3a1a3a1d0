// `warta backup` and `warta restore` as an operator runs them, against a real `warta serve`:
// a snapshot taken in the middle of a storm of votes, reads and new articles is consistent,
// restores into a fresh data dir that serves again, and a restore is refused over a running
// server or from a damaged snapshot. On PostgreSQL the commands point to pg_dump instead.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import SQLite from 'better-sqlite3';
import { seedBase } from '../../seed/editions.ts';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../../test/helpers/database.ts';
import { makeArticle, makeImage } from '../../test/helpers/factories.ts';
import {
  killLeftovers,
  processDatabaseUrl,
  startListening,
  TEST_COOKIE_SECRET,
} from '../../test/helpers/serve-process.ts';
import { writerFor } from '../../test/helpers/writer.ts';
import { MANIFEST, type BackupManifest } from './backup.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Upper bounds of the storm, whatever the machine's speed. */
const MAX_VOTES = 3000;
const MAX_NEW_ARTICLES = 30;
const WAVE = 40;

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
  await seedBase(writerFor(db.db.kysely));
});
after(async () => {
  killLeftovers();
  await db.cleanup();
});

/** Runs a `warta` command on a data dir and database (120 s at most): exit code and output. */
function warta(args: string[], dataDir: string, databaseUrl: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/warta.js'), ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      TZ: 'UTC',
      WARTA_ENV_FILE: path.join(dataDir, 'no-such.env'),
      WARTA_DATA_DIR: dataDir,
      WARTA_DATABASE_URL: databaseUrl,
      WARTA_COOKIE_SECRET: TEST_COOKIE_SECRET,
      WARTA_DEMO: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`warta ${args.join(' ')} ran over 120 s:\n${output}`));
    }, 120_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** One request to a server; resolves with status and body. */
function send(port: number, method: string, urlPath: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, method, path: urlPath, headers, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`${method} ${urlPath} timed out`)));
    request.on('error', reject);
    request.end(body);
  });
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

interface Vote {
  articleId: number;
  voterId: string;
  rating: number;
}

describe('warta backup and restore', { skip: TEST_ENGINE !== 'sqlite' }, () => {
  it(
    'snapshot a serving site mid-storm consistently, and restore it into a fresh data dir that serves',
    { timeout: 600_000 },
    async () => {
      const kysely = db.db.kysely;
      const siteDir = path.join(db.dataDir, 'site');
      const databaseUrl = processDatabaseUrl(db);
      fs.mkdirSync(siteDir, { recursive: true });
      // A key file in the data dir, as the site writes one when WARTA_COOKIE_SECRET is not set.
      fs.writeFileSync(path.join(siteDir, 'cookie-secret'), `${randomBytes(32).toString('base64url')}\n`, {
        mode: 0o600,
      });
      // The integrity zone's folders: a sealed evidence file and a published document.
      const evidenceName = randomBytes(16).toString('hex');
      fs.mkdirSync(path.join(siteDir, 'integrity-files'), { mode: 0o700 });
      fs.writeFileSync(path.join(siteDir, 'integrity-files', evidenceName), randomBytes(300), { mode: 0o600 });
      fs.mkdirSync(path.join(siteDir, 'integrity-documents'));
      fs.writeFileSync(path.join(siteDir, 'integrity-documents', 'decree.pdf'), '%PDF-1.4 decree');
      const image = await makeImage(kysely, siteDir);
      const articles = await Promise.all([1, 2, 3].map(() => makeArticle(kysely, { featured_media_id: image.id })));
      const { server, port } = await startListening(db, {
        name: 'site',
        env: { WARTA_TRUST_PROXY: '127.0.0.1', WARTA_READS_FLUSH_INTERVAL_MS: '100' },
      });
      const backupDir = path.join(db.dataDir, 'snapshot');
      const answeredBeforeBackup: Vote[] = [];
      const answered: Vote[] = [];
      let backup: Promise<{ code: number | null; output: string }> | undefined;
      let isBackupDone = false;
      try {
        // Readers vote and read in waves; new articles (with images) are made meanwhile by a
        // process of their own (this one); the backup starts after the first waves and the storm
        // goes on until it has finished.
        const voteWave = async (wave: number) => {
          const votes: Vote[] = Array.from({ length: WAVE }, (_, i) => ({
            articleId: articles[i % articles.length]!.id,
            voterId: randomBytes(16).toString('base64url'),
            rating: ((wave + i) % 5) + 1,
          }));
          await Promise.all(
            votes.map(async (vote, i) => {
              const n = wave * WAVE + i;
              const [answer] = await Promise.all([
                send(
                  port,
                  'POST',
                  `/en/news/ratings/${vote.articleId}`,
                  {
                    'content-type': 'application/json',
                    accept: 'application/json',
                    cookie: `warta_voter=${fastifyCookie.sign(vote.voterId, TEST_COOKIE_SECRET)}`,
                    'x-forwarded-for': `10.9.${n >> 8}.${n & 255}`,
                  },
                  JSON.stringify({ rating: vote.rating }),
                ),
                send(port, 'POST', `/api/reads/${vote.articleId}`, {
                  'user-agent': `Mozilla/5.0 (X11; Linux x86_64; rv:${n}.0) Gecko/20100101 Firefox/${n}.0`,
                  'x-forwarded-for': `10.8.${n >> 8}.${n & 255}`,
                }),
              ]);
              assert.equal(answer.status, 200, answer.body.toString());
              answered.push(vote);
            }),
          );
        };
        const writeArticles = async () => {
          while (!backup) await delay(20);
          for (let i = 0; i < MAX_NEW_ARTICLES && !isBackupDone; i++) {
            const media = i % 3 === 0 ? await makeImage(kysely, siteDir, 640, 360) : undefined;
            await makeArticle(kysely, { featured_media_id: media?.id ?? null });
          }
        };
        const storm = async () => {
          for (let wave = 0; wave * WAVE < MAX_VOTES && (!backup || !isBackupDone); wave++) {
            if (wave === 3) {
              answeredBeforeBackup.push(...answered);
              backup = warta(['backup', '--out', backupDir], siteDir, databaseUrl).finally(() => (isBackupDone = true));
            }
            await voteWave(wave);
          }
        };
        await Promise.all([storm(), writeArticles()]);
        const made = await backup!;
        assert.equal(made.code, 0, made.output);
        assert.match(made.output, /backup written to .*snapshot: \d+ files/);
        // The server made the integrity key at its start: the backup leaves it out and says where it is.
        assert.ok(fs.existsSync(path.join(siteDir, 'integrity-key')));
        assert.match(made.output, /integrity key is not in this backup: it is in .*site\/integrity-key/);
        assert.ok(answered.length > answeredBeforeBackup.length, 'votes went on during the backup');

        // A restore over the running server's data dir is refused and changes nothing.
        const votesNow = await kysely
          .selectFrom('article_votes')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        const refused = await warta(['restore', backupDir], siteDir, databaseUrl);
        assert.equal(refused.code, 1, refused.output);
        assert.match(refused.output, /a server is running on this database.*nothing was changed/s);
        const votesAfter = await kysely
          .selectFrom('article_votes')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        assert.deepEqual(votesAfter, votesNow);
      } finally {
        assert.equal(await server.stop('SIGTERM'), 0, server.output().slice(-2000));
      }

      const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, MANIFEST), 'utf8')) as BackupManifest;
      assert.equal(manifest.engine, 'sqlite');
      assert.match(manifest.schemaVersion, /^\d{4}-/);
      assert.ok(manifest.files.some((f) => f.path === 'keys/cookie-secret'));
      assert.ok(!manifest.files.some((f) => f.path.includes('integrity-key')), 'no integrity key in the backup');
      assert.ok(manifest.files.some((f) => f.path === `files/integrity-files/${evidenceName}`));
      assert.ok(manifest.files.some((f) => f.path === 'files/integrity-documents/decree.pdf'));
      assert.equal((fs.statSync(path.join(backupDir, 'keys/cookie-secret')).mode & 0o777).toString(8), '600');

      // A snapshot with one changed byte is refused before anything is touched.
      const damaged = path.join(db.dataDir, 'damaged');
      fs.cpSync(backupDir, damaged, { recursive: true });
      const someMedia = manifest.files.find((f) => f.path.startsWith('media/'))!;
      const bytes = fs.readFileSync(path.join(damaged, someMedia.path));
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
      fs.writeFileSync(path.join(damaged, someMedia.path), bytes);
      const elsewhere = path.join(db.dataDir, 'never');
      const refusedDamaged = await warta(['restore', damaged], elsewhere, `sqlite:${elsewhere}/warta.db`);
      assert.equal(refusedDamaged.code, 1);
      assert.match(refusedDamaged.output, /does not match the manifest.*nothing was changed/s);
      assert.equal(fs.existsSync(path.join(elsewhere, 'warta.db')), false);

      // Restore into a fresh data dir.
      const freshDir = path.join(db.dataDir, 'fresh');
      const freshUrl = `sqlite:${path.join(freshDir, 'warta.db')}`;
      const restored = await warta(['restore', backupDir], freshDir, freshUrl);
      assert.equal(restored.code, 0, restored.output);
      assert.equal(
        fs.readFileSync(path.join(freshDir, 'cookie-secret'), 'utf8'),
        fs.readFileSync(path.join(siteDir, 'cookie-secret'), 'utf8'),
      );
      const restoredEvidence = path.join(freshDir, 'integrity-files', evidenceName);
      assert.deepEqual(
        fs.readFileSync(restoredEvidence),
        fs.readFileSync(path.join(siteDir, 'integrity-files', evidenceName)),
      );
      assert.equal((fs.statSync(restoredEvidence).mode & 0o777).toString(8), '600');
      assert.equal(
        fs.readFileSync(path.join(freshDir, 'integrity-documents', 'decree.pdf'), 'utf8'),
        '%PDF-1.4 decree',
      );
      assert.equal(fs.existsSync(path.join(freshDir, 'integrity-key')), false);

      await checkRestored(
        path.join(freshDir, 'warta.db'),
        freshDir,
        db.url.slice('sqlite:'.length),
        siteDir,
        answeredBeforeBackup,
      );

      // The restored site serves, images included.
      const { server: again, port: againPort } = await startListening(
        { ...db, url: freshUrl, schema: undefined, dataDir: db.dataDir },
        { name: 'fresh' },
      );
      try {
        assert.equal((await send(againPort, 'GET', '/healthz', {})).status, 200);
        const file = manifest.files.find((f) => f.path.startsWith('media/') && f.path.endsWith('.webp'))!;
        const served = await send(againPort, 'GET', `/${file.path}`, {});
        assert.equal(served.status, 200);
        assert.equal(sha256(served.body), file.sha256);
      } finally {
        assert.equal(await again.stop('SIGTERM'), 0, again.output().slice(-2000));
      }
    },
  );
});

/**
 * The restored database is whole and is the source's state at one moment: integrity and foreign
 * keys hold, every article's totals equal its rows (no half-written batch), every vote answered
 * before the backup began is in it, all it holds is in the source as it is now, and every image
 * it names has its files.
 */
async function checkRestored(
  file: string,
  dataDir: string,
  sourceFile: string,
  sourceDir: string,
  before: Vote[],
): Promise<void> {
  const restored = new SQLite(file, { readonly: true });
  const source = new SQLite(sourceFile, { readonly: true });
  try {
    assert.equal(restored.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(restored.pragma('foreign_key_check'), []);
    const totals = restored
      .prepare(
        `select a.id, a.rating_sum, a.rating_count, a.hit_count,
           (select coalesce(sum(rating), 0) from article_votes v where v.article_id = a.id) as votes_sum,
           (select count(*) from article_votes v where v.article_id = a.id) as votes_count,
           (select coalesce(sum(reads), 0) from article_reads_daily r where r.article_id = a.id) as daily_reads
         from articles a`,
      )
      .all() as Record<string, number>[];
    for (const row of totals) {
      assert.equal(row.rating_sum, row.votes_sum, `article ${row.id}: rating_sum`);
      assert.equal(row.rating_count, row.votes_count, `article ${row.id}: rating_count`);
      assert.equal(row.hit_count, row.daily_reads, `article ${row.id}: hit_count and the daily reads`);
    }
    const votes = new Map(
      (restored.prepare('select article_id, voter_id, rating from article_votes').all() as Record<string, never>[]).map(
        (v) => [`${v.article_id}:${v.voter_id}`, v.rating],
      ),
    );
    for (const vote of before)
      assert.equal(votes.get(`${vote.articleId}:${vote.voterId}`), vote.rating, 'a vote answered before the backup');
    const sourceVotes = source.prepare(
      'select count(*) as n from article_votes where article_id = ? and voter_id = ? and rating = ?',
    );
    for (const [key, rating] of votes) {
      const [articleId, voterId] = key.split(':');
      assert.equal(
        (sourceVotes.get(Number(articleId), voterId, rating) as { n: number }).n,
        1,
        'a restored vote is the source’s',
      );
    }
    const sourceTitles = new Map(
      (source.prepare('select id, title from articles').all() as { id: number; title: string }[]).map((a) => [
        a.id,
        a.title,
      ]),
    );
    for (const a of restored.prepare('select id, title from articles').all() as { id: number; title: string }[])
      assert.equal(sourceTitles.get(a.id), a.title);
    const sourceMedia = path.join(sourceDir, 'media');
    for (const m of restored.prepare('select storage_key, variants from media').all() as {
      storage_key: string;
      variants: string;
    }[]) {
      for (const width of JSON.parse(m.variants) as number[]) {
        for (const ext of ['jpg', 'webp']) {
          const name = `${m.storage_key}-${width}.${ext}`;
          assert.equal(
            sha256(fs.readFileSync(path.join(dataDir, 'media', name))),
            sha256(fs.readFileSync(path.join(sourceMedia, name))),
            name,
          );
        }
      }
    }
  } finally {
    restored.close();
    source.close();
  }
}

describe('warta backup and restore on PostgreSQL', { skip: TEST_ENGINE !== 'postgres' }, () => {
  it(
    'print the pg_dump and pg_restore commands and the files to keep, and back up nothing',
    { timeout: 120_000 },
    async () => {
      const dir = path.join(db.dataDir, 'pg-site');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'cookie-secret'), 'x'.repeat(43));
      const out = path.join(db.dataDir, 'pg-snapshot');
      const backup = await warta(['backup', '--out', out], dir, processDatabaseUrl(db));
      assert.equal(backup.code, 1);
      assert.match(backup.output, /pg_dump --format=custom/);
      assert.match(backup.output, /pg_restore/);
      assert.ok(backup.output.includes(path.join(dir, 'media')), 'names the media folder');
      assert.ok(backup.output.includes(path.join(dir, 'cookie-secret')), 'names the key file');
      assert.equal(fs.existsSync(out), false, 'writes nothing');
      const restore = await warta(['restore', out], dir, processDatabaseUrl(db));
      assert.equal(restore.code, 1);
      assert.match(restore.output, /pg_restore/);
    },
  );
});
