// Exact counts under load: a real server on 127.0.0.1 taking beacons over 200 concurrent
// connections, with repeats, bots, HEAD and prefetches mixed in and batches flushing meanwhile.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { isbot } from 'isbot';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle } from '../../test/helpers/factories.ts';

const CONNECTIONS = 200;
const READERS = 200;
const START_HITS = 1000;

interface Answer {
  status: number;
  body: string;
  setCookie: string | undefined;
}

let t: TestApp;
let port: number;
let agent: http.Agent;
let peakConnections = 0;

before(async () => {
  // A small batch size, so that flushes run while beacons keep arriving. Every simulated reader
  // connects from 127.0.0.1, so the per-address cap (tested in address-cap.test.ts) is lifted.
  t = await createTestApp({ WARTA_READS_FLUSH_SIZE: '25', WARTA_READS_PER_ADDRESS: '1000000' });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  port = (t.app.server.address() as AddressInfo).port;
  let open = 0;
  t.app.server.on('connection', (socket) => {
    open++;
    peakConnections = Math.max(peakConnections, open);
    socket.on('close', () => open--);
  });
  agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
});
after(async () => {
  agent.destroy();
  await t.close();
});

/** One request over the shared pool of connections, given up after 30 s. */
function send(method: string, path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, method, path, headers, agent, timeout: 30_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            setCookie: response.headers['set-cookie']?.[0]?.split(';')[0],
          }),
        );
      },
    );
    request.on('timeout', () => request.destroy(new Error(`${method} ${path} timed out`)));
    request.on('error', reject);
    request.end();
  });
}

/** Reader n's browser: a real-looking User-Agent of its own (the fallback identity is address + browser). */
const browser = (n: number) => `Mozilla/5.0 (X11; Linux x86_64; rv:${100 + n}.0) Gecko/20100101 Firefox/${100 + n}.0`;

async function storedHits(ids: readonly number[]): Promise<number[]> {
  const rows = await t.db
    .selectFrom('articles')
    .select(['id', 'hit_count'])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
  return rows.map((r) => Number(r.hit_count));
}

describe('read counts under 200 concurrent connections', () => {
  it('stores exactly the counted reads, no more and no fewer', { timeout: 180_000 }, async () => {
    assert.equal(isbot(browser(0)), false);
    const articles = await Promise.all([1, 2, 3, 4].map(() => makeArticle(t.db, { hit_count: START_HITS })));
    const ids = articles.map((a) => a.id);
    const [a1, a2, a3, a4] = ids as [number, number, number, number];

    const bot = { 'user-agent': 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)' };
    type Sent = Answer & { reader: number; kind: string };
    const json = (a: Answer) => JSON.parse(a.body) as { counted: boolean };

    // Round 1, first visits without a cookie: each reader opens story 1 and reloads it at once
    // (known by address + browser), while crawlers and prefetches hit the beacon too.
    const round1: Promise<Sent>[] = [];
    for (let r = 0; r < READERS; r++) {
      const ua = { 'user-agent': browser(r) };
      const go = (kind: string, method: string, path: string, headers: Record<string, string>) =>
        round1.push(send(method, path, headers).then((a) => ({ ...a, reader: r, kind })));
      go('read', 'POST', `/api/reads/${a1}`, ua);
      go('read', 'POST', `/api/reads/${a1}`, ua);
      if (r % 2 === 0) go('bot', 'POST', `/api/reads/${a1}`, bot);
      if (r % 4 === 1) go('prefetch', 'POST', `/api/reads/${a1}`, { ...ua, 'sec-purpose': 'prefetch;prerender' });
    }
    const answers1 = await Promise.all(round1);
    assert.ok(
      answers1.every((a) => a.status === 200),
      'every request answered 200',
    );
    const cookies = new Map<number, string>();
    for (const a of answers1) if (a.setCookie && a.kind === 'read') cookies.set(a.reader, a.setCookie);
    assert.equal(cookies.size, READERS, 'every reader has a cookie');

    // Round 2, with the cookie: stories 2 and 4 by script (story 2 twice at once), story 3 by the
    // no-script image (and a HEAD of it), a reload of story 1; crawlers and prefetches again.
    const round2: Promise<Sent>[] = [];
    for (const [r, cookie] of cookies) {
      const ua = { 'user-agent': browser(r), cookie };
      const go = (kind: string, method: string, path: string, headers: Record<string, string>) =>
        round2.push(send(method, path, headers).then((a) => ({ ...a, reader: r, kind })));
      go('read', 'POST', `/api/reads/${a2}`, ua);
      go('read', 'POST', `/api/reads/${a2}`, ua);
      go('read', 'GET', `/api/reads/${a3}.gif`, ua);
      go('head', 'HEAD', `/api/reads/${a3}.gif`, ua);
      go('read', 'POST', `/api/reads/${a4}`, ua);
      go('reload', 'POST', `/api/reads/${a1}`, ua);
      if (r % 2 === 1) go('bot', 'POST', `/api/reads/${a4}`, bot);
      if (r % 4 === 2) go('prefetch', 'POST', `/api/reads/${a4}`, { ...ua, purpose: 'prefetch' });
    }
    const answers2 = await Promise.all(round2);
    assert.ok(
      answers2.every((a) => a.status === 200),
      'every request answered 200',
    );
    assert.equal(peakConnections, CONNECTIONS, 'the server held 200 connections at once');
    const all = [...answers1, ...answers2];
    assert.ok(
      all.filter((a) => ['bot', 'prefetch', 'reload'].includes(a.kind)).every((a) => !json(a).counted),
      'crawlers, prefetches and reloads are answered, not counted',
    );
    const countedByScript = all.filter((a) => a.kind === 'read' && a.body.startsWith('{') && json(a).counted);
    assert.equal(countedByScript.length, 3 * READERS, 'stories 1, 2 and 4 once per reader');

    await t.app.readCounter.flush();
    assert.equal(t.app.readCounter.pendingTotal, 0);
    assert.deepEqual(
      await storedHits(ids),
      ids.map(() => START_HITS + READERS),
    );
    const daily = await t.db
      .selectFrom('article_reads_daily')
      .select((eb) => eb.fn.sum<number>('reads').as('total'))
      .where('article_id', 'in', ids)
      .executeTakeFirstOrThrow();
    assert.equal(Number(daily.total), 4 * READERS);
  });
});
