// The page cache follows the commands: an edit, a publish or an unpublish drops every cached
// page of the story's edition and every site-wide file (feeds, sitemaps, robots.txt), so the very
// next request shows the change, while other editions stay cached. Every other kind of change
// drops what it shows on; a CDN in front is told the same, by surrogate key.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import {
  articlePath,
  createCategory,
  deleteArticle,
  renameTag,
  setArticleStatus,
  updateArticle,
  updateCategory,
} from '../src/articles/index.ts';
import { addEdition } from '../src/editions/commands.ts';
import { replaceMenu } from '../src/menus/index.ts';
import { updatePage } from '../src/pages/index.ts';
import { updateAuthor } from '../src/users/index.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { makeArticle, makeAuthor, makeCategory, makePage } from './helpers/factories.ts';

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
  // The longest the page cache keeps a page: the tests check what stays cached between changes.
  t = await createTestApp({ WARTA_PAGE_CACHE_SECONDS: '15' });
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

/**
 * Requests each URL until the page cache answers it: the second answer must be a hit, or, for a
 * page whose entry outlived its seconds while the suite ran on a busy machine, 'stale' (served
 * while it renders again in the background) until that render is stored.
 */
async function warm(urls: readonly string[]): Promise<void> {
  for (const url of urls) {
    await get(url);
    let cache = (await get(url)).headers['x-cache'];
    for (let tries = 0; cache === 'stale' && tries < 100; tries++) {
      await delay(20);
      cache = (await get(url)).headers['x-cache'];
    }
    assert.equal(cache, 'hit', `${url} warmed`);
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

describe('page cache purge after every other kind of change', () => {
  let u: TestApp;
  let urls: { story: string; page: string };
  let ids: { tag: number; page: number; author: number; story: number };
  before(async () => {
    u = await createTestApp();
    const author = await makeAuthor(u.db, { name: 'Rina Kusuma', slug: 'rina-kusuma' });
    const row = await makeArticle(u.db, { title: 'Ferry timetable changes', author_id: author.id, tags: ['Ferries'] });
    const page = await makePage(u.db, { title: 'Contact', slug: 'contact' });
    const tag = await u.db.selectFrom('tags').select('id').where('slug', '=', 'ferries').executeTakeFirstOrThrow();
    await makeArticle(u.db, { edition: 'id', title: 'Jadwal feri' });
    urls = { story: articlePath(row), page: `/en/${page.slug}` };
    ids = { tag: tag.id, page: page.id, author: author.id, story: row.id };
  });
  after(() => u.close());

  const request = (url: string) => u.app.inject({ method: 'GET', url });
  /** Stores each URL, runs the change, and returns each URL's next answer (asserting it was not a hit). */
  async function afterChange(change: () => Promise<unknown>, changed: string[], kept: string[] = []) {
    for (const url of [...changed, ...kept]) {
      await request(url);
      assert.equal((await request(url)).headers['x-cache'], 'hit', `${url} warmed`);
    }
    await change();
    const bodies = new Map<string, string>();
    for (const url of changed) {
      const res = await request(url);
      assert.equal(res.headers['x-cache'], 'miss', `${url} made afresh`);
      bodies.set(url, res.body);
    }
    for (const url of kept) assert.equal((await request(url)).headers['x-cache'], 'hit', `${url} kept`);
    return bodies;
  }

  it('a renamed tag', async () => {
    const bodies = await afterChange(
      () => renameTag(u.app.ctx.writer, ids.tag, 'Sea ferries'),
      [urls.story, '/en/tag/ferries'],
      ['/id'],
    );
    assert.match(bodies.get(urls.story)!, /Sea ferries/);
  });

  it('a new section', async () => {
    await afterChange(
      () => createCategory(u.app.ctx.writer, { edition: 'en', name: 'Islands' }),
      ['/en', '/sitemap-en-categories.xml'],
      ['/id'],
    );
  });

  it('an edited static page', async () => {
    const bodies = await afterChange(
      () => updatePage(u.app.ctx.writer, ids.page, { title: 'Write to us' }),
      [urls.page, '/sitemap-en-pages.xml'],
      ['/id'],
    );
    assert.match(bodies.get(urls.page)!, /Write to us/);
  });

  it('a changed menu', async () => {
    const bodies = await afterChange(
      () => replaceMenu(u.app.ctx.writer, 'en', 'main', [{ label: 'Harbour news', href: '/en' }]),
      ['/en', urls.story],
      ['/id'],
    );
    assert.match(bodies.get('/en')!, /Harbour news/);
  });

  it('an edited author: every edition', async () => {
    const bodies = await afterChange(
      () => updateAuthor(u.app.ctx.writer, ids.author, { displayName: 'Rina K.' }),
      [urls.story, '/en', '/id'],
    );
    assert.match(bodies.get(urls.story)!, /Rina K\./);
  });

  it('a new edition: every page', async () => {
    await afterChange(
      () =>
        addEdition(u.app.ctx.writer, {
          code: 'nl',
          name: 'Nederlands',
          locale: 'nl-NL',
          direction: 'ltr',
          position: 9,
        }),
      ['/en', '/id', '/sitemap.xml'],
    );
  });

  it('a deleted story', async () => {
    await afterChange(() => deleteArticle(u.app.ctx.writer, ids.story), [urls.story, '/en', '/en/feed.xml'], ['/id']);
    assert.equal((await request(urls.story)).statusCode, 404);
  });
});

describe('CDN purge', () => {
  let u: TestApp;
  let cdn: http.Server;
  let purges: Array<{ method: string; url: string; key: string }> = [];
  let answer = 200;
  before(async () => {
    // A stand-in for the CDN's purge endpoint, on this machine only.
    cdn = http.createServer((req, res) => {
      purges.push({ method: req.method!, url: req.url!, key: String(req.headers['surrogate-key']) });
      res.writeHead(answer).end();
    });
    await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
    const port = (cdn.address() as AddressInfo).port;
    u = await createTestApp({ WARTA_CDN_PURGE_URL: `http://127.0.0.1:${port}/purge/{key}` });
  });
  after(async () => {
    await u.close();
    await new Promise((resolve) => cdn.close(resolve));
  });
  beforeEach(() => {
    purges = [];
    answer = 200;
  });

  /** The purges the CDN received for what `change` did, once they are all answered. */
  const purgesOf = async (change: () => Promise<unknown>) => {
    await u.app.ctx.pageCache.cdnPurged();
    purges = [];
    await change();
    await u.app.ctx.pageCache.cdnPurged();
    return purges.map((p) => `${p.method} ${p.url} ${p.key}`).sort();
  };

  it('labels public answers with surrogate keys, an edition or site-wide', async () => {
    await makeArticle(u.db, { title: 'Harbour reopens' });
    assert.equal((await u.app.inject('/en')).headers['surrogate-key'], 'all edition-en');
    const hit = await u.app.inject('/en');
    assert.equal(hit.headers['x-cache'], 'hit');
    assert.equal(hit.headers['surrogate-key'], 'all edition-en');
    assert.equal((await u.app.inject('/sitemap.xml')).headers['surrogate-key'], 'all site');
    assert.equal((await u.app.inject('/healthz')).headers['surrogate-key'], undefined);
  });

  it('purges the edition and the site-wide files when a story changes', async () => {
    const row = await makeArticle(u.db, { title: 'Lighthouse repainted' });
    assert.deepEqual(
      await purgesOf(() => updateArticle(u.app.ctx.writer, row.id, { title: 'Lighthouse repainted red' })),
      ['PURGE /purge/edition-en edition-en', 'PURGE /purge/site site'],
    );
  });

  it('purges everything when an author changes', async () => {
    const author = await makeAuthor(u.db);
    assert.deepEqual(await purgesOf(() => updateAuthor(u.app.ctx.writer, author.id, { bio: 'Writes about ports.' })), [
      'PURGE /purge/all all',
    ]);
  });

  it('lets the change stand when the CDN refuses the purge', async () => {
    answer = 503;
    let row: Awaited<ReturnType<typeof makeArticle>> | undefined;
    const sent = await purgesOf(async () => (row = await makeArticle(u.db, { title: 'Storm warning' })));
    assert.ok(sent.includes('PURGE /purge/edition-en edition-en'));
    const res = await u.app.inject(articlePath(row!));
    assert.equal(res.statusCode, 200, 'the story is published all the same');
  });
});
