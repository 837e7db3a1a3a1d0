// Old addresses through the whole app: every K2 form of two imported sites (one under an edition's
// own code, so through the page tree's catch-all), pages and feeds, rows of the table, what never
// redirects (a live page, junk, NUL and broken UTF-8), and what a flood of junk costs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ArticleRow, CategoryRow, UserRow } from '../core/db/schema.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle, makeAuthor, makeCategory } from '../../test/helpers/factories.ts';
import { checkRedirect, createRedirect } from './commands.ts';
import { REDIRECT_CACHE } from './not-found-hook.ts';
import { LIST_PAGE_SIZE } from './resolve.ts';
import { addK2Site, linkK2 } from './test-fixture.ts';

describe('old addresses redirect with 301', { timeout: 300_000 }, () => {
  let t: TestApp;
  let idStory: ArticleRow;
  let enStory: ArticleRow;
  let section: CategoryRow;
  let sectionStories: ArticleRow[];
  let author: UserRow;
  let tagId: number;
  let tagSlug: string;

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const storyPath = (a: ArticleRow) => `/${a.edition}/news/${a.id}/${a.slug}`;

  async function assertRedirect(url: string, location: string) {
    const res = await get(url);
    assert.equal(res.statusCode, 301, `${url} answered ${res.statusCode}`);
    assert.equal(res.headers.location, location, url);
    assert.equal(res.headers['cache-control'], REDIRECT_CACHE, url);
    assert.equal(res.headers['set-cookie'], undefined);
  }

  async function manual(fromPath: string, toPath: string, mayLinkOut = false) {
    const row = await checkRedirect(
      t.db,
      { fromPath, toPath },
      {
        baseUrl: t.config.baseUrl,
        mayLinkOut,
        isEdition: (code) => t.app.ctx.editions.get(code) !== undefined,
      },
    );
    return createRedirect(t.app.ctx.writer, row);
  }

  before(async () => {
    t = await createTestApp();
    const w = t.app.ctx.writer;
    // Two Joomla installs: Indonesian under /indonesian, English under /en (an edition's own code).
    await addK2Site(w, 'id', 'https://old.example/indonesian/');
    await addK2Site(w, 'en', 'https://old.example/en');
    author = await makeAuthor(t.db, { name: 'Budi Santoso' });
    section = await makeCategory(t.db, { edition: 'id', name: 'Ekonomi', slug: 'ekonomi' });
    idStory = await makeArticle(t.db, {
      edition: 'id',
      title: 'Harga beras naik',
      category_id: section.id,
      author_id: author.id,
      tags: ['Ekonomi Makro'],
    });
    enStory = await makeArticle(t.db, { edition: 'en', title: 'Rice prices rise' });
    const draft = await makeArticle(t.db, { edition: 'id', title: 'Draf', status: 'draft' });
    const tag = await t.db
      .selectFrom('tags')
      .select(['id', 'slug'])
      .where('edition', '=', 'id')
      .where('name', '=', 'Ekonomi Makro')
      .executeTakeFirstOrThrow();
    tagId = tag.id;
    tagSlug = tag.slug;
    // The same K2 id 5 in both installs, kept apart by their prefixes.
    await linkK2(t.db, { edition: 'id', kind: 'item', sourceId: 5, targetId: idStory.id });
    await linkK2(t.db, { edition: 'en', kind: 'item', sourceId: 5, targetId: enStory.id });
    await linkK2(t.db, { edition: 'id', kind: 'item', sourceId: 6, targetId: draft.id });
    await linkK2(t.db, { edition: 'id', kind: 'category', sourceId: 3, targetId: section.id });
    await linkK2(t.db, { edition: 'id', kind: 'tag', sourceId: 'ekonomi makro', targetId: tagId });
    await linkK2(t.db, { edition: 'id', kind: 'user', sourceId: 9, targetId: author.id });
    // A full section: page 2 holds the 13th story.
    sectionStories = [idStory];
    for (let i = 1; i <= LIST_PAGE_SIZE; i++) {
      sectionStories.push(
        await makeArticle(t.db, {
          edition: 'id',
          title: `Cerita ${i}`,
          category_id: section.id,
          author_id: author.id,
          published_at: new Date(Date.now() - (i + 2) * 3600_000).toISOString(),
        }),
      );
    }
  });

  after(async () => {
    await t.close();
  });

  it('sends every K2 item form to the story, with and without index.php, ignoring the alias', async () => {
    for (const url of [
      '/indonesian/index.php/component/k2/item/5-harga-beras-naik',
      '/indonesian/component/k2/item/5-harga-beras-naik',
      '/indonesian/index.php/berita/ekonomi/item/5-judul-yang-sudah-berubah',
      '/indonesian/berita/item/5',
      '/indonesian/berita/item/5-harga-beras-naik/',
      '/indonesian/index.php?option=com_k2&view=item&id=5:harga-beras-naik&Itemid=12',
      '/indonesian/berita/item/5-harga?Itemid=3&utm_source=facebook&fbclid=x',
    ]) {
      await assertRedirect(url, storyPath(idStory));
    }
    const head = await t.app.inject({ method: 'HEAD', url: '/indonesian/berita/item/5' });
    assert.equal(head.statusCode, 301);
    assert.equal(head.headers.location, storyPath(idStory));
  });

  it("keeps two editions' K2 ids apart, also under an edition's own code (through the page tree)", async () => {
    for (const url of [
      '/en/index.php/component/k2/item/5-rice',
      '/en/component/k2/item/5-rice',
      '/en/news/item/5-rice-prices',
    ]) {
      await assertRedirect(url, storyPath(enStory));
    }
  });

  it('answers 404 for an unknown id, a draft, and a K2 form under no imported prefix of that id', async () => {
    for (const url of [
      '/indonesian/index.php/component/k2/item/999-nope',
      '/indonesian/index.php/component/k2/item/6-draf',
      '/en/index.php/component/k2/itemlist/category/3-economy',
      '/english/index.php/component/k2/item/5-rice',
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.headers.location, undefined, url);
    }
  });

  it('sends categories, tags and authors to their pages, ?start=N to the page holding that story', async () => {
    const sectionPath = `/id/category/${section.slug}`;
    await assertRedirect('/indonesian/index.php/component/k2/itemlist/category/3-ekonomi', sectionPath);
    await assertRedirect('/indonesian/berita/itemlist/category/3', sectionPath);
    await assertRedirect('/indonesian/index.php/component/k2/itemlist/category/3-ekonomi?start=0', sectionPath);
    await assertRedirect(`/indonesian/component/k2/itemlist/category/3?start=${LIST_PAGE_SIZE - 1}`, sectionPath);
    await assertRedirect(
      `/indonesian/component/k2/itemlist/category/3-ekonomi?start=${LIST_PAGE_SIZE}&Itemid=7`,
      `${sectionPath}?page=2`,
    );
    await assertRedirect(
      '/indonesian/index.php?option=com_k2&view=itemlist&task=category&id=3&limitstart=36',
      `${sectionPath}?page=4`,
    );
    // The page the redirect names holds the story at that offset (the newest first, as K2 listed them).
    const page2 = await get(`${sectionPath}?page=2`);
    assert.equal(page2.statusCode, 200);
    assert.match(page2.body, new RegExp(sectionStories[LIST_PAGE_SIZE]!.title));

    const tagPath = `/id/tag/${tagSlug}`;
    await assertRedirect('/indonesian/index.php/component/k2/itemlist/tag/Ekonomi%20Makro', tagPath);
    await assertRedirect('/indonesian/component/k2/itemlist/tag/ekonomi+makro', tagPath);
    await assertRedirect('/indonesian/index.php?option=com_k2&view=itemlist&task=tag&tag=Ekonomi+Makro', tagPath);
    await assertRedirect('/indonesian/component/k2/itemlist/tag/Ekonomi%20Makro?start=24', `${tagPath}?page=3`);
    const authorPath = `/id/author/${author.slug}`;
    await assertRedirect('/indonesian/index.php/component/k2/itemlist/user/9-budi-santoso', authorPath);
    await assertRedirect('/indonesian/component/k2/itemlist/user/9-old-name?start=12', `${authorPath}?page=2`);
    assert.equal((await get(tagPath)).statusCode, 200);
    assert.equal((await get(authorPath)).statusCode, 200);
  });

  it("sends K2 feeds (format=feed&type=rss|atom) to the section's feed, tags' and authors' to the edition's", async () => {
    const sectionPath = `/id/category/${section.slug}`;
    await assertRedirect('/indonesian/component/k2/itemlist/category/3-ekonomi?format=feed', `${sectionPath}/feed.xml`);
    await assertRedirect(
      '/indonesian/index.php/component/k2/itemlist/category/3-ekonomi?format=feed&type=rss',
      `${sectionPath}/feed.xml`,
    );
    await assertRedirect(
      '/indonesian/component/k2/itemlist/category/3-ekonomi?format=feed&type=atom&Itemid=2',
      `${sectionPath}/atom.xml`,
    );
    await assertRedirect(
      '/indonesian/component/k2/itemlist/category/3-ekonomi.feed?type=atom',
      `${sectionPath}/atom.xml`,
    );
    await assertRedirect('/indonesian/component/k2/itemlist/tag/Ekonomi%20Makro?format=feed', '/id/feed.xml');
    await assertRedirect('/indonesian/component/k2/itemlist/user/9?format=feed&type=atom', '/id/atom.xml');
    assert.equal((await get(`${sectionPath}/atom.xml`)).statusCode, 200);
  });

  it('answers rows of the table: exact path, kept query, trailing slash, other site; never over a live page', async () => {
    await manual('/tentang-kami', '/id/company-profile');
    await manual('/?p=123', storyPath(enStory));
    await manual('/2019/05/old-story', storyPath(idStory));
    await manual('/partners', 'https://partner.example/warta?x=1', true);
    await manual('/en/old-page', storyPath(enStory));
    await manual(`/id/category/${section.slug}`, '/id/tag/other');
    await assertRedirect('/tentang-kami', '/id/company-profile');
    await assertRedirect('/tentang-kami/', '/id/company-profile');
    await assertRedirect('/tentang-kami?Itemid=4&utm_medium=x', '/id/company-profile');
    await assertRedirect('/?p=123', storyPath(enStory));
    await assertRedirect('/?utm_source=x&p=123', storyPath(enStory));
    await assertRedirect('/2019/05/old-story/', storyPath(idStory));
    await assertRedirect('/partners', 'https://partner.example/warta?x=1');
    await assertRedirect('/en/old-page', storyPath(enStory));
    // The root still sends readers to an edition, and an unknown ?p= is not a redirect.
    assert.equal((await get('/')).statusCode, 302);
    assert.equal((await get('/?p=999')).statusCode, 302);
    // A row for a live page never takes the page's place.
    const live = await get(`/id/category/${section.slug}`);
    assert.equal(live.statusCode, 200);
    // A table row beats a K2 resolution of the same address.
    await manual('/indonesian/berita/item/5-special', '/id/company-profile');
    await assertRedirect('/indonesian/berita/item/5-special', '/id/company-profile');
  });

  it('takes effect at once for a path whose 404 was cached', async () => {
    const first = await get('/id/halaman-lama');
    assert.equal(first.statusCode, 404);
    assert.equal((await get('/id/halaman-lama')).headers['x-cache'], 'hit', 'the 404 is cached');
    await manual('/id/halaman-lama', storyPath(idStory));
    await assertRedirect('/id/halaman-lama', storyPath(idStory));
  });

  it('answers NUL bytes, broken UTF-8 and overlong addresses cleanly, never with a redirect', async () => {
    for (const url of [
      '/indonesian/index.php/component/k2/item/5-%00',
      '/indonesian/index.php/component/k2/item/5-%FF',
      '/indonesian/index.php/component/k2/item/5-%ED%A0%80',
      '/indonesian/index.php/component/k2/item/5?start=%00',
      '/en/index.php/component/k2/item/5-%C0%AF',
      '/tentang-kami%00',
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, url);
      assert.equal(res.headers.location, undefined, url);
    }
    for (const url of [
      `/indonesian/index.php/component/k2/item/5-${'a'.repeat(3000)}`,
      `/en/index.php/component/k2/item/5-${'a'.repeat(3000)}`,
    ]) {
      const res = await get(url);
      assert.ok(res.statusCode === 404 || res.statusCode === 414, `${url.slice(0, 40)}: ${res.statusCode}`);
      assert.equal(res.headers.location, undefined);
    }
  });

  it('never reflects the request into Location', async () => {
    for (const url of [
      '//evil.example/x',
      '/\\evil.example',
      '/%2F%2Fevil.example',
      '/indonesian/berita/item/5-x?next=https://evil.example',
    ]) {
      const res = await get(url);
      const location = String(res.headers.location ?? '');
      assert.ok(!location.includes('evil'), `${url} → ${location}`);
    }
  });

  it('costs one lookup per junk address, and keeps nothing for it', async () => {
    const executor = t.db.getExecutor();
    const original = executor.executeQuery.bind(executor);
    let lookups = 0;
    executor.executeQuery = ((query: Parameters<typeof original>[0]) => {
      if (/"redirects"|"import_links"/.test(query.sql)) lookups++;
      return original(query);
    }) as typeof executor.executeQuery;
    const statsBefore = t.app.ctx.pageCache.stats();
    const count = 10_000;
    try {
      for (let i = 0; i < count; i++) {
        // Three shapes a bot sends: K2-looking under an imported prefix, under an edition, and any path.
        const url =
          i % 3 === 0
            ? `/indonesian/berita/item/${100_000 + i}-x?utm_source=${i}`
            : i % 3 === 1
              ? `/en/junk-${i}/item/x?fbclid=${i}`
              : `/junk-${i}/${i}?Itemid=${i}`;
        const res = await get(url, { accept: 'application/json' });
        if (res.statusCode !== 404) assert.fail(`${url} answered ${res.statusCode}`);
      }
    } finally {
      executor.executeQuery = original;
    }
    assert.ok(lookups <= count, `${lookups} lookups for ${count} addresses`);
    assert.ok(lookups >= count * 0.99, 'every address was looked up once');
    // No answer of these was kept (a parameter no route declares keeps an answer out of the page
    // cache); entries kept before may have expired meanwhile, none was added.
    assert.ok(t.app.ctx.pageCache.stats().entries <= statsBefore.entries);
  });
});
