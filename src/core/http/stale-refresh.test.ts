// Stale-while-revalidate in the page cache: a page that expired a moment ago is answered at once
// while one background render replaces it; a purged page and a page past a scheduled story's
// minute are never served stale, and a failing refresh keeps the stale page only within its bound.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { appWithCache } from './page-cache-test-app.ts';
import { REFRESH_HEADER } from './stale-refresh.ts';

/** Waits (bounded: at most 2,000 tries a millisecond apart) until `done()` holds. */
async function until(done: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (await done()) return;
    await sleep(1);
  }
  assert.fail(`gave up waiting for ${what}`);
}

describe('stale while revalidate', () => {
  it('answers every request with the stale page at once while one refresh renders, then the new one', async () => {
    const t = await appWithCache(5);
    t.holdSlowRenders().open();
    assert.equal((await t.get('/slow')).body, 'slow 1');
    const slow = t.holdSlowRenders();
    t.advance(6000);
    // The refresh stays held at the gate while all of these are answered.
    const answers = await Promise.all(Array.from({ length: 20 }, () => t.get('/slow')));
    for (const res of answers) {
      assert.equal(res.body, 'slow 1');
      assert.equal(res.headers['x-cache'], 'stale');
      assert.equal(res.headers['age'], '6');
    }
    assert.equal(t.counts.renders, 2, 'one background render for all twenty');
    assert.equal(t.cache.stats().stale, 20);
    assert.equal(t.cache.stats().refreshes, 1);
    assert.equal(t.cache.stats().misses, 1, 'the refresh is not a miss');
    slow.open();
    await until(async () => (await t.get('/slow')).body === 'slow 2', 'the refreshed page');
    const fresh = await t.get('/slow');
    assert.equal(fresh.body, 'slow 2');
    assert.equal(fresh.headers['x-cache'], 'hit');
    assert.equal(fresh.headers['age'], '0');
    assert.equal(t.counts.renders, 2);
  });

  it('serves stale pages on the server’s own fast path too, before Fastify runs', async () => {
    const t = await appWithCache(5);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/public`;
      assert.equal(await (await fetch(url)).text(), 'page 1');
      t.advance(7000);
      const before = t.counts.fastifyRequests;
      const stale = await fetch(url);
      assert.equal(await stale.text(), 'page 1');
      assert.equal(stale.headers.get('x-cache'), 'stale');
      await until(() => t.counts.renders === 2, 'the background render');
      assert.equal(t.counts.fastifyRequests, before + 1, 'only the refresh went through Fastify');
      await until(() => t.cache.stats().refreshes === 1 && t.cache.stats().entries === 1, 'the refresh');
      await until(async () => (await (await fetch(url)).text()) === 'page 2', 'the refreshed page on the fast path');
    } finally {
      await t.app.close();
    }
  });

  it('never serves stale past its bound: then a request renders as on any miss', async () => {
    const t = await appWithCache(5, { staleSeconds: 2 });
    await t.get('/public');
    t.advance(7000);
    const res = await t.get('/public');
    assert.equal(res.headers['x-cache'], 'miss');
    assert.equal(res.body, 'page 2');
  });

  it('never serves a purged page stale, nor stores a refresh that a purge overtook', async () => {
    const t = await appWithCache(5);
    t.holdSlowRenders().open();
    await t.get('/slow');
    await t.get('/public');
    t.advance(6000);
    assert.equal(t.cache.purge('all'), 2);
    const purged = await t.get('/public');
    assert.equal(purged.headers['x-cache'], 'miss');
    assert.equal(purged.body, 'page 3');

    // A refresh under way when the purge comes stores nothing: its page may show the old content.
    await t.get('/slow'); // a miss, as the purge dropped it
    const slow = t.holdSlowRenders();
    t.advance(6000);
    const renders = t.counts.renders;
    assert.equal((await t.get('/slow')).headers['x-cache'], 'stale');
    await until(() => t.counts.renders === renders + 1, 'the refresh to start');
    t.cache.purge({ editions: ['en'] });
    slow.open();
    // Waits for the refresh if it still runs: had it stored its page, this would be a hit.
    const after = await t.get('/slow');
    assert.equal(after.headers['x-cache'], 'miss', 'neither the stale page nor the overtaken refresh');
    assert.equal(t.cache.stats().stale, 1, 'only the page stored after the purge was ever stale');
  });

  it('never serves a page stale past a scheduled story’s minute', async () => {
    const t = await appWithCache(5);
    const start = t.now().getTime();
    const changes = [
      { edition: 'en', at: new Date(start + 7000) },
      { edition: 'id', at: new Date(start + 3000) },
    ];
    t.cache.trackScheduledChanges(async (now) => changes.filter((c) => c.at > now));
    await t.app.ready();
    await t.get('/en');
    await t.get('/id');
    t.setNow(new Date(start + 3000));
    // /id's freshness was cut at its own minute, so it has no stale time either.
    assert.equal((await t.get('/id')).headers['x-cache'], 'miss');
    t.setNow(new Date(start + 6000));
    assert.equal((await t.get('/en')).headers['x-cache'], 'stale', 'before the minute it may be');
    await until(() => t.cache.stats().refreshes === 1, 'the refresh');
    t.setNow(new Date(start + 7000));
    const due = await t.get('/en');
    assert.equal(due.headers['x-cache'], 'miss', 'at the minute the page is rendered again');
  });

  it('keeps serving the stale page while refreshes fail, retrying a second later, and not past the bound', async () => {
    const t = await appWithCache(5);
    assert.equal((await t.get('/flaky')).body, 'flaky 1');
    t.setFailing(true);
    t.advance(6000);
    assert.equal((await t.get('/flaky')).body, 'flaky 1');
    await until(() => t.counts.renders === 2, 'the failing refresh');
    t.advance(500);
    for (let i = 0; i < 20; i++) {
      const retried = await t.get('/flaky');
      assert.equal(retried.body, 'flaky 1', 'still the stale page, not the error');
      assert.equal(retried.headers['x-cache'], 'stale');
      await sleep(1);
    }
    assert.equal(t.counts.renders, 2, 'no new refresh within a second of the failure');
    t.advance(1000);
    // Each stale answer may start the retry, once the failed refresh has ended.
    await until(async () => (await t.get('/flaky')).body === 'flaky 1' && t.counts.renders === 3, 'the retry');
    t.advance(3000); // 10.5 s after it was stored: past the stale bound
    const failed = await t.get('/flaky');
    assert.equal(failed.statusCode, 500, 'past the bound the error shows');
    assert.equal(failed.headers['x-cache'], undefined);
  });

  it('refreshes a JSON answer as JSON', async () => {
    const t = await appWithCache(5);
    const json = { accept: 'application/json' };
    const first = await t.get('/en/nope', json);
    t.advance(6000);
    assert.equal((await t.get('/en/nope', json)).headers['x-cache'], 'stale');
    await until(() => t.cache.stats().refreshes === 1, 'the refresh');
    await until(async () => (await t.get('/en/nope', json)).headers['age'] === '0', 'the refreshed entry');
    const refreshed = await t.get('/en/nope', json);
    assert.match(String(refreshed.headers['content-type']), /^application\/json/);
    assert.equal(refreshed.body, first.body);
  });

  it('ignores a refresh header that is not this process’s secret', async () => {
    const t = await appWithCache(5);
    await t.get('/public');
    const res = await t.get('/public', { [REFRESH_HEADER]: 'guess' });
    assert.equal(res.headers['x-cache'], 'hit');
    assert.equal(t.counts.renders, 1);
  });
});
