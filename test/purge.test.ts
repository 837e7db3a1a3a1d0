// The page cache follows the commands: an edit, a publish or an unpublish drops every cached
// page of the story's edition and every site-wide file (feeds, sitemaps, robots.txt), so the very
// next request shows the change, while other editions stay cached.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { articlePath, setArticleStatus, updateArticle, updateCategory } from '../src/articles/index.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { makeArticle, makeCategory } from './helpers/factories.ts';

let t: TestApp;
let storyId: number;
let storyUrl: string;
let sectionId: number;
let title = 'Lighthouse keepers vote to stay on the islands';

/** Every cached page or file that lists the story, and whether it shows its title. */
const SHOWS_TITLE = new Map<() => string, boolean>([
  [() => storyUrl, true],
  [() => '/en/category/coasts', true],
  [() => '/en/tag/lighthouses', true],
  [() => '/en', true],
  [() => '/en/most-read', true],
  [() => '/en/feed.xml', true],
  [() => '/en/category/coasts/atom.xml', true],
  [() => '/sitemap-en-news.xml', true],
  [() => '/sitemap.xml', false],
  [() => '/robots.txt', false],
]);
const enUrls = () => [...SHOWS_TITLE.keys()].map((url) => url());
const titled = () => [...SHOWS_TITLE].filter(([, shows]) => shows).map(([url]) => url());

before(async () => {
  t = await createTestApp();
  const section = await makeCategory(t.db, { name: 'Coasts', slug: 'coasts' });
  sectionId = section.id;
  const row = await makeArticle(t.db, { title, category_id: section.id, tags: ['Lighthouses'] });
  storyId = row.id;
  storyUrl = articlePath(row);
  // Read today, so the strict 24-hour most-read page lists it.
  t.app.readCounter.record(storyId);
  await t.app.readCounter.flush();
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const writer = () => t.app.ctx.writer;

/** Requests each URL twice; the second answer must come from the page cache. */
async function warm(urls: readonly string[]): Promise<void> {
  for (const url of urls) {
    await get(url);
    assert.equal((await get(url)).headers['x-cache'], 'hit', `${url} warmed`);
  }
}

/** The next answer for each URL, asserting it was made afresh (not a cache hit). */
async function fresh(urls: readonly string[]): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  for (const url of urls) {
    const res = await get(url);
    assert.equal(res.headers['x-cache'], 'miss', `${url} made afresh after the change`);
    bodies.set(url, res.body);
  }
  return bodies;
}

describe('page cache purge', () => {
  beforeEach(() => warm([...enUrls(), '/id', '/id/most-read']));

  it('drops every page showing a story when it is edited; the next request shows the new title', async () => {
    const old = title;
    title = 'Lighthouse keepers agree to a new rota';
    await updateArticle(writer(), storyId, { title });
    const bodies = await fresh(enUrls());
    for (const url of titled()) {
      assert.ok(bodies.get(url)!.includes(title), `${url} shows the new title`);
      assert.ok(!bodies.get(url)!.includes(old), `${url} no longer shows the old title`);
    }
    assert.match(bodies.get(storyUrl)!, new RegExp(`<h1 class="story__title">${title}</h1>`));
    assert.match(bodies.get(storyUrl)!, new RegExp(`<title>${title} · `));
  });

  it('keeps another edition cached when a story changes', async () => {
    await updateArticle(writer(), storyId, { summary: 'A summary written later.' });
    for (const url of ['/id', '/id/most-read']) assert.equal((await get(url)).headers['x-cache'], 'hit', url);
    await fresh(enUrls());
  });

  it('drops them when a story is unpublished: it is gone from every page at once', async () => {
    await setArticleStatus(writer(), storyId, 'draft');
    const bodies = await fresh(enUrls());
    assert.equal((await get(storyUrl)).statusCode, 404, 'the story page is a 404 (itself cached now)');
    for (const url of titled()) assert.ok(!bodies.get(url)!.includes(title), `${url} no longer lists the story`);
    assert.equal((await get('/id')).headers['x-cache'], 'hit');
  });

  it('drops them when a story is published: it is on every page at once', async () => {
    assert.equal((await get(storyUrl)).statusCode, 404, 'still unpublished, from the cache');
    await setArticleStatus(writer(), storyId, 'published');
    const bodies = await fresh(enUrls());
    assert.equal((await get(storyUrl)).statusCode, 200);
    for (const url of titled()) assert.ok(bodies.get(url)!.includes(title), `${url} lists the story again`);
    assert.equal((await get('/id')).headers['x-cache'], 'hit');
  });

  it('drops them when the story’s section is renamed', async () => {
    await updateCategory(writer(), sectionId, { name: 'Coasts and Islands' });
    const bodies = await fresh(enUrls());
    assert.match(bodies.get('/en/category/coasts')!, /<h1[^>]*>Coasts and Islands<\/h1>/);
    assert.match(bodies.get(storyUrl)!, /href="\/en\/category\/coasts"[^>]*>Coasts and Islands<\/a>/);
    assert.equal((await get('/id')).headers['x-cache'], 'hit');
  });
});
