// Our contract with a CDN: the Cache-Control of every route group, the same on the answer that
// filled the page cache, on its hits and on HEAD; what is private or personal is never kept.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { articlePath } from '../src/articles/index.ts';
import { ARCHIVE, DISCOVERY, IMMUTABLE, PUBLIC_PAGE, SHORT } from '../src/core/http/cache.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { makeArticle, makeAuthor, makeCategory, makePage } from './helpers/factories.ts';

let t: TestApp;
let story: string;
let author: string;
let page: string;
before(async () => {
  t = await createTestApp();
  const section = await makeCategory(t.db, { name: 'Harbours', slug: 'harbours' });
  const writer = await makeAuthor(t.db, { name: 'Sari Dewi', slug: 'sari-dewi' });
  const row = await makeArticle(t.db, { category_id: section.id, author_id: writer.id, tags: ['Ferries'] });
  story = articlePath(row);
  author = '/en/author/sari-dewi';
  page = `/en/${(await makePage(t.db, { title: 'About us', slug: 'about-us' })).slug}`;
});
after(() => t.close());

const get = (url: string, method: 'GET' | 'HEAD' = 'GET') => t.app.inject({ method, url });

/** Public, cacheable answers: the value, on the miss, on a hit and on HEAD. */
const CACHED: Array<[string | (() => string), string, number]> = [
  ['/', SHORT, 302],
  ['/en', PUBLIC_PAGE, 200],
  [() => story, PUBLIC_PAGE, 200],
  [() => story.replace(/\/[^/]+$/, ''), PUBLIC_PAGE, 301],
  ['/en/category/harbours', PUBLIC_PAGE, 200],
  ['/en/tag/ferries', PUBLIC_PAGE, 200],
  [() => author, PUBLIC_PAGE, 200],
  ['/en/most-read', PUBLIC_PAGE, 200],
  [() => page, PUBLIC_PAGE, 200],
  ['/en/search?q=ferry', SHORT, 200],
  ['/en/no-such-page', SHORT, 404],
  ['/en/feed.xml', DISCOVERY, 200],
  ['/sitemap.xml', DISCOVERY, 200],
  ['/sitemap-en-articles-1.xml', DISCOVERY, 200],
  ['/sitemap-en-news.xml', DISCOVERY, 200],
  ['/robots.txt', DISCOVERY, 200],
  ['/favicon.svg', 'public, max-age=86400', 200],
];

describe('Cache-Control of every route group', () => {
  it('gives public pages, feeds and redirects their value, identical on the miss, hits and HEAD', async () => {
    for (const [path, value, status] of CACHED) {
      const url = typeof path === 'string' ? path : path();
      const miss = await get(url);
      assert.equal(miss.statusCode, status, url);
      assert.equal(miss.headers['cache-control'], value, `${url} (miss)`);
      // A temporary redirect (/ to the default edition) is left to the CDN, not kept here.
      const isKept = status !== 302;
      assert.equal(miss.headers['x-cache'], isKept ? 'miss' : undefined, `${url} ${miss.statusCode}`);
      const hit = await get(url);
      assert.equal(hit.headers['x-cache'], isKept ? 'hit' : undefined, url);
      assert.equal(hit.headers['cache-control'], value, `${url} (hit)`);
      const head = await get(url, 'HEAD');
      assert.equal(head.headers['cache-control'], value, `${url} (HEAD)`);
      assert.equal(head.body, '', url);
      assert.equal(hit.headers['set-cookie'], undefined, url);
    }
  });

  it('asks shared caches to keep pages longer than browsers, and to serve them stale while refreshing', () => {
    assert.match(PUBLIC_PAGE, /^public, max-age=30, s-maxage=60, stale-while-revalidate=\d+/);
    assert.match(ARCHIVE, /^public, max-age=3600, s-maxage=3600\b/);
  });

  it('marks fingerprinted assets immutable', async () => {
    const asset = [...t.app.ctx.assets.all.keys()][0]!;
    const res = await get(asset);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], IMMUTABLE);
    assert.equal((await get(asset)).headers['x-cache'], 'hit');
  });

  it('keeps health checks, the API beacon, the newsroom and API errors out of every cache', async () => {
    for (const [url, value] of [
      ['/healthz', 'no-store'],
      ['/newsroom/login', 'private, no-store'],
      ['/api/no-such-thing', 'no-store'],
      ['/en/news/ratings/session', 'no-store'],
    ] as const) {
      for (let i = 0; i < 2; i++) {
        const res = await get(url);
        assert.equal(res.headers['cache-control'], value, url);
        assert.equal(res.headers['x-cache'], undefined, url);
      }
    }
    // issue 11: the public API's reads are cached as reader pages are (src/api/visibility.ts).
    assert.equal((await get('/api/v1/editions')).headers['cache-control'], PUBLIC_PAGE);
  });

  it('sends no Surrogate-Key without a CDN to purge', async () => {
    assert.equal((await get('/en')).headers['surrogate-key'], undefined);
  });
});
