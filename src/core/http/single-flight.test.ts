// Concurrent misses for one page wait for one render, within bounds: a failed or unstorable
// first render, too many waiters, or a render that takes too long send them to render themselves.
import assert from 'node:assert/strict';
import { setImmediate as tick } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { appWithCache } from './page-cache-test-app.ts';

/** Waits (a bounded number of event-loop turns) until `done()` holds. */
async function until(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 10_000 && !done(); i++) await tick();
  assert.ok(done(), `gave up waiting for ${what}`);
  // Let the cache's own hooks, queued behind the counting hook, run too.
  for (let i = 0; i < 5; i++) await tick();
}

describe('single flight', () => {
  it('renders a busy page once for every concurrent miss', async () => {
    const t = await appWithCache(5);
    const slow = t.holdSlowRenders();
    const answers = Array.from({ length: 20 }, () => t.app.inject({ url: '/slow' }));
    await until(() => t.counts.fastifyRequests === 20, 'all requests to arrive');
    assert.equal(t.counts.renders, 1, 'the others wait instead of rendering');
    slow.open();
    const results = await Promise.all(answers);
    assert.equal(t.counts.renders, 1);
    assert.deepEqual(new Set(results.map((r) => r.body)), new Set(['slow 1']));
    assert.equal(results.filter((r) => r.headers['x-cache'] === 'miss').length, 1);
    assert.equal(results.filter((r) => r.headers['x-cache'] === 'hit').length, 19);
    const stats = t.cache.stats();
    assert.equal(stats.coalesced, 19);
    assert.equal(stats.misses, 1);
  });

  it('lets the waiters render themselves when the first render is not storable', async () => {
    const t = await appWithCache(5);
    const slow = t.holdSlowRenders();
    const answers = Array.from({ length: 5 }, () => t.app.inject({ url: '/slow-fail' }));
    await until(() => t.counts.fastifyRequests === 5, 'all requests to arrive');
    slow.open();
    const results = await Promise.all(answers);
    assert.deepEqual(
      results.map((r) => r.statusCode).sort(),
      [200, 200, 200, 200, 500],
      'the failure is not handed to the others',
    );
    assert.equal(t.counts.renders, 5);
  });

  it('bounds the waiters: past the limit, requests render themselves', async () => {
    const t = await appWithCache(5, { maxWaiters: 3 });
    const slow = t.holdSlowRenders();
    const answers = Array.from({ length: 10 }, () => t.app.inject({ url: '/slow' }));
    await until(() => t.counts.fastifyRequests === 10, 'all requests to arrive');
    assert.equal(t.counts.renders, 7, 'one render, three waiters, six on their own');
    slow.open();
    await Promise.all(answers);
    assert.equal(t.cache.stats().coalesced, 3);
  });

  it('stops waiting after the timeout and renders', async () => {
    const t = await appWithCache(5, { waitTimeoutMs: 20 });
    const slow = t.holdSlowRenders();
    const answers = Array.from({ length: 4 }, () => t.app.inject({ url: '/slow' }));
    await until(() => t.counts.renders === 4, 'the waiters to give up and render');
    slow.open();
    const results = await Promise.all(answers);
    assert.ok(results.every((r) => r.statusCode === 200));
  });

  it('neither stores nor hands out a render that began before a purge', async () => {
    const t = await appWithCache(5);
    const slow = t.holdSlowRenders();
    const first = t.app.inject({ url: '/slow' });
    await until(() => t.counts.renders === 1, 'the render to start');
    const waiter = t.app.inject({ url: '/slow' });
    await until(() => t.counts.fastifyRequests === 2, 'the waiter to arrive');
    t.cache.purge('all');
    slow.open();
    const [a, b] = await Promise.all([first, waiter]);
    assert.equal(a.body, 'slow 1');
    assert.equal(a.headers['x-cache'], undefined, 'not stored');
    assert.equal(b.body, 'slow 2', 'the waiter rendered after the purge');
    assert.equal(t.cache.stats().entries, 1, 'the render begun after the purge is kept');
  });

  it('serves HEAD requests from a running GET render', async () => {
    const t = await appWithCache(5);
    const slow = t.holdSlowRenders();
    const get = t.app.inject({ url: '/slow' });
    await until(() => t.counts.renders === 1, 'the render to start');
    const head = t.app.inject({ method: 'HEAD', url: '/slow' });
    await until(() => t.counts.fastifyRequests === 2, 'the HEAD to arrive');
    slow.open();
    const [, headAnswer] = await Promise.all([get, head]);
    assert.equal(headAnswer.headers['x-cache'], 'hit');
    assert.equal(headAnswer.body, '');
    assert.equal(t.counts.renders, 1);
  });
});
