// The in-process page cache: what it keeps, under which key, for how long, what it never keeps,
// and that no client can grow it past its bounds.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { preparePage } from './cached-page.ts';
import { appWithCache, PUBLIC } from './page-cache-test-app.ts';
import { PageStore } from './page-store.ts';

describe('page cache', () => {
  it('reuses a public response until it expires', async () => {
    const { get, advance } = await appWithCache(5, { staleSeconds: 0 });
    const first = await get('/public');
    assert.equal(first.body, 'page 1');
    assert.equal(first.headers['x-cache'], 'miss');
    const second = await get('/public');
    assert.equal(second.body, 'page 1');
    assert.equal(second.headers['x-cache'], 'hit');
    assert.equal(second.headers['content-type'], 'text/html');
    assert.equal(second.headers['cache-control'], PUBLIC);
    assert.equal(second.headers['etag'], first.headers['etag'], 'one ETag per entry');
    assert.equal(second.headers['x-content-type-options'], 'nosniff', 'security headers are stored with it');
    advance(4000);
    assert.equal((await get('/public')).headers['age'], '4');
    advance(1000);
    assert.equal((await get('/public')).body, 'page 2');
  });

  it('keeps an answer no longer than its own shared max-age, fresh or stale', async () => {
    const { get, advance } = await appWithCache(15);
    assert.equal((await get('/short')).body, 'short 1');
    advance(1000);
    assert.equal((await get('/short')).headers['x-cache'], 'hit');
    advance(1000);
    assert.equal((await get('/short')).body, 'short 2', 's-maxage=2 ends it, though the TTL is 15 s');
  });

  it('answers HEAD from the entry a GET stored', async () => {
    const { app, get } = await appWithCache(5);
    await get('/public');
    const head = await app.inject({ method: 'HEAD', url: '/public' });
    assert.equal(head.statusCode, 200);
    assert.equal(head.headers['x-cache'], 'hit');
    assert.equal(head.body, '');
  });

  it('never keeps private, cookie-setting, failed or language-varying responses', async () => {
    const { get, cache } = await appWithCache(5);
    for (const url of ['/private', '/public-private', '/cookie', '/error', '/vary']) {
      const a = await get(url);
      const b = await get(url);
      assert.notEqual(a.body, b.body, url);
    }
    assert.equal(cache.stats().entries, 0);
  });

  it('does nothing when turned off, and its purge and stats still answer', async () => {
    const { get, cache } = await appWithCache(0);
    assert.equal((await get('/public')).body, 'page 1');
    assert.equal((await get('/public')).body, 'page 2');
    assert.deepEqual(cache.stats(), { entries: 0, bytes: 0, hits: 0, misses: 0, coalesced: 0, stale: 0, refreshes: 0 });
    assert.equal(cache.purge('all'), 0);
    cache.close();
  });

  it('never serves a JSON error to a browser, nor an HTML error to a script', async () => {
    const { get } = await appWithCache(5);
    const json = await get('/en/nope', { accept: 'application/json' });
    assert.equal(json.statusCode, 404);
    assert.match(String(json.headers['content-type']), /^application\/json/);
    const html = await get('/en/nope');
    assert.match(String(html.headers['content-type']), /^text\/html/);
    assert.equal(html.headers['x-cache'], 'miss');
    const browser = await get('/en/nope', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    assert.equal(browser.headers['x-cache'], 'hit');
    assert.equal(browser.body, html.body);
    const script = await get('/en/nope', { accept: 'application/json' });
    assert.equal(script.headers['x-cache'], 'hit');
    assert.equal(script.body, json.body);
  });

  it('ignores the Host header: a forged host neither makes a new entry nor misses', async () => {
    const { get, cache } = await appWithCache(5);
    await get('/public', { host: 'evil.example' });
    const real = await get('/public', { host: 'warta.example' });
    assert.equal(real.headers['x-cache'], 'hit');
    assert.equal(cache.stats().entries, 1);
  });

  it('caches only the query parameters a route declares', async () => {
    const { get, cache } = await appWithCache(5);
    await get('/listing?page=2');
    assert.equal((await get('/listing?page=2')).headers['x-cache'], 'hit');
    assert.equal((await get('/listing?page=3')).body, 'listing 2', 'the query string is part of the key');
    for (const url of ['/listing?page=2&x=1', '/public?x=1', '/en/nope?x=1']) {
      assert.equal((await get(url)).headers['x-cache'], undefined, url);
      assert.equal((await get(url)).headers['x-cache'], undefined, url);
    }
    const stored = await get('/public');
    const tagged = await get('/public?utm_source=x');
    assert.equal(tagged.headers['x-cache'], undefined, 'an entry is not served for an unknown query');
    assert.notEqual(tagged.body, stored.body);
    assert.equal((await get('/en/nope')).headers['x-cache'], 'miss', 'a 404 without a query is kept');
    assert.equal(cache.stats().entries, 4);
  });

  it('never caches a URL longer than the limit', async () => {
    const { get, cache } = await appWithCache(5, { maxUrlLength: 100 });
    const url = `/listing?page=${'1'.repeat(100)}`;
    await get(url);
    assert.equal((await get(url)).headers['x-cache'], undefined);
    assert.equal(cache.stats().entries, 0);
  });

  it('bypasses requests with Authorization or a newsroom session cookie, not other cookies', async () => {
    const { get, cache } = await appWithCache(5);
    await get('/public');
    for (const headers of [
      { authorization: 'Bearer x' },
      { cookie: 'a=1; warta_session=abc' },
      { cookie: 'warta_staff=1' },
    ]) {
      const res = await get('/public', headers);
      assert.equal(res.headers['x-cache'], undefined, JSON.stringify(headers));
      assert.notEqual(res.body, 'page 1');
    }
    assert.equal((await get('/public', { cookie: 'warta_voter=x; warta_sessionx=1' })).headers['x-cache'], 'hit');
    await get('/robots.txt', { cookie: 'warta_session=abc' });
    assert.equal(cache.stats().entries, 1, 'a signed-in request stores nothing');
  });

  it('purges an edition with everything site-wide, not the other editions', async () => {
    const { get, cache } = await appWithCache(5);
    const urls = ['/en', '/en/news/1', '/id', '/id/news/2', '/sitemap.xml', '/feeds/en.xml', '/robots.txt'];
    for (const url of urls) await get(url);
    assert.equal(cache.stats().entries, urls.length);
    assert.equal(cache.purge({ editions: ['en'] }), 5);
    for (const url of ['/id', '/id/news/2']) assert.equal((await get(url)).headers['x-cache'], 'hit', url);
    for (const url of ['/en', '/en/news/1', '/sitemap.xml'])
      assert.equal((await get(url)).headers['x-cache'], 'miss', url);
    assert.equal(cache.purge('all'), 5);
    assert.equal(cache.stats().entries, 0);
    assert.equal(cache.stats().bytes, 0);
  });

  it('sweeps expired entries on a timer and on later stores, without their key coming back', async () => {
    const { app, get, cache, advance } = await appWithCache(5, { sweepIntervalMs: 5, staleSeconds: 0 });
    await get('/public');
    await get('/robots.txt');
    assert.equal(cache.stats().entries, 2);
    advance(5000);
    await sleep(30);
    assert.equal(cache.stats().entries, 0);
    assert.equal(cache.stats().bytes, 0);

    await get('/public');
    advance(5000);
    await get('/robots.txt');
    assert.equal(cache.stats().entries, 1, 'storing another key swept the expired one');
    await app.close();
    assert.equal(cache.stats().entries, 0, 'closing the app empties the cache');
  });

  it('stays within its entry and byte bounds under a flood of distinct keys', async () => {
    // 100,000 distinct keys straight into the store, shaped like the attack: long keys, JSON 404s.
    const maxBytes = 8 * 1024 * 1024;
    const store = new PageStore({ maxEntries: 10_000, maxBytes });
    const body = Buffer.from('{"error":{"code":"not_found","message":"There is nothing at this address."}}');
    const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': PUBLIC };
    const page = await preparePage({ status: 404, headers, body, segment: 'en' }, { storedAt: 0, expires: 1e12 });
    for (let i = 0; i < 100_000; i++) {
      const key = `json https://warta.example/en/nope-${i}?q=${'ab'.repeat(1000)}`;
      store.set(key, page, i);
      const { entries, bytes } = store.stats();
      if (entries > 10_000 || bytes > maxBytes)
        assert.fail(`over the bound at ${i}: ${entries} entries, ${bytes} bytes`);
    }
    assert.ok(store.stats().bytes > 2048 * store.stats().entries, 'key bytes are counted');

    // And through the app: a few thousand real requests with unique keys, against small bounds.
    const { get, cache } = await appWithCache(15, { maxEntries: 500, maxBytes: 1024 * 1024 });
    for (let i = 0; i < 3000; i++) {
      await get(`/listing?page=${i}`);
      await get(`/en/nope-${randomBytes(8).toString('hex')}`, { accept: 'application/json' });
      if (i % 100 === 0) await get(`/robots.txt?x=${randomBytes(6 * 1024).toString('hex')}`);
      const { entries, bytes } = cache.stats();
      if (entries > 500 || bytes > 1024 * 1024)
        assert.fail(`over the bound at ${i}: ${entries} entries, ${bytes} bytes`);
    }
    assert.equal(cache.stats().entries, 500);
  });

  it('keeps made-up addresses from pushing real pages out', async () => {
    const { get, cache } = await appWithCache(15, { maxEntries: 200, maxBytes: 1024 * 1024 });
    assert.equal((await get('/listing?page=1')).headers['x-cache'], 'miss');
    assert.equal((await get('/listing?page=1')).headers['x-cache'], 'hit');
    // Ten thousand addresses no one links to: each a 404 the cache may keep, among themselves.
    for (let i = 0; i < 10_000; i++) await get(`/en/nope-${i}-${randomBytes(4).toString('hex')}`);
    assert.ok(cache.stats().entries <= 200);
    assert.equal((await get('/listing?page=1')).headers['x-cache'], 'hit', 'the real page is still kept');
    const again = `/en/nope-again`;
    await get(again);
    assert.equal((await get(again)).headers['x-cache'], 'hit', 'a 404 readers repeat is still kept');
  });
});
