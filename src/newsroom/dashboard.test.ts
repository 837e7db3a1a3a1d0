// The dashboard: reads today, over 7 and 30 days (chart and table), most read, ratings, queues.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle } from '../../test/helpers/factories.ts';
import { signedIn } from '../../test/helpers/newsroom.ts';
import { dayIn } from './dashboard.tsx';

let t: TestApp;
before(async () => (t = await createTestApp()));
after(() => t.close());

test('shows reads per day, the most-read and most-rated stories, and what waits', async () => {
  const now = new Date();
  const tz = t.config.timezone;
  const popular = await makeArticle(t.db, {
    title: 'Harbour festival draws record crowds',
    rating_sum: 18,
    rating_count: 4,
  });
  const quiet = await makeArticle(t.db, { title: 'Library extends its opening hours' });
  await makeArticle(t.db, { title: 'Draft waiting for an editor', status: 'review', published_at: null });
  await t.db
    .insertInto('article_reads_daily')
    .values([
      { article_id: popular.id, day: dayIn(tz, now), reads: 40 },
      { article_id: popular.id, day: dayIn(tz, now, 3), reads: 25 },
      { article_id: quiet.id, day: dayIn(tz, now, 3), reads: 5 },
      { article_id: quiet.id, day: dayIn(tz, now, 20), reads: 7 },
    ])
    .execute();
  const editor = await signedIn(t, 'editor');
  const page = await t.app.inject({ url: '/newsroom', headers: editor.headers });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<dt>Reads today<\/dt><dd>40<\/dd>/);
  assert.match(page.body, /<dt>Reads in the last 7 days<\/dt><dd>70<\/dd>/);
  assert.equal([...page.body.matchAll(/<rect class="nr-chart-bar"/g)].length, 30, 'a bar per day');
  assert.match(page.body, new RegExp(`<th scope="row">${dayIn(tz, now, 20)}</th><td>7</td>`));
  const mostRead = page.body.slice(page.body.indexOf('id="most-read-heading"'));
  assert.ok(mostRead.indexOf('Harbour festival') < mostRead.indexOf('Library extends'), 'ranked by reads');
  assert.match(page.body, /4 votes, average 4\.5/);
  assert.match(page.body, /Draft waiting for an editor/);
});

test('an integrity officer has no dashboard, and lands in the reports inbox instead', async () => {
  const officer = await signedIn(t, 'integrity_officer');
  const res = await t.app.inject({ url: '/newsroom', headers: officer.headers });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/newsroom/integrity/reports');
  assert.equal((await t.app.inject({ url: res.headers.location, headers: officer.headers })).statusCode, 200);
});
