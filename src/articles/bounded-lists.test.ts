// The lists whose queries were bounded for large archives still say the same thing: related
// stories by shared tags then the section's newest, a section with subsections merged newest
// first, story sitemaps that list every published story exactly once across file boundaries, a
// tag's stories paged newest first from the tag's own index.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle, makeCategory } from '../../test/helpers/factories.ts';
import { toDbTime } from '../core/db/dialect.ts';
import type { CategoryRow } from '../core/db/schema.ts';
import { listSitemapArticles, listSitemapChunks } from '../feeds/sitemap-queries.ts';
import { writerFor } from '../../test/helpers/writer.ts';
import { setArticleStatus } from './commands.ts';
import { countPublishedArticles, findArticlePage, listPublishedArticles } from './queries.ts';
import { listRelatedArticles } from './related.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const hoursAgo = (h: number) => toDbTime(new Date(NOW.getTime() - h * 3600_000));

let t: TestApp;
let section: CategoryRow;
let subsection: CategoryRow;
let other: CategoryRow;

before(async () => {
  t = await createTestApp({ WARTA_PAGE_CACHE_SECONDS: '0' });
  t.setNow(NOW);
  section = await makeCategory(t.db, { name: 'Economy' });
  subsection = await makeCategory(t.db, { name: 'Markets', parent_id: section.id });
  other = await makeCategory(t.db, { name: 'Sport' });
});
after(() => t.close());

async function story(title: string, values: Parameters<typeof makeArticle>[1] = {}) {
  return makeArticle(t.db, { title, category_id: other.id, published_at: hoursAgo(1), ...values });
}

describe('related stories', () => {
  it('rank by shared tags, then the section’s newest, leaving out drafts, scheduled stories and the story itself', async () => {
    const tags = ['rupiah', 'inflation', 'central bank'];
    const main = await story('Rate decision', { category_id: subsection.id, tags, published_at: hoursAgo(2) });
    await story('Sharing three tags', { tags, published_at: hoursAgo(50) });
    await story('Sharing two', { tags: ['rupiah', 'inflation'], published_at: hoursAgo(30) });
    await story('Sharing one', { tags: ['central bank'], published_at: hoursAgo(3) });
    await story('Same section, no tags', { category_id: subsection.id, published_at: hoursAgo(1) });
    await story('Same section, older', { category_id: subsection.id, published_at: hoursAgo(40) });
    await story('A draft sharing all', { tags, status: 'draft' });
    await story('Scheduled, sharing all', { tags, published_at: toDbTime(new Date(NOW.getTime() + 3600_000)) });
    await story('Unrelated', { tags: ['football'], published_at: hoursAgo(0.5) });

    const { article, tags: its } = (await findArticlePage(t.db, main.id, NOW))!;
    const tagIds = its.map((tag) => tag.id);
    const titles = async (limit: number) =>
      (await listRelatedArticles(t.db, article, tagIds, NOW, limit)).map((a) => a.title);
    assert.deepEqual(await titles(4), ['Sharing three tags', 'Sharing two', 'Sharing one', 'Same section, no tags']);
    assert.deepEqual(await titles(6), [
      'Sharing three tags',
      'Sharing two',
      'Sharing one',
      'Same section, no tags',
      'Same section, older',
    ]);
  });

  it('rank by shared tags among each tag’s newest stories, however many stories a tag has', async () => {
    const tags = ['harbour', 'dockers'];
    const main = await story('Port strike', { tags, published_at: hoursAgo(1) });
    await story('Sharing both, older than the crowd', { tags, published_at: hoursAgo(300) });
    // More stories than related lists read of one tag, all newer than the one sharing both.
    for (let i = 0; i < 60; i++)
      await story(`Harbour news ${i}`, { tags: ['harbour'], published_at: hoursAgo(200 - i) });
    await story('Harbour draft', { tags, status: 'draft', published_at: hoursAgo(1) });

    const { article, tags: its } = (await findArticlePage(t.db, main.id, NOW))!;
    const tagIds = its.map((tag) => tag.id);
    const related = await listRelatedArticles(t.db, article, tagIds, NOW, 4);
    assert.deepEqual(
      related.map((a) => a.title),
      ['Sharing both, older than the crowd', 'Harbour news 59', 'Harbour news 58', 'Harbour news 57'],
    );
  });

  it('follow a story’s publication: published it joins, taken off or rescheduled it leaves', async () => {
    const main = await story('Flood warning', { tags: ['monsoon', 'rain'], published_at: hoursAgo(3) });
    const later = await story('Monsoon arrives', {
      tags: ['monsoon', 'rain'],
      status: 'draft',
      published_at: hoursAgo(2),
    });
    const { article, tags: its } = (await findArticlePage(t.db, main.id, NOW))!;
    const tagIds = its.map((tag) => tag.id);
    const first = async (now = NOW) => (await listRelatedArticles(t.db, article, tagIds, now, 1))[0]?.title;
    const w = { ...writerFor(t.db), now: () => NOW };

    assert.notEqual(await first(), 'Monsoon arrives', 'a draft');
    await setArticleStatus(w, later.id, 'published');
    assert.equal(await first(), 'Monsoon arrives', 'published');
    await setArticleStatus(w, later.id, 'archived');
    assert.notEqual(await first(), 'Monsoon arrives', 'archived');
    const tomorrow = new Date(NOW.getTime() + 24 * 3600_000);
    await setArticleStatus(w, later.id, 'published', tomorrow);
    assert.notEqual(await first(), 'Monsoon arrives', 'scheduled for tomorrow');
    assert.equal(await first(new Date(tomorrow.getTime() + 60_000)), 'Monsoon arrives', 'its minute come');
  });

  it('fill from the section alone when the story has no tags', async () => {
    const main = await story('Untagged', { category_id: section.id, published_at: hoursAgo(5) });
    const newer = await story('Newer in the section', { category_id: section.id, published_at: hoursAgo(4) });
    const { article } = (await findArticlePage(t.db, main.id, NOW))!;
    const related = await listRelatedArticles(t.db, article, [], NOW, 4);
    assert.equal(related[0]?.id, newer.id);
    assert.ok(related.every((a) => a.id !== main.id));
  });
});

describe('a section with subsections', () => {
  it('pages through the stories of every category newest first, each exactly once', async () => {
    const categoryIds = [section.id, subsection.id];
    const filter = { edition: 'en', now: NOW, categoryIds };
    const all = await listPublishedArticles(t.db, filter, 1000);
    assert.ok(all.length >= 5, 'the tests above made stories in both categories');
    const times = all.map((a) => a.publishedAt.getTime());
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
      'newest first',
    );
    const paged = [];
    for (let offset = 0; offset < all.length + 3; offset += 3) {
      paged.push(...(await listPublishedArticles(t.db, filter, 3, offset)));
    }
    assert.deepEqual(
      paged.map((a) => a.id),
      all.map((a) => a.id),
    );
    const one = await listPublishedArticles(t.db, { edition: 'en', now: NOW, categoryIds: [subsection.id] }, 1000);
    assert.deepEqual(
      one.map((a) => a.id),
      all.filter((a) => one.some((b) => b.id === a.id)).map((a) => a.id),
    );
  });
});

describe('story sitemap files', () => {
  it('list every published story of the edition exactly once, across file boundaries', async () => {
    for (let i = 0; i < 7; i++) {
      await story(`Sitemap story ${i}`, { published_at: hoursAgo(i + 1) });
      if (i % 3 === 0) await story(`Indonesian ${i}`, { edition: 'id', category_id: undefined });
      if (i % 3 === 1) await story(`Draft ${i}`, { status: 'draft' });
    }
    const scheduled = await story('Not yet', { published_at: toDbTime(new Date(NOW.getTime() + 3600_000)) });
    const published = await listPublishedArticles(t.db, { edition: 'en', now: NOW }, 10_000);
    const expected = published.map((a) => a.id).sort((a, b) => a - b);

    for (const size of [1, 3, 4, expected.length, expected.length + 5]) {
      const chunks = await listSitemapChunks(t.db, 'en', NOW, size);
      assert.equal(chunks.length, Math.ceil(expected.length / size), `files of ${size}`);
      const files = await Promise.all(chunks.map((c) => listSitemapArticles(t.db, 'en', NOW, c.firstId, size)));
      assert.deepEqual(
        files.map((f) => f.length),
        chunks.map((c) => c.count),
        `files of ${size}: counts`,
      );
      assert.deepEqual(
        files.flat().map((a) => a.id),
        expected,
        `files of ${size}: every story once, in id order`,
      );
    }
    // Its minute come, the scheduled story joins the last file.
    const later = new Date(NOW.getTime() + 2 * 3600_000);
    const chunks = await listSitemapChunks(t.db, 'en', later, 4);
    const last = chunks.at(-1)!;
    const files = await listSitemapArticles(t.db, 'en', later, last.firstId, 4);
    assert.equal(files.at(-1)?.id, scheduled.id);
  });
});

describe('a tag page', () => {
  /** The tag's id in an edition, from one of its stories. */
  async function tagIdOf(articleId: number, name: string): Promise<number> {
    return (await findArticlePage(t.db, articleId, NOW))!.tags.find((tag) => tag.name === name)!.id;
  }

  /** Every story of a tag's list, read a page of `size` at a time until a page comes back empty. */
  async function pageThrough(tagId: number, size: number, now = NOW) {
    const filter = { edition: 'en', now, tagId };
    const ids: number[] = [];
    for (let offset = 0; ; offset += size) {
      const page = await listPublishedArticles(t.db, filter, size, offset);
      ids.push(...page.map((a) => a.id));
      if (page.length === 0) return ids;
    }
  }

  it('pages through its published stories newest first, ties by id, without drafts, scheduled stories or other editions', async () => {
    const tag = 'Lighthouse keepers';
    const idOf = new Map<string, number>();
    const listed = async (title: string, hours: number) =>
      idOf.set(title, (await story(title, { tags: [tag, 'coast'], published_at: hoursAgo(hours) })).id);
    for (let i = 0; i < 8; i++) await listed(`Lighthouse ${i}`, 20 - i);
    // Two at the same minute: the newer id comes first.
    await listed('Lighthouse tie A', 15.5);
    await listed('Lighthouse tie B', 15.5);
    await story('Lighthouse draft', { tags: [tag], status: 'draft', published_at: hoursAgo(1) });
    await story('Lighthouse scheduled', { tags: [tag], published_at: toDbTime(new Date(NOW.getTime() + 3600_000)) });
    await story('Lighthouse, untagged', { published_at: hoursAgo(2) });
    await story('Mercusuar', { edition: 'id', category_id: undefined, tags: [tag], published_at: hoursAgo(1) });
    const tagId = await tagIdOf(idOf.get('Lighthouse 0')!, tag);
    const expected = ['7', '6', '5', 'tie B', 'tie A', '4', '3', '2', '1', '0'].map((n) =>
      idOf.get(`Lighthouse ${n}`)!,
    );

    for (const size of [1, 3, 4, 12]) assert.deepEqual(await pageThrough(tagId, size), expected, `pages of ${size}`);
    assert.equal(await countPublishedArticles(t.db, { edition: 'en', now: NOW, tagId }), expected.length);
    const cards = await listPublishedArticles(t.db, { edition: 'en', now: NOW, tagId }, 2);
    assert.deepEqual(
      cards.map((a) => [a.title, a.category.slug]),
      [
        ['Lighthouse 7', other.slug],
        ['Lighthouse 6', other.slug],
      ],
    );
  });

  it('follows a story’s publication: taken off it leaves, published it joins, rescheduled it waits for its minute', async () => {
    const tag = 'Tide tables';
    const older = await story('Tides older', { tags: [tag], published_at: hoursAgo(6) });
    const main = await story('Tides main', { tags: [tag], published_at: hoursAgo(3) });
    const draft = await story('Tides draft', { tags: [tag], status: 'draft', published_at: hoursAgo(4) });
    const tagId = await tagIdOf(main.id, tag);
    const count = (now = NOW) => countPublishedArticles(t.db, { edition: 'en', now, tagId });
    const w = { ...writerFor(t.db), now: () => NOW };
    assert.deepEqual(await pageThrough(tagId, 1), [main.id, older.id]);

    await setArticleStatus(w, main.id, 'archived');
    assert.deepEqual(await pageThrough(tagId, 1), [older.id], 'archived');
    assert.equal(await count(), 1);
    await setArticleStatus(w, draft.id, 'published');
    assert.deepEqual(await pageThrough(tagId, 1), [draft.id, older.id], 'the draft published at its own time');
    assert.equal(await count(), 2);
    const tomorrow = new Date(NOW.getTime() + 24 * 3600_000);
    await setArticleStatus(w, main.id, 'published', tomorrow);
    assert.deepEqual(await pageThrough(tagId, 1), [draft.id, older.id], 'scheduled for tomorrow');
    assert.equal(await count(), 2);
    const then = new Date(tomorrow.getTime() + 60_000);
    assert.deepEqual(await pageThrough(tagId, 2, then), [main.id, draft.id, older.id], 'its minute come');
    assert.equal(await count(then), 3);
  });
});
