// Two `warta serve` processes on one database (PostgreSQL under test:pg, one SQLite file
// otherwise) behind nginx, round-robin on loopback: a change made elsewhere reaches both nodes'
// page caches without a restart (LISTEN/NOTIFY; the outbox poll on SQLite), and restarting the
// nodes one after the other under a crowd of readers and voters loses no read and no vote.
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { pagePath, updatePage } from '../src/pages/index.ts';
import { seedBase } from '../seed/editions.ts';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from './helpers/database.ts';
import { makeArticle, makePage } from './helpers/factories.ts';
import { findNginx, startBalancer, type Balancer } from './helpers/nginx.ts';
import { assertEveryAnswerStored, startReaderLoad } from './helpers/reader-load.ts';
import { killLeftovers, startListening, type ServeProcess } from './helpers/serve-process.ts';
import { writerFor } from './helpers/writer.ts';

const NGINX = findNginx();
const IS_CI = process.env.CI === 'true' || process.env.CI === '1';
/** The longest page cache allowed: only an event can make a change show before it expires. */
const PAGE_CACHE_SECONDS = 15;

const NODE_ENV = {
  WARTA_TRUST_PROXY: '127.0.0.1',
  WARTA_PAGE_CACHE_SECONDS: String(PAGE_CACHE_SECONDS),
};

let db: TestDatabase;
const nodes: { server: ServeProcess; port: number }[] = [];
let balancer: Balancer | undefined;

before(async () => {
  // Under CI every part is required (scripts/test.mjs): a missing nginx fails instead of skipping.
  if (!NGINX && IS_CI) throw new Error('nginx is required under CI (Debian: apt-get install nginx-light)');
  if (!NGINX) return;
  db = await createTestDatabase();
  await seedBase(writerFor(db.db.kysely));
  nodes.push(...(await Promise.all(['a', 'b'].map((name) => startListening(db, { name, env: NODE_ENV })))));
  balancer = await startBalancer(
    NGINX,
    nodes.map((n) => n.port),
  );
});

after(async () => {
  await balancer?.stop();
  await Promise.all(nodes.map((n) => n.server.stop()));
  killLeftovers();
  await db?.cleanup();
});

/** GET through nginx: status, body, which node answered and whether from its page cache. */
async function get(path: string) {
  const response = await fetch(`${balancer!.baseUrl}${path}`);
  return {
    status: response.status,
    body: await response.text(),
    node: response.headers.get('x-upstream') ?? '',
    cache: response.headers.get('x-cache'),
  };
}

const skip = NGINX ? false : 'nginx is not installed (Debian: apt-get install nginx-light)';

describe('two app processes behind nginx', { skip }, () => {
  it(`show a change made elsewhere on both nodes, without a restart (${TEST_ENGINE === 'postgres' ? 'NOTIFY' : 'outbox poll'})`, async (t) => {
    // A page of the page tree: its rendering depends on nothing but the page itself.
    const page = await makePage(db.db.kysely, { title: 'Harbour office hours' });
    const path = pagePath(page.edition, page.path);
    // Both nodes hold the page in their caches: a purge, not an expiry, must bring the change.
    const primedAt = Date.now();
    const cached = new Set<string>();
    for (let i = 0; i < 40 && cached.size < 2; i++) {
      const answer = await get(path);
      assert.equal(answer.status, 200);
      if (answer.cache === 'hit') cached.add(answer.node);
    }
    assert.equal(cached.size, 2, 'both nodes serve the page from their caches');

    const changedAt = Date.now();
    await updatePage(writerFor(db.db.kysely), page.id, { title: 'Harbour opening times' });
    // Polled until each node shows the new title, no longer than the cached copies would live.
    const deadline = primedAt + PAGE_CACHE_SECONDS * 1000 - 500;
    const seenAt = new Map<string, number>();
    while (seenAt.size < 2 && Date.now() < deadline) {
      const answer = await get(path);
      if (answer.body.includes('Harbour opening times') && !seenAt.has(answer.node))
        seenAt.set(answer.node, Date.now());
      await delay(25);
    }
    for (const [node, at] of seenAt) t.diagnostic(`change visible on ${node} after ${at - changedAt} ms`);
    assert.equal(seenAt.size, 2, 'the change shows on both nodes before their cached copies expire');
  });

  it(
    'lose no counted read and no vote when restarted one after the other under load',
    { timeout: 400_000 },
    async (t) => {
      const kysely = db.db.kysely;
      const article = await makeArticle(kysely, { title: 'Ferry strike ends' });
      let isRestarting = true;
      const load = startReaderLoad({
        baseUrl: balancer!.baseUrl,
        articleId: article.id,
        edition: article.edition,
        isWanted: () => isRestarting,
        // Caps that a paced crowd takes longer to reach than two restarts take.
        maxEach: 1000,
      });
      await delay(1500); // the crowd is there before the first node stops
      for (const [i, node] of nodes.entries()) {
        const sentBefore = load.progress.sent;
        // A stopping node finishes its requests and writes its counts; nginx sends new ones to the other.
        assert.equal(await node.server.stop('SIGTERM'), 0, `node ${i} stops cleanly`);
        assert.deepEqual(
          node.server.problems().filter((line) => /"level":(50|60)/.test(line)),
          [],
        );
        nodes[i] = await startListening(db, { name: `restarted-${i}`, env: { ...NODE_ENV, PORT: String(node.port) } });
        assert.ok(load.progress.sent > sentBefore, `readers kept coming while node ${i} restarted`);
      }
      isRestarting = false;
      const result = await load.done;
      t.diagnostic(`load: ${JSON.stringify(result)}`);
      // Stopping writes the last read counts; then the database holds everything accepted.
      for (const node of nodes) assert.equal(await node.server.stop('SIGTERM'), 0);
      await assertEveryAnswerStored(kysely, article.id, result);
    },
  );
});
