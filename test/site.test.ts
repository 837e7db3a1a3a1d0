// Rules every reader page keeps: head tags, languages and direction, navigation, cache and
// security headers, assets and media. Runs on the demo site, as a reader first sees it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemo } from '../seed/demo/index.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { writerFor } from './helpers/writer.ts';

let t: TestApp;
let articleUrl: string;
let arArticleUrl: string;
before(async () => {
  t = await createTestApp();
  await seedDemo(writerFor(t.db), { dataDir: t.testDb.dataDir, timezone: 'Asia/Jakarta', now: new Date() });
  const en = await t.db
    .selectFrom('articles')
    .select(['id', 'slug'])
    .where('edition', '=', 'en')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  articleUrl = `/en/news/${en.id}/${encodeURIComponent(en.slug)}`;
  const ar = await t.db
    .selectFrom('articles')
    .select(['id', 'slug'])
    .where('edition', '=', 'ar')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  arArticleUrl = `/ar/news/${ar.id}/${encodeURIComponent(ar.slug)}`;
});
after(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

function pageUrls(): string[] {
  return [
    '/en',
    '/id',
    '/ar',
    articleUrl,
    arArticleUrl,
    '/en/category/national',
    '/id/category/nasional',
    '/en/company-profile',
    '/en/company-profile/history',
    '/en/live',
    '/en/no-such-page',
  ];
}

describe('every reader page', () => {
  it('has lang, dir, title, description, canonical, a skip link and the stylesheet', async () => {
    for (const url of pageUrls()) {
      const res = await get(url);
      assert.ok([200, 404].includes(res.statusCode), `${url}: ${res.statusCode}`);
      const html = res.body;
      const lang = url.split('/')[1];
      assert.match(html, /^<!doctype html>/, url);
      assert.match(html, new RegExp(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`), url);
      assert.match(html, /<title>[^<]+<\/title>/, url);
      assert.match(html, /<meta name="description" content="[^"]+"/, url);
      assert.match(html, /<link rel="canonical" href="https:\/\/warta\.test\//, url);
      assert.match(html, /<a class="skip-link" href="#main">/, url);
      assert.match(html, /<main id="main"/, url);
      assert.match(html, /<link rel="stylesheet" href="\/assets\/site\.[0-9a-f]{10}\.css"/, url);
      assert.equal(res.headers['set-cookie'], undefined, `${url} sets no cookie`);
      assert.match(String(res.headers['content-security-policy']), /default-src 'self'/, url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
    }
  });

  it('links translations with hreflang where they exist', async () => {
    const group = await t.db
      .selectFrom('articles')
      .select('translation_group')
      .where('edition', '=', 'id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const pair = await t.db
      .selectFrom('articles')
      .select(['id', 'slug', 'edition'])
      .where('translation_group', '=', group.translation_group)
      .execute();
    const en = pair.find((a) => a.edition === 'en')!;
    const id = pair.find((a) => a.edition === 'id')!;
    const res = await get(`/en/news/${en.id}/${encodeURIComponent(en.slug)}`);
    assert.match(
      res.body,
      new RegExp(`<link rel="alternate" hreflang="id" href="https://warta.test/id/news/${id.id}/`),
    );
    assert.match(res.body, /<link rel="alternate" hreflang="en" href="https:\/\/warta.test\/en\/news\//);
  });

  it('names the four sections exactly in English and translates them in Indonesian', async () => {
    const en = (await get('/en')).body;
    for (const label of ['Live Streaming', 'Program Highlight', 'Company Profile', 'Zona Integritas']) {
      assert.match(en, new RegExp(`<nav id="site-nav"[\\s\\S]*>${label}</a>[\\s\\S]*</nav>`), label);
    }
    const id = (await get('/id')).body;
    for (const label of ['Siaran Langsung', 'Sorotan Program', 'Profil Perusahaan', 'Zona Integritas']) {
      assert.match(id, new RegExp(`>${label}</a>`), label);
    }
    assert.match(en, /href="\/en\/company-profile">Company Profile<\/a>/);
    assert.match(en, /href="\/en\/category\/national">National<\/a>/);
  });

  it('shows dates in the edition locale and the station time zone', async () => {
    const res = await get(articleUrl);
    assert.match(
      res.body,
      /<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:00\+07:00">(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{1,2} [A-Z][a-z]+ \d{4} \d\d:\d\d<\/time>/,
    );
    const idHome = (await get('/id')).body;
    assert.match(idHome, /(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} [A-Z][a-z]+ \d{4}/);
  });
});

describe('caching and static files', () => {
  it('marks pages cacheable for a CDN and answers If-None-Match with 304', async () => {
    const first = await get('/en');
    assert.match(String(first.headers['cache-control']), /^public, max-age=30/);
    const etag = String(first.headers.etag);
    assert.ok(etag.length > 2);
    const again = await get('/en', { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
  });

  it('serves the fingerprinted stylesheet and script as immutable, and compresses them', async () => {
    const home = (await get('/en')).body;
    const css = /href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec(home)![1]!;
    const js = /src="(\/assets\/site\.[0-9a-f]+\.js)"/.exec(home)![1]!;
    const res = await get(css, { 'accept-encoding': 'gzip' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/css/);
    assert.match(String(res.headers['cache-control']), /immutable/);
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.equal((await get(js)).statusCode, 200);
    assert.equal((await get('/assets/site.0000000000.css')).statusCode, 404);
  });

  it('serves generated photos in several widths as JPEG and WebP', async () => {
    const html = (await get(articleUrl)).body;
    const src = /<img src="(\/media\/[^"]+\.jpg)"/.exec(html)![1]!;
    const jpg = await get(src);
    assert.equal(jpg.statusCode, 200);
    assert.match(String(jpg.headers['content-type']), /image\/jpeg/);
    assert.match(String(jpg.headers['cache-control']), /immutable/);
    const webp = await get(src.replace(/\.jpg$/, '.webp'));
    assert.equal(webp.statusCode, 200);
    assert.match(html, /srcset="\/media\/[^"]+-480\.webp 480w, [^"]+-960\.webp 960w, [^"]+-1600\.webp 1600w"/);
    assert.equal((await get('/media/../warta.db')).statusCode, 404);
  });

  it('answers JSON errors for API clients and never a 500 for odd query strings', async () => {
    const api = await get('/api/nothing', { accept: 'application/json' });
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, 'not_found', 'the API answers for /api, never the reader pages');
    const json = await get('/nothing/at/all.json', { accept: 'application/json' });
    assert.equal(json.statusCode, 404);
    assert.match(String(json.headers['content-type']), /application\/json/);
    for (const url of [
      '/en?%',
      '/en?page[]=1&&&',
      '/en/category/national?page=1&page=2',
      `/en?q=${'x'.repeat(5000)}`,
      '/en/%E0%A4%A',
      '/en/news/1/%ZZ',
    ]) {
      const res = await get(url);
      assert.ok(res.statusCode < 500, `${url}: ${res.statusCode}`);
    }
  });
});
