// A scheduled story appears at its minute with every cache on: the page cache keeps no page of
// its edition past that minute, and tells CDNs and browsers not to either, with no job or purge
// running at the minute itself.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { articlePath } from '../src/articles/index.ts';
import { PUBLIC_PAGE } from '../src/core/http/cache.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { makeArticle } from './helpers/factories.ts';

let t: TestApp;
// Whole seconds, so the expected max-age is exact.
const now = new Date(Math.floor(Date.now() / 1000) * 1000);
const at = new Date(now.getTime() + 20_000);
let storyUrl: string;
before(async () => {
  t = await createTestApp();
  t.setNow(now);
  await makeArticle(t.db, { title: 'Harbour festival opens', edition: 'en' });
  await makeArticle(t.db, { title: 'Festival pelabuhan', edition: 'id' });
  const scheduled = await makeArticle(t.db, { title: 'Tide tables for the new year', published_at: at.toISOString() });
  storyUrl = articlePath(scheduled);
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('a scheduled story with the caches on', () => {
  it('caps max-age and s-maxage of its edition’s pages and the site-wide files at its minute', async () => {
    for (const url of ['/en', '/en/feed.xml', '/sitemap.xml', storyUrl]) {
      const res = await get(url);
      assert.match(String(res.headers['cache-control']), /\bmax-age=20, s-maxage=20\b/, url);
    }
    assert.equal((await get('/id')).headers['cache-control'], PUBLIC_PAGE, 'another edition is not capped');
  });

  it('shows it at its minute: the cached pages expire then, without a purge', async () => {
    const before = await get('/en');
    assert.ok(!before.body.includes('Tide tables'), 'not yet');
    assert.equal((await get(storyUrl)).statusCode, 404);
    // Stored 3 s before the minute: the 5 s it would be kept are cut to 3.
    t.setNow(new Date(at.getTime() - 3000));
    await get('/en');
    await get('/id');
    t.setNow(new Date(at.getTime() - 1000));
    assert.equal((await get('/en')).headers['x-cache'], 'hit', 'still cached a second before');
    t.setNow(at);
    assert.equal((await get('/id')).headers['x-cache'], 'hit', 'another edition stays cached');
    const due = await get('/en');
    assert.equal(due.headers['x-cache'], 'miss');
    assert.ok(due.body.includes('Tide tables for the new year'), 'on the home page at its minute');
    assert.equal((await get(storyUrl)).statusCode, 200);
    assert.equal(due.headers['cache-control'], PUBLIC_PAGE, 'nothing else is scheduled');
  });
});
