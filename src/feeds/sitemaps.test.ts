// Sitemap index → each edition's sitemaps → the URLs they list; the Google News sitemap's
// 48-hour window and elements; robots.txt. Drafts, scheduled stories and draft pages never appear.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle, makeCategory, makeImage, makePage } from '../../test/helpers/factories.ts';
import { toDbTime } from '../core/db/dialect.ts';
import type { ArticleRow } from '../core/db/schema.ts';
import { listSitemapArticles, listSitemapChunks } from './sitemap-queries.ts';

let t: TestApp;
const NOW = new Date(Date.UTC(2026, 5, 16, 3, 0, 0));
const hoursAgo = (h: number) => toDbTime(new Date(NOW.getTime() - h * 3600_000));
const base = 'https://warta.test';
let fresh: ArticleRow;
let yesterday: ArticleRow;
let lastWeek: ArticleRow;
let indonesian: ArticleRow;

before(async () => {
  t = await createTestApp();
  t.setNow(NOW);
  const world = await makeCategory(t.db, { name: 'World', slug: 'world' });
  const asia = await makeCategory(t.db, { name: 'Asia', slug: 'asia', parent_id: world.id });
  await makeCategory(t.db, { name: 'Empty', slug: 'empty' });
  const image = await makeImage(t.db, t.testDb.dataDir, 800, 450);
  lastWeek = await makeArticle(t.db, {
    title: 'Old story',
    category_id: world.id,
    published_at: hoursAgo(24 * 7),
    updated_at: hoursAgo(24 * 6),
  });
  yesterday = await makeArticle(t.db, {
    title: 'Summit <ends> & talks go on',
    category_id: asia.id,
    published_at: hoursAgo(30),
    featured_media_id: image.id,
  });
  fresh = await makeArticle(t.db, { title: 'Fresh story', category_id: world.id, published_at: hoursAgo(1) });
  await makeArticle(t.db, { title: 'Just outside the window', category_id: world.id, published_at: hoursAgo(49) });
  await makeArticle(t.db, { title: 'A draft', category_id: world.id, status: 'draft', published_at: hoursAgo(2) });
  await makeArticle(t.db, { title: 'Scheduled', category_id: world.id, published_at: hoursAgo(-2) });
  indonesian = await makeArticle(t.db, { title: 'Berita segar', edition: 'id', published_at: hoursAgo(3) });
  const profile = await makePage(t.db, { title: 'Company Profile', slug: 'company-profile' });
  await makePage(t.db, { title: 'History', slug: 'history', parent: profile });
  await makePage(t.db, { title: 'Secret page', slug: 'secret', status: 'draft' });
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['sitemap', 'url', 'image:image'].includes(name),
});
const url = (a: ArticleRow) => `${base}/${a.edition}/news/${a.id}/${a.slug}`;

/** Fetches an XML document, checks status, type, cache and well-formedness, and parses it. */
async function fetchXml(path: string): Promise<any> {
  const res = await get(path);
  assert.equal(res.statusCode, 200, path);
  assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8', path);
  assert.match(String(res.headers['cache-control']), /^public, max-age=300\b/, path);
  assert.equal(XMLValidator.validate(res.body), true, `${path} is well-formed`);
  return xml.parse(res.body);
}

describe('sitemap index', () => {
  it('lists every edition’s sitemaps with a last change, and each of them resolves', async () => {
    const index = await fetchXml('/sitemap.xml');
    assert.equal(index.sitemapindex['@_xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
    const entries: { loc: string; lastmod?: string }[] = index.sitemapindex.sitemap;
    const locs = entries.map((s) => s.loc);
    for (const edition of ['en', 'id']) {
      for (const file of ['articles-1', 'categories', 'pages', 'news']) {
        assert.ok(locs.includes(`${base}/sitemap-${edition}-${file}.xml`), `${edition} ${file}`);
      }
    }
    assert.ok(!locs.includes(`${base}/sitemap-ar-articles-1.xml`), 'an edition without stories has no story sitemap');
    const en = entries.find((s) => s.loc === `${base}/sitemap-en-articles-1.xml`)!;
    assert.equal(en.lastmod, new Date(hoursAgo(1)).toISOString().replace(/\.\d+Z$/, 'Z'));
    for (const loc of locs) await fetchXml(new URL(loc).pathname);
  });
});

describe('story sitemaps', () => {
  it('list published stories with their last change and picture, and nothing else', async () => {
    const doc = await fetchXml('/sitemap-en-articles-1.xml');
    const urls: { loc: string; lastmod: string; 'image:image'?: { 'image:loc': string }[] }[] = doc.urlset.url;
    const locs = urls.map((u) => u.loc);
    assert.ok(locs.includes(url(fresh)));
    assert.ok(locs.includes(url(yesterday)));
    assert.ok(locs.includes(url(lastWeek)));
    assert.equal(locs.length, 4, 'the draft, the scheduled story and the Indonesian story are left out');
    assert.ok(!locs.includes(url(indonesian)));
    const old = urls.find((u) => u.loc === url(lastWeek))!;
    assert.equal(
      old.lastmod,
      new Date(hoursAgo(24 * 6)).toISOString().replace(/\.\d+Z$/, 'Z'),
      'lastmod is the last change',
    );
    const pictured = urls.find((u) => u.loc === url(yesterday))!;
    assert.match(pictured['image:image']![0]!['image:loc'], /^https:\/\/warta\.test\/media\/.+-800\.jpg$/);
    assert.deepEqual(
      (await fetchXml('/sitemap-id-articles-1.xml')).urlset.url.map((u: { loc: string }) => u.loc),
      [url(indonesian)],
    );
  });

  it('are paged by id, so the pages split the stories without overlap', async () => {
    const chunks = await listSitemapChunks(t.db, 'en', NOW, 2);
    assert.deepEqual(
      chunks.map((c) => c.count),
      [2, 2],
    );
    const pages = await Promise.all(chunks.map((c) => listSitemapArticles(t.db, 'en', NOW, c.firstId, 2)));
    assert.deepEqual(
      pages.map((p) => p.length),
      [2, 2],
    );
    const ids = pages.flat().map((a) => a.id);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
    );
    assert.equal(new Set(ids).size, 4);
    for (const [i, page] of pages.entries()) {
      const newest = Math.max(...page.map((a) => a.lastmod.getTime()));
      assert.equal(chunks[i]?.lastmod?.getTime(), newest, `page ${i + 1}`);
    }
  });

  it('answer 404 past the last page and for unknown editions or files', async () => {
    for (const path of [
      '/sitemap-en-articles-2.xml',
      '/sitemap-en-articles-0.xml',
      '/sitemap-xx-articles-1.xml',
      '/sitemap-xx-news.xml',
      '/sitemap-en-tags.xml',
      '/sitemap-en.xml',
      '/sitemap-.xml',
    ]) {
      assert.equal((await get(path)).statusCode, 404, path);
    }
  });
});

describe('section and page sitemaps', () => {
  it('list every section, with its newest story (subsections included) as the last change', async () => {
    const urls: { loc: string; lastmod?: string }[] = (await fetchXml('/sitemap-en-categories.xml')).urlset.url;
    const byLoc = new Map(urls.map((u) => [u.loc, u.lastmod]));
    assert.equal(byLoc.get(`${base}/en/category/world`), new Date(hoursAgo(1)).toISOString().replace(/\.\d+Z$/, 'Z'));
    assert.equal(byLoc.get(`${base}/en/category/asia`), new Date(hoursAgo(30)).toISOString().replace(/\.\d+Z$/, 'Z'));
    assert.ok(byLoc.has(`${base}/en/category/empty`));
    assert.equal(byLoc.get(`${base}/en/category/empty`), undefined, 'no stories, no lastmod');
  });

  it('list the edition’s home and its published pages, not drafts', async () => {
    const locs = (await fetchXml('/sitemap-en-pages.xml')).urlset.url.map((u: { loc: string }) => u.loc);
    assert.deepEqual(locs, [`${base}/en`, `${base}/en/company-profile`, `${base}/en/company-profile/history`]);
    for (const loc of locs) assert.equal((await get(new URL(loc).pathname)).statusCode, 200, loc);
  });
});

describe('Google News sitemap', () => {
  it('has only the last 48 hours’ stories, with publication, language, date and title', async () => {
    const res = await get('/sitemap-en-news.xml');
    assert.match(res.body, /xmlns:news="http:\/\/www\.google\.com\/schemas\/sitemap-news\/0\.9"/);
    const urls = (await fetchXml('/sitemap-en-news.xml')).urlset.url;
    assert.deepEqual(
      urls.map((u: { loc: string }) => u.loc),
      [url(fresh), url(yesterday)],
      'newest first; older, draft and scheduled stories left out',
    );
    const news = urls[1]['news:news'];
    assert.deepEqual(news['news:publication'], { 'news:name': 'Voice of Warta', 'news:language': 'en' });
    assert.equal(news['news:publication_date'], new Date(hoursAgo(30)).toISOString().replace(/\.\d+Z$/, 'Z'));
    assert.equal(news['news:title'], 'Summit <ends> & talks go on');
    const id = (await fetchXml('/sitemap-id-news.xml')).urlset.url;
    assert.equal(id[0]['news:news']['news:publication']['news:language'], 'id');
    assert.equal(id[0]['news:news']['news:publication']['news:name'], 'Suara Warta');
  });

  it('follows the clock: a story drops out after 48 hours and a scheduled one appears on its minute', async () => {
    t.setNow(new Date(NOW.getTime() + 19 * 3600_000));
    try {
      const locs = (await fetchXml('/sitemap-en-news.xml')).urlset.url.map((u: { loc: string }) => u.loc);
      assert.ok(!locs.includes(url(yesterday)), '49 hours old');
      assert.ok(locs.some((l: string) => l.endsWith('/scheduled')));
    } finally {
      t.setNow(NOW);
    }
  });
});

describe('robots.txt', () => {
  it('opens the site to crawlers and names the sitemap index and the news sitemaps', async () => {
    const res = await get('/robots.txt');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
    assert.match(String(res.headers['cache-control']), /^public\b/);
    assert.match(res.body, /^User-agent: \*\nAllow: \/\n/);
    const sitemaps = [...res.body.matchAll(/^Sitemap: (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(sitemaps, [
      `${base}/sitemap.xml`,
      `${base}/sitemap-en-news.xml`,
      `${base}/sitemap-id-news.xml`,
      `${base}/sitemap-ar-news.xml`,
      `${base}/sitemap-fr-news.xml`,
      `${base}/sitemap-de-news.xml`,
      `${base}/sitemap-es-news.xml`,
      `${base}/sitemap-zh-news.xml`,
      `${base}/sitemap-ja-news.xml`,
    ]);
    for (const s of sitemaps) assert.equal((await get(new URL(s!).pathname)).statusCode, 200, s);
  });
});
