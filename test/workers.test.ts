// `warta serve --workers 2` on a test database (one SQLite file, or PostgreSQL under test:pg):
// both workers serve one port, /metrics adds up both, a worker that dies is replaced, SIGHUP
// replaces the workers one at a time under a crowd of readers and voters without losing a read
// or a vote, and SIGTERM stops them all cleanly.
import assert from 'node:assert/strict';
import http from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { seedBase } from '../seed/editions.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';
import { makeArticle } from './helpers/factories.ts';
import { assertEveryAnswerStored, startReaderLoad } from './helpers/reader-load.ts';
import { killLeftovers, startServe, type ServeProcess } from './helpers/serve-process.ts';
import { writerFor } from './helpers/writer.ts';

let db: TestDatabase;
let primary: ServeProcess;
let baseUrl: string;

before(async () => {
  db = await createTestDatabase();
  await seedBase(writerFor(db.db.kysely));
  primary = startServe(db, {
    name: 'cluster',
    args: ['--workers', '2'],
    // The test's requests come from 127.0.0.1 and name their readers in X-Forwarded-For.
    env: { WARTA_TRUST_PROXY: '127.0.0.1', WARTA_METRICS: '1' },
  });
  const ready = await primary.waitFor(/Warta is ready: open http:\/\/localhost:(\d+)\//);
  baseUrl = `http://127.0.0.1:${ready[1]}`;
  // The primary says ready when both workers listen; each worker's own line may come a moment later.
  await primary.waitFor(/"msg":"worker ready"[\s\S]*"msg":"worker ready"/);
});

after(async () => {
  await primary?.stop();
  killLeftovers();
  await db.cleanup();
});

/** GET on a connection of its own (fetch keeps one open, and a connection stays with one worker). */
function statusOf(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

/** The pids of the workers that have said they are ready, in order. */
const readyWorkers = () =>
  primary
    .records()
    .filter((r) => r.msg === 'worker ready')
    .map((r) => Number(r.pid));

describe('warta serve --workers 2', () => {
  it('serves from both workers on one port, and /metrics adds both up', async () => {
    assert.equal(new Set(readyWorkers()).size, 2);
    // Each a different URL the app must answer itself (never from a cache), and logs.
    for (let i = 0; i < 20; i++) assert.equal(await statusOf(`${baseUrl}/api/no-such-thing-${i}`), 404);
    const answeredBy = new Set(
      primary
        .records()
        .filter((r) => r.msg === 'request completed' && /^\/api\/no-such-thing-/.test((r.req as { path: string }).path))
        .map((r) => r.pid),
    );
    assert.equal(answeredBy.size, 2, 'both workers answered');

    const ready = await fetch(`${baseUrl}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready', database: 'ok', migrations: 'current' });

    const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
    const notFound = /^warta_http_requests_total\{group="api",status="4xx"\} (\d+)$/m.exec(metrics);
    assert.ok(notFound, metrics.slice(0, 2000));
    assert.equal(Number(notFound[1]), 20, 'the count covers the requests both workers answered');
  });

  it('starts another worker when one dies', { timeout: 180_000 }, async () => {
    const [victim] = readyWorkers();
    const from = primary.output().length;
    process.kill(victim!, 'SIGKILL');
    await primary.waitFor(/"msg":"worker died; starting another"/, { from });
    await primary.waitFor(/"msg":"worker ready"/, { from });
    assert.equal((await fetch(`${baseUrl}/healthz`)).status, 200);
  });

  it('replaces the workers one at a time on SIGHUP, losing no read and no vote', { timeout: 400_000 }, async (t) => {
    const kysely = db.db.kysely;
    const article = await makeArticle(kysely, { title: 'Night ferry resumes' });
    const before = new Set(readyWorkers());
    let isRestarting = true;
    const load = startReaderLoad({
      baseUrl,
      articleId: article.id,
      edition: article.edition,
      isWanted: () => isRestarting,
      maxEach: 1000,
    });
    await delay(1500);
    const from = primary.output().length;
    const sentBefore = load.progress.sent;
    primary.child.kill('SIGHUP');
    await primary.waitFor(/"msg":"rolling restart done"/, { from });
    assert.ok(load.progress.sent > sentBefore, 'readers kept coming during the rolling restart');
    isRestarting = false;
    const result = await load.done;
    t.diagnostic(`load: ${JSON.stringify(result)}`);
    const now = readyWorkers().slice(-2);
    assert.ok(
      now.every((pid) => !before.has(pid)),
      'both workers are new',
    );

    // SIGTERM: every worker finishes its requests and writes its read counts, then all exit.
    assert.equal(await primary.stop('SIGTERM'), 0);
    assert.deepEqual(
      primary.problems().filter((line) => /"level":(50|60)/.test(line) && !line.includes('worker died')),
      [],
    );
    await assertEveryAnswerStored(kysely, article.id, result);
  });
});
