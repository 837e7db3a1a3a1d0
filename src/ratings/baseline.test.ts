// Imported rating totals (issue 11: K2 importer): a baseline kept apart from the vote rows, that
// the widget and every vote's answer show added to the votes, while rating_sum and rating_count
// stay the sums of the vote rows.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle } from '../../test/helpers/factories.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ WARTA_VOTES_PER_HOUR: '100000' });
});
after(() => t.close());

async function importedArticle(baselineSum: number, baselineCount: number) {
  const a = await makeArticle(t.db);
  await t.db
    .updateTable('articles')
    .set({ baseline_rating_sum: baselineSum, baseline_rating_count: baselineCount })
    .where('id', '=', a.id)
    .execute();
  return a;
}

function vote(articleId: number, rating: number) {
  return t.app.inject({
    method: 'POST',
    url: `/en/news/ratings/${articleId}`,
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      cookie: `warta_voter=${t.signCookie(randomBytes(16).toString('base64url'))}`,
    },
    payload: JSON.stringify({ rating }),
  });
}

describe('an imported rating baseline', () => {
  it('is shown by the widget with no vote cast in Warta', async () => {
    const a = await importedArticle(35, 10);
    const res = await t.app.inject({ url: `/en/news/${a.id}/${a.slug}` });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /role="img" aria-label="Rated 3\.5 out of 5" data-stars="3\.5"/);
    assert.match(res.body, /<span class="rating__count">\(10 votes\)<\/span>/);
  });

  it('has each vote added to it, while the stored totals stay those of the vote rows', async () => {
    const a = await importedArticle(35, 10);
    const first = await vote(a.id, 5);
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual((first.json() as { rating: { sum: number; count: number } }).rating.sum, 40);
    const second = await vote(a.id, 1);
    const answer = (second.json() as { rating: { sum: number; count: number } }).rating;
    assert.deepEqual([answer.sum, answer.count], [41, 12]);
    const row = await t.db
      .selectFrom('articles')
      .select(['rating_sum', 'rating_count', 'baseline_rating_sum', 'baseline_rating_count'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { rating_sum: 6, rating_count: 2, baseline_rating_sum: 35, baseline_rating_count: 10 });
    const page = await t.app.inject({ url: `/en/news/${a.id}/${a.slug}?rated=12-41` });
    assert.match(page.body, /<span class="rating__count">\(12 votes\)<\/span>/);
  });
});
