// A page that a scheduled story will change is never kept past the story's minute: not in
// process, not by a CDN (s-maxage), not by a browser (max-age). The times are loaded on start,
// after purges and when a known minute passes, not per request.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { limitFreshness } from './cache.ts';
import { appWithCache } from './page-cache-test-app.ts';
import type { ScheduledChange } from './scheduled-changes.ts';

const START = new Date('2026-01-01T00:00:00Z').getTime();
const LONG = 'public, max-age=300, s-maxage=600, stale-while-revalidate=30';

/** An app whose /en, /id and /sitemap.xml say LONG, with a scheduled change source the test controls. */
async function scheduledApp(changes: () => readonly ScheduledChange[] | Promise<readonly ScheduledChange[]>) {
  const t = await appWithCache(15);
  let loads = 0;
  t.app.get('/en/long', async (_req, reply) => reply.header('cache-control', LONG).send(`en ${++t.counts.renders}`));
  t.app.get('/id/long', async (_req, reply) => reply.header('cache-control', LONG).send(`id ${++t.counts.renders}`));
  t.app.get('/site.xml', async (_req, reply) => reply.header('cache-control', LONG).send(`site ${++t.counts.renders}`));
  t.app.get('/asset', async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=31536000, immutable').send('asset'),
  );
  t.cache.trackScheduledChanges(async () => {
    loads++;
    return changes();
  });
  await t.app.ready();
  return { ...t, loads: () => loads };
}

describe('scheduled changes and the caches', () => {
  it('caps max-age and s-maxage at the next scheduled minute of the edition and of site-wide files', async () => {
    const t = await scheduledApp(() => [{ edition: 'en', at: new Date(START + 90_000) }]);
    assert.equal((await t.get('/en/long')).headers['cache-control'], limitFreshness(LONG, 90));
    assert.equal((await t.get('/site.xml')).headers['cache-control'], limitFreshness(LONG, 90));
    assert.equal((await t.get('/id/long')).headers['cache-control'], LONG, 'another edition is not capped');
    assert.equal((await t.get('/asset')).headers['cache-control'], 'public, max-age=31536000, immutable');
    t.advance(60_000);
    const hit = await t.get('/en/long');
    assert.equal(hit.headers['x-cache'], 'miss', 'the 15 s in-process entry expired');
    assert.match(String(hit.headers['cache-control']), /max-age=30, s-maxage=30$/);
  });

  it('drops the in-process entry at the minute and learns the next one, loading once', async () => {
    let changes: ScheduledChange[] = [{ edition: 'en', at: new Date(START + 10_000) }];
    const t = await scheduledApp(() => changes);
    assert.equal(t.loads(), 1);
    await t.get('/en/long');
    t.advance(9_000);
    assert.equal((await t.get('/en/long')).headers['x-cache'], 'hit');
    assert.equal((await t.get('/en/long')).headers['age'], '9');
    for (let i = 0; i < 20; i++) await t.get('/id/long');
    assert.equal(t.loads(), 1, 'not loaded per request');
    // The story is due: the page is rendered anew, and the next story's time is loaded.
    changes = [{ edition: 'en', at: new Date(START + 70_000) }];
    t.advance(1_000);
    const due = await t.get('/en/long');
    assert.equal(due.headers['x-cache'], 'miss');
    assert.equal(due.body, `en ${t.counts.renders}`);
    assert.equal(t.loads(), 2);
    assert.equal(due.headers['cache-control'], limitFreshness(LONG, 60));
  });

  it('loads the times again after every purge', async () => {
    let changes: ScheduledChange[] = [];
    const t = await scheduledApp(() => changes);
    assert.equal((await t.get('/en/long')).headers['cache-control'], LONG);
    changes = [{ edition: 'en', at: new Date(START + 42_000) }];
    t.cache.purge({ editions: ['en'] });
    assert.equal((await t.get('/en/long')).headers['cache-control'], limitFreshness(LONG, 42));
    assert.equal(t.loads(), 2);
  });

  it('keeps nothing while the times cannot be loaded', async () => {
    let isDown = true;
    const t = await scheduledApp(() => {
      if (isDown) throw new Error('database is down');
      return [];
    });
    const res = await t.get('/en/long');
    assert.equal(res.headers['x-cache'], undefined);
    assert.equal(res.headers['cache-control'], limitFreshness(LONG, 0));
    isDown = false;
    t.advance(5_000);
    assert.equal((await t.get('/en/long')).headers['cache-control'], LONG, 'loaded again after a while');
  });
});

describe('limitFreshness', () => {
  it('lowers max-age and s-maxage only, never raises them', () => {
    assert.equal(limitFreshness(LONG, 120), 'public, max-age=120, s-maxage=120');
    assert.equal(limitFreshness(LONG, 300), 'public, max-age=300, s-maxage=300', 'capped: no stale serving past it');
    assert.equal(limitFreshness(LONG, 600), LONG, 'no cap, nothing dropped');
    assert.equal(
      limitFreshness('public, max-age=60, stale-while-revalidate=30, stale-if-error=86400', 10),
      'public, max-age=10, stale-if-error=86400',
    );
    assert.equal(limitFreshness('public, max-age=30', 120), 'public, max-age=30');
  });
});
