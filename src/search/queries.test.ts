// Search stays bounded and still right: a common word ranks only its newest matches and says
// there are more, a rare word is counted exactly, filters are applied inside the index (so a
// story far older than the newest matches is still found by its section or dates), and pages
// run up to the cap and no further. A small cap stands in for MATCH_CAP, on both engines.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { seedBase } from '../../seed/editions.ts';
import type { ArticleRow, Database } from '../core/db/schema.ts';
import { toDbTime } from '../core/db/dialect.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { makeArticle, makeCategory } from '../../test/helpers/factories.ts';
import { writerFor } from '../../test/helpers/writer.ts';
import { countSearchResults, searchArticles, type SearchFilter } from './queries.ts';
import { parseQuery } from './text.ts';

const CAP = 5;
let t: TestDatabase;
let db: Kysely<Database>;
const now = new Date();
const hoursAgo = (h: number) => toDbTime(new Date(now.getTime() - h * 3600_000));

/** Stories with the common word "zebu", newest first (index 0 is an hour old). */
const zebu: ArticleRow[] = [];
let oldInSports: ArticleRow;
let sportsId: number;

before(async () => {
  t = await createTestDatabase();
  db = t.db.kysely;
  await seedBase(writerFor(db));
  const news = await makeCategory(db, { name: 'News' });
  const sports = await makeCategory(db, { name: 'Sports' });
  sportsId = sports.id;
  for (let i = 0; i < 8; i++) {
    // The fourth newest and the seventh newest have the word in their title.
    const title = i === 3 || i === 6 ? `Zebu show number ${i}` : `Market report number ${i}`;
    const body = `<p>Farmers brought a zebu to the fair${i === 1 ? ' with a quagga' : ''}.</p>`;
    zebu.push(await makeArticle(db, { title, body_html: body, category_id: news.id, published_at: hoursAgo(i + 1) }));
  }
  oldInSports = await makeArticle(db, {
    title: 'Zebu racing returns',
    summary: 'A quagga came second.',
    category_id: sports.id,
    published_at: hoursAgo(24 * 400),
  });
  // Other editions, the future and drafts never count.
  await makeArticle(db, { edition: 'id', title: 'Zebu di pasar', published_at: hoursAgo(1) });
  await makeArticle(db, { title: 'Zebu embargoed', published_at: toDbTime(new Date(now.getTime() + 3600_000)) });
  await makeArticle(db, { title: 'Zebu draft', status: 'draft' });
});
after(() => t.cleanup());

const filter = (q: string, more: Partial<SearchFilter> = {}): SearchFilter => ({
  edition: 'en',
  now,
  query: parseQuery(q),
  ...more,
});
const idsOf = (hits: readonly { article: { id: number } }[]) => hits.map((h) => h.article.id);

describe('bounded search', () => {
  it('ranks a common word among its newest matches only, title matches first, and says there are more', async () => {
    const found = await searchArticles(db, filter('zebu'), { limit: 10, offset: 0, cap: CAP });
    assert.equal(found.total, CAP);
    assert.equal(found.isCapped, true);
    // The five newest: the one with the word in its title first, then newest first. The older
    // title match (the seventh newest) is past the cap.
    assert.deepEqual(idsOf(found.hits), [zebu[3]!.id, zebu[0]!.id, zebu[1]!.id, zebu[2]!.id, zebu[4]!.id]);
    // Without the small cap: every published match in the edition, none scheduled or in draft.
    assert.equal(await countSearchResults(db, filter('zebu')), 9);
  });

  it('pages across the capped set without repeats, and past its end finds nothing but keeps the count', async () => {
    const pages = [];
    for (let offset = 0; offset < CAP; offset += 2) {
      const page = await searchArticles(db, filter('zebu'), { limit: 2, offset, cap: CAP });
      assert.equal(page.total, CAP);
      pages.push(...idsOf(page.hits));
    }
    assert.deepEqual(pages, [zebu[3]!.id, zebu[0]!.id, zebu[1]!.id, zebu[2]!.id, zebu[4]!.id]);
    const past = await searchArticles(db, filter('zebu'), { limit: 2, offset: CAP + 1, cap: CAP });
    assert.deepEqual(past.hits, []);
    assert.equal(past.total, CAP);
    assert.equal(past.isCapped, true);
  });

  it('counts a rare word exactly', async () => {
    const found = await searchArticles(db, filter('quagga'), { limit: 10, offset: 0, cap: CAP });
    assert.equal(found.total, 2);
    assert.equal(found.isCapped, false);
    // The summary match outranks the body match, though it is 400 days older.
    assert.deepEqual(idsOf(found.hits), [oldInSports.id, zebu[1]!.id]);
  });

  it('finds stories with both words of a two-word query', async () => {
    const found = await searchArticles(db, filter('quagga zebu'), { limit: 10, offset: 0, cap: CAP });
    assert.deepEqual(idsOf(found.hits), [oldInSports.id, zebu[1]!.id]);
    const none = await searchArticles(db, filter('quagga show'), { limit: 10, offset: 0, cap: CAP });
    assert.deepEqual([none.total, none.hits], [0, []]);
  });

  it('filters inside the index: an old story is found by its section or dates past a common word’s cap', async () => {
    const bySection = await searchArticles(db, filter('zebu', { categoryIds: [sportsId] }), {
      limit: 10,
      offset: 0,
      cap: CAP,
    });
    assert.deepEqual([bySection.total, bySection.isCapped, idsOf(bySection.hits)], [1, false, [oldInSports.id]]);
    const byDates = await searchArticles(
      db,
      filter('zebu', { from: new Date(now.getTime() - 24 * 401 * 3600_000), before: new Date(hoursAgo(24 * 399)) }),
      { limit: 10, offset: 0, cap: CAP },
    );
    assert.deepEqual(idsOf(byDates.hits), [oldInSports.id]);
    // The newest stories only: the cap still applies within a filter.
    const recent = await searchArticles(db, filter('zebu', { from: new Date(hoursAgo(6.5)) }), {
      limit: 10,
      offset: 0,
      cap: CAP,
    });
    assert.deepEqual([recent.total, recent.isCapped], [CAP, true]);
    const empty = await searchArticles(db, filter('zebu', { categoryIds: [] }), { limit: 10, offset: 0, cap: CAP });
    assert.equal(empty.total, 0);
  });

  it('reads the last word as a beginning only when no whole word matches', async () => {
    const whole = await searchArticles(db, filter('zebu'), { limit: 1, offset: 0, cap: CAP });
    assert.equal(whole.matchedQuery.isPrefixLast, false);
    const beginning = await searchArticles(db, filter('quag'), { limit: 10, offset: 0, cap: CAP });
    assert.equal(beginning.matchedQuery.isPrefixLast, true);
    assert.deepEqual(idsOf(beginning.hits), [oldInSports.id, zebu[1]!.id]);
  });
});
