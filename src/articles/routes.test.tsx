// HTTP behaviour of the public news pages: home, article, section, tag, author.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toDbTime } from '../core/db/dialect.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle, makeAuthor, makeCategory, makeImage } from '../../test/helpers/factories.ts';
import { setArticleStatus } from './commands.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('edition home', () => {
  it('redirects / to the default edition', async () => {
    const res = await get('/');
    assert.equal(res.statusCode, 302);
    assert.equal(res.headers.location, '/en');
  });

  it('shows the top story, latest news and most read, and no radio link without a channel', async () => {
    const section = await makeCategory(t.db, { name: 'Economy', slug: 'economy' });
    await makeArticle(t.db, { title: 'Harbour reopens after upgrade', category_id: section.id, is_featured: 1 });
    await makeArticle(t.db, { title: 'Rice harvest beats forecast', category_id: section.id });
    const res = await get('/en');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    assert.match(res.headers['cache-control'] as string, /public, max-age=30/);
    assert.equal(res.headers['set-cookie'], undefined, 'anonymous pages set no cookie');
    assert.match(res.body, /<html lang="en" dir="ltr">/);
    assert.match(res.body, /Harbour reopens after upgrade/);
    assert.match(res.body, /Rice harvest beats forecast/);
    assert.match(res.body, /Most read/);
    // The radio link tells the truth: this edition has no channel, so there is none (its other
    // states are tested in src/broadcast/live/live.test.ts).
    assert.doesNotMatch(res.body, /class="listen-live/);
  });

  it('answers 404 in English for an unknown edition', async () => {
    const res = await get('/xx');
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /Page not found/);
  });
});

describe('article page', () => {
  it('shows every element of the reference page in order', async () => {
    const author = await makeAuthor(t.db, { name: 'Rina Hapsari', slug: 'rina-hapsari' });
    const image = await makeImage(t.db, t.testDb.dataDir);
    const a = await makeArticle(t.db, {
      title: 'Two navies agree on joint patrols',
      author_id: author.id,
      published_at: '2024-06-15T17:00:00.000Z',
      featured_media_id: image.id,
      image_caption: 'Sailors line the deck of a patrol ship in Surabaya.',
      image_credit: 'Warta Photo/Adi Nugroho',
      image_alt: 'Sailors on a ship deck',
      dateline: 'Surabaya',
      source: 'Nusantara Wire/VOI',
      hit_count: 353,
      rating_sum: 9,
      rating_count: 2,
      tags: ['Navy', 'Diplomacy'],
    });
    const res = await get(`/en/news/${a.id}/${a.slug}`);
    assert.equal(res.statusCode, 200);
    const html = res.body;
    const order = [
      '<time datetime="2024-06-16T00:00:00+07:00">Sunday, 16 June 2024 00:00</time>',
      '<h1 class="story__title">Two navies agree on joint patrols</h1>',
      'Written by',
      'href="/en/author/rina-hapsari"',
      'Rate this item',
      '(2 votes)',
      '<figure class="story__figure">',
      'Sailors line the deck of a patrol ship in Surabaya.',
      'Photo: Warta Photo/Adi Nugroho',
      '<span class="dateline">Surabaya:</span> First paragraph',
      '<span class="source">/Nusantara Wire/VOI</span></p>',
      'rel="tag">Diplomacy</a>',
      'Read 353 times',
    ];
    let at = 0;
    for (const piece of order) {
      const found = html.indexOf(piece, at);
      assert.ok(found >= 0, `expected "${piece}" after position ${at}`);
      at = found;
    }
    assert.match(html, /<title>Two navies agree on joint patrols · Voice of Warta<\/title>/);
    assert.match(
      html,
      /<link rel="canonical" href="https:\/\/warta\.test\/en\/news\/\d+\/two-navies-agree-on-joint-patrols"/,
    );
    assert.match(html, /alt="Sailors on a ship deck"/);
    assert.match(html, /fetchpriority="high"/);
  });

  it('shows a free-text byline instead of an author', async () => {
    const a = await makeArticle(t.db, { author_id: null, byline: 'Warta Wire Service' });
    const res = await get(`/en/news/${a.id}/${a.slug}`);
    assert.match(res.body, /Written by<\/span> <span class="byline__name">Warta Wire Service<\/span>/);
  });

  it('redirects a missing or wrong slug to the canonical URL with 301', async () => {
    const a = await makeArticle(t.db, { title: 'Canonical story' });
    for (const url of [`/en/news/${a.id}`, `/en/news/${a.id}/old-title`]) {
      const res = await get(url);
      assert.equal(res.statusCode, 301, url);
      assert.equal(res.headers.location, `/en/news/${a.id}/canonical-story`);
    }
  });

  it('answers 404 for a draft, another edition, and malformed ids', async () => {
    const draft = await makeArticle(t.db, { status: 'draft' });
    const indonesian = await makeArticle(t.db, { edition: 'id' });
    for (const url of [
      `/en/news/${draft.id}/${draft.slug}`,
      `/en/news/${indonesian.id}/${indonesian.slug}`,
      '/en/news/abc/x',
      '/en/news/0',
      '/en/news/99999999999999999999',
      '/en/news/-1/x',
      "/en/news/1'%20or%201=1/x",
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(res.body, /Page not found/, url);
    }
  });

  it('keeps a scheduled story invisible until its minute, then shows it without a restart', async () => {
    const section = await makeCategory(t.db);
    const at = new Date(Date.now() + 3 * 3600_000);
    const a = await makeArticle(t.db, {
      title: 'Embargoed budget story',
      category_id: section.id,
      published_at: toDbTime(at),
    });
    assert.equal((await get(`/en/news/${a.id}/${a.slug}`)).statusCode, 404);
    assert.doesNotMatch((await get('/en')).body, /Embargoed budget story/);
    assert.doesNotMatch((await get(`/en/category/${section.slug}`)).body, /Embargoed budget story/);
    t.setNow(new Date(at.getTime() - 1000));
    assert.equal((await get(`/en/news/${a.id}/${a.slug}`)).statusCode, 404);
    const published = async () =>
      (
        await t.db.selectFrom('outbox_events').select('payload').where('type', '=', 'article.published').execute()
      ).filter((e) => JSON.parse(e.payload).articleId === a.id).length;
    const before = await published();
    t.setNow(at);
    try {
      // The 404 cached a second ago may stand for the page cache's few seconds, no longer.
      t.setNow(new Date(at.getTime() + t.config.pageCacheSeconds * 1000));
      assert.equal((await get(`/en/news/${a.id}/${a.slug}`)).statusCode, 200);
      assert.match((await get(`/en/category/${section.slug}`)).body, /Embargoed budget story/);
      // The announcer job then tells everyone else (webhooks, CDN) with article.published (the
      // app's own job timer may get there first: either way, once).
      await t.db
        .updateTable('scheduled_jobs')
        .set({ next_run_at: toDbTime(at) })
        .execute();
      await t.app.ctx.jobs.runDue();
      assert.equal(await published(), before + 1, 'announced once when its minute came');
      await t.db
        .updateTable('scheduled_jobs')
        .set({ next_run_at: toDbTime(at) })
        .execute();
      await t.app.ctx.jobs.runDue();
      assert.equal(await published(), before + 1, 'and not again');
    } finally {
      t.setNow(new Date());
    }
  });
});

describe('lists', () => {
  it('paginates a section and includes its subsections', async () => {
    const world = await makeCategory(t.db, { name: 'World', slug: 'world-list' });
    const asia = await makeCategory(t.db, { name: 'Southeast Asia', slug: 'southeast-asia-list', parent_id: world.id });
    for (let i = 0; i < 13; i++) {
      await makeArticle(t.db, {
        title: `World story ${i}`,
        category_id: i % 2 ? asia.id : world.id,
        published_at: toDbTime(new Date(Date.now() - (i + 1) * 60_000)),
      });
    }
    const first = await get('/en/category/world-list');
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /<h1>World<\/h1>/);
    assert.match(first.body, /World story 0\b/);
    assert.match(first.body, /World story 1\b/, 'stories of the subsection are listed');
    assert.doesNotMatch(first.body, /World story 12\b/);
    assert.match(first.body, /href="\/en\/category\/world-list\?page=2" rel="next"/);
    const second = await get('/en/category/world-list?page=2');
    assert.match(second.body, /World story 12\b/);
    assert.match(second.body, /<link rel="canonical" href="https:\/\/warta.test\/en\/category\/world-list\?page=2"/);
    assert.equal((await get('/en/category/world-list?page=3')).statusCode, 404);
    const sub = await get('/en/category/southeast-asia-list');
    assert.match(sub.body, /href="\/en\/category\/world-list"/, 'breadcrumb links the parent section');
  });

  it('keeps a section front until its stories change, then shows the change', async () => {
    const section = await makeCategory(t.db, { name: 'Harbours', slug: 'harbours-kept' });
    const kept = await makeArticle(t.db, { title: 'Harbour dredging begins', category_id: section.id });
    const later = await makeArticle(t.db, {
      title: 'Harbour lights restored',
      category_id: section.id,
      status: 'draft',
    });
    const front = async () => (await get(`/en/category/${section.slug}`)).body;
    assert.match(await front(), /Harbour dredging begins/);
    assert.doesNotMatch(await front(), /Harbour lights restored/, 'a draft');
    await setArticleStatus(t.app.ctx.writer, later.id, 'published');
    assert.match(await front(), /Harbour lights restored/, 'published through a command');
    await setArticleStatus(t.app.ctx.writer, kept.id, 'draft');
    assert.doesNotMatch(await front(), /Harbour dredging begins/, 'back to draft');
  });

  it('rejects a malformed page number with a 400 page, never a 500', async () => {
    const section = await makeCategory(t.db);
    for (const q of ['page=abc', 'page=0', 'page=-3', 'page=1.5', 'page=%00', 'page=99999999999999999999']) {
      const res = await get(`/en/category/${section.slug}?${q}`);
      assert.equal(res.statusCode, 400, q);
      assert.match(res.body, /That request was not understood/, q);
    }
  });

  it('lists a tag and an author', async () => {
    const author = await makeAuthor(t.db, { name: 'Made Wirawan', slug: 'made-wirawan', bio: 'Covers Bali.' });
    await makeArticle(t.db, { title: 'Gamelan festival opens', author_id: author.id, tags: ['Gamelan'] });
    const tag = await get('/en/tag/gamelan');
    assert.equal(tag.statusCode, 200);
    assert.match(tag.body, /Tagged “Gamelan”/);
    assert.match(tag.body, /Gamelan festival opens/);
    const byAuthor = await get('/en/author/made-wirawan');
    assert.equal(byAuthor.statusCode, 200);
    assert.match(byAuthor.body, /Stories by Made Wirawan/);
    assert.match(byAuthor.body, /Covers Bali\./);
    assert.match(byAuthor.body, /Gamelan festival opens/);
  });

  it('answers 404 for unknown sections, tags and authors', async () => {
    for (const url of ['/en/category/nope', '/en/tag/nope', '/en/author/nope', '/id/category/nope']) {
      assert.equal((await get(url)).statusCode, 404, url);
    }
    assert.match((await get('/id/category/nope')).body, /Halaman tidak ditemukan/);
  });
});

describe('related stories on the article page', () => {
  // The page keeps each tag's newest stories between changes: they must follow every change.
  let r: TestApp;
  before(async () => {
    r = await createTestApp({ WARTA_PAGE_CACHE_SECONDS: '0' });
  });
  after(() => r.close());

  const relatedOf = async (a: { id: number; slug: string }) => {
    const res = await r.app.inject({ url: `/en/news/${a.id}/${a.slug}` });
    assert.equal(res.statusCode, 200);
    return /<section class="related"[\s\S]*?<\/section>/.exec(res.body)?.[0] ?? '';
  };

  it('follow a publication, an unpublication and a scheduled story’s minute', async () => {
    const hoursAgo = (h: number) => toDbTime(new Date(Date.now() - h * 3600_000));
    const main = await makeArticle(r.db, { title: 'Ferry fares rise', tags: ['ferries'], published_at: hoursAgo(2) });
    await makeArticle(r.db, { title: 'Ferry routes reviewed', tags: ['ferries'], published_at: hoursAgo(5) });
    const later = await makeArticle(r.db, { title: 'New ferry launched', tags: ['ferries'], status: 'draft' });
    assert.match(await relatedOf(main), /Ferry routes reviewed/);
    assert.doesNotMatch(await relatedOf(main), /New ferry launched/, 'a draft');

    await setArticleStatus(r.app.ctx.writer, later.id, 'published');
    assert.match(await relatedOf(main), /New ferry launched/, 'published');
    await setArticleStatus(r.app.ctx.writer, later.id, 'draft');
    assert.doesNotMatch(await relatedOf(main), /New ferry launched/, 'back to draft');

    const at = new Date(Date.now() + 3600_000);
    await setArticleStatus(r.app.ctx.writer, later.id, 'published', at);
    assert.doesNotMatch(await relatedOf(main), /New ferry launched/, 'scheduled');
    try {
      r.setNow(new Date(at.getTime() + 60_000));
      assert.match(await relatedOf(main), /New ferry launched/, 'its minute come');
    } finally {
      r.setNow(new Date());
    }
  });
});
