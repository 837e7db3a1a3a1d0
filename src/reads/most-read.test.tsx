// Most-read lists from the daily read totals: the periods, the edition and publication filters,
// the fallback of the box, and the /{edition}/most-read page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listMostRead, type ArticleSummary } from '../articles/index.ts';
import { toDbTime } from '../core/db/dialect.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle } from '../../test/helpers/factories.ts';

// 18:00 in Jakarta (UTC+7): a quarter of yesterday still lies within the last 24 hours.
const EVENING = new Date('2024-06-16T11:00:00Z');
// 06:00 in Jakarta: three quarters of yesterday do.
const MORNING = new Date('2024-06-15T23:00:00Z');
const LONG_AGO = '2024-05-01T00:00:00.000Z';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

/**
 * An empty site at a given time: the lists span every article of an edition, so each test
 * starts without the articles (and, by cascade, the read totals) of the tests before it.
 */
async function freshSite(now: Date): Promise<TestApp> {
  await t.db.deleteFrom('articles').execute();
  t.setNow(now);
  return t;
}
async function story(title: string, values: Parameters<typeof makeArticle>[1] = {}) {
  return makeArticle(t.db, { title, published_at: LONG_AGO, ...values });
}
async function reads(articleId: number, perDay: Record<string, number>) {
  await t.db
    .insertInto('article_reads_daily')
    .values(Object.entries(perDay).map(([day, n]) => ({ article_id: articleId, day, reads: n })))
    .execute();
}
const titles = (list: readonly ArticleSummary[]) => list.map((a) => a.title);
const list = (now: Date, options: Partial<Parameters<typeof listMostRead>[3]> = {}, edition = 'en') =>
  listMostRead(t.db, edition, now, { timezone: 'Asia/Jakarta', isStrict: true, ...options });

describe('listMostRead', () => {
  it('ranks the last 7 days by their daily totals, ignoring older reads', async () => {
    await freshSite(EVENING);
    const old = await story('Old favourite');
    const week = await story('Story of the week');
    const today = await story('Story of the day');
    await reads(old.id, { '2024-06-01': 5000, '2024-06-16': 1 });
    await reads(week.id, { '2024-06-10': 300, '2024-06-12': 200 });
    await reads(today.id, { '2024-06-16': 400 });
    assert.deepEqual(titles(await list(EVENING, { period: '7d' })), [
      'Story of the week',
      'Story of the day',
      'Old favourite',
    ]);
    assert.deepEqual(titles(await list(EVENING, { period: '30d' })), [
      'Old favourite',
      'Story of the week',
      'Story of the day',
    ]);
  });

  it('approximates the last 24 hours with today and the part of yesterday still inside them', async () => {
    const morning = await freshSite(MORNING);
    const yesterday = await story('Read yesterday');
    const today = await story('Read today');
    const dayBefore = await story('Read the day before');
    // At 06:00 on the 16th: the 15th weighs 3/4, the 16th fully, the 14th not at all.
    await reads(yesterday.id, { '2024-06-15': 100 });
    await reads(today.id, { '2024-06-16': 60 });
    await reads(dayBefore.id, { '2024-06-14': 1000 });
    assert.deepEqual(titles(await list(MORNING, { period: '24h' })), ['Read yesterday', 'Read today']);
    // At 18:00 the same day: the 15th weighs 1/4 (25 < 60).
    morning.setNow(EVENING);
    assert.deepEqual(titles(await list(EVENING, { period: '24h' })), ['Read today', 'Read yesterday']);
  });

  it('lists only published stories of the edition', async () => {
    await freshSite(EVENING);
    const en = await story('English story');
    const id = await story('Berita bahasa Indonesia', { edition: 'id' });
    const draft = await story('Unpublished draft', { status: 'draft' });
    const scheduled = await story('Scheduled for tomorrow', { published_at: '2024-06-17T01:00:00.000Z' });
    for (const a of [en, id, draft, scheduled]) await reads(a.id, { '2024-06-16': 50 });
    assert.deepEqual(titles(await list(EVENING, { period: '7d' })), ['English story']);
    assert.deepEqual(titles(await list(EVENING, { period: '7d' }, 'id')), ['Berita bahasa Indonesia']);
  });

  it('fills a short list from longer periods, then from stored counts, never twice the same story', async () => {
    await freshSite(EVENING);
    const day = await story('Read today');
    const week = await story('Read this week');
    const month = await story('Read this month');
    const imported = await story('Counted before daily totals', {
      published_at: '2024-06-10T00:00:00.000Z',
      hit_count: 80,
    });
    await story('Never read', { published_at: '2024-06-10T00:00:00.000Z' });
    await reads(day.id, { '2024-06-16': 10, '2024-06-01': 1 });
    await reads(week.id, { '2024-06-12': 20 });
    await reads(month.id, { '2024-05-25': 30 });
    assert.deepEqual(titles(await list(EVENING, { period: '24h' })), ['Read today']);
    const box = await list(EVENING, { period: '24h', isStrict: false, limit: 10 });
    assert.deepEqual(titles(box), ['Read today', 'Read this week', 'Read this month', imported.title]);
  });

  it('finds the edition’s stories among more-read stories of another edition, best first', async () => {
    await freshSite(EVENING);
    // Nine Indonesian stories read more than any English one: the first cards looked up are theirs.
    for (let i = 0; i < 9; i++) await reads((await story(`Berita ${i}`, { edition: 'id' })).id, { '2024-06-16': 100 });
    const most = await story('Most read in English');
    await reads(most.id, { '2024-06-16': 50 });
    for (const [title, at] of [
      ['Older forty', '2024-06-10T00:00:00.000Z'],
      ['Newest forty', '2024-06-14T00:00:00.000Z'],
      ['Middle forty', '2024-06-12T00:00:00.000Z'],
    ]) {
      await reads((await story(title!, { published_at: at })).id, { '2024-06-16': 40 });
    }
    assert.deepEqual(titles(await list(EVENING, { period: '24h', limit: 2 })), [
      'Most read in English',
      'Newest forty',
    ]);
    assert.deepEqual(titles(await list(EVENING, { period: '24h', limit: 3 })), [
      'Most read in English',
      'Newest forty',
      'Middle forty',
    ]);
    assert.equal((await list(EVENING, { period: '24h', limit: 5 }, 'id')).length, 5);
  });

  it('gives a place shared by equal scores to the newest story, wherever the ranking put it', async () => {
    await freshSite(EVENING);
    // Five stories with the same reads, three of another edition: the one place goes to the newer
    // of the two English ones, whichever of them the first lookups missed.
    for (let i = 0; i < 3; i++) await reads((await story(`Sama ${i}`, { edition: 'id' })).id, { '2024-06-16': 7 });
    const older = await story('Older of the two', { published_at: '2024-06-01T00:00:00.000Z' });
    const newer = await story('Newer of the two', { published_at: '2024-06-02T00:00:00.000Z' });
    await reads(older.id, { '2024-06-16': 7 });
    await reads(newer.id, { '2024-06-16': 7 });
    assert.deepEqual(titles(await list(EVENING, { period: '24h', limit: 1 })), ['Newer of the two']);
  });

  it('is empty on a site where nothing has been read', async () => {
    await freshSite(EVENING);
    await story('Nobody has read this yet');
    assert.deepEqual(await list(EVENING, { isStrict: false }), []);
  });
});

describe('the most-read page', () => {
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('lists the last 24 hours by default, with the periods as links', async () => {
    await freshSite(EVENING);
    const a = await story('Harbour reopens');
    const b = await story('Rice harvest beats forecast');
    await reads(a.id, { '2024-06-16': 5 });
    await reads(b.id, { '2024-06-16': 9, '2024-06-10': 100 });
    const res = await get('/en/most-read');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['cache-control'] as string, /^public, max-age=\d+/);
    assert.equal(res.headers['set-cookie'], undefined);
    assert.match(res.body, /<title>Most read – Last 24 hours · Voice of Warta<\/title>/);
    assert.match(res.body, /<link rel="canonical" href="https:\/\/warta.test\/en\/most-read"/);
    assert.match(res.body, /<h1>Most read<\/h1>/);
    assert.match(res.body, /<nav class="period-tabs" aria-label="Period">/);
    assert.match(res.body, /<a href="\/en\/most-read" aria-current="page">Last 24 hours<\/a>/);
    assert.match(res.body, /<a href="\/en\/most-read\?period=7d">Last 7 days<\/a>/);
    assert.match(res.body, /<a href="\/en\/most-read\?period=30d">Last 30 days<\/a>/);
    const first = res.body.indexOf('Rice harvest beats forecast');
    const second = res.body.indexOf('Harbour reopens');
    assert.ok(first > 0 && second > first, 'ranked by reads');
    assert.match(res.body, /<ol class="most-read-page__list">/);
  });

  it('shows another period when asked, and says so when the period has no reads', async () => {
    await freshSite(EVENING);
    const a = await story('Read last week only');
    await reads(a.id, { '2024-06-11': 12 });
    const week = await get('/en/most-read?period=7d');
    assert.equal(week.statusCode, 200);
    assert.match(week.body, /<a href="\/en\/most-read\?period=7d" aria-current="page">Last 7 days<\/a>/);
    assert.match(week.body, /<link rel="canonical" href="https:\/\/warta.test\/en\/most-read\?period=7d"/);
    assert.match(week.body, /Read last week only/);
    const day = await get('/en/most-read?period=24h');
    assert.match(day.body, /No reads have been counted in this period yet\./);
    assert.doesNotMatch(day.body, /Read last week only/);
  });

  it('answers 400 for an unknown period, and ignores other query parameters', async () => {
    await freshSite(EVENING);
    for (const bad of ['1y', '', '24H', '7d&period=30d']) {
      const res = await get(`/en/most-read?period=${bad}`);
      assert.equal(res.statusCode, 400, `period=${bad}`);
      assert.match(res.headers['content-type'] as string, /text\/html/);
    }
    assert.equal((await get('/en/most-read?utm_source=newsletter')).statusCode, 200);
  });

  it('speaks the edition language and 404s for an unknown edition', async () => {
    await freshSite(EVENING);
    const ar = await get('/ar/most-read?period=30d');
    assert.equal(ar.statusCode, 200);
    assert.match(ar.body, /<html lang="ar" dir="rtl">/);
    assert.match(ar.body, /aria-current="page">آخر 30 يومًا<\/a>/);
    assert.equal((await get('/xx/most-read')).statusCode, 404);
  });

  it('is linked from the most-read box of the home page, which ranks the last 24 hours', async () => {
    await freshSite(EVENING);
    const quiet = await story('Quiet today', {
      is_featured: 1,
      published_at: toDbTime(new Date('2024-06-16T01:00:00Z')),
    });
    const busy = await story('Busy today', { published_at: toDbTime(new Date('2024-06-16T02:00:00Z')) });
    await reads(quiet.id, { '2024-06-16': 3 });
    await reads(busy.id, { '2024-06-16': 30 });
    const res = await get('/en');
    assert.equal(res.statusCode, 200);
    const box = /<section class="box most-read"[\s\S]*?<\/section>/.exec(res.body)?.[0] ?? '';
    assert.match(box, /<a href="\/en\/most-read">More most-read stories<\/a>/);
    assert.ok(box.indexOf('Busy today') < box.indexOf('Quiet today') && box.indexOf('Busy today') > 0, box);
  });
});

describe('flush and most-read together', () => {
  it('puts counted reads into today’s total in the site time zone', async () => {
    const app = await freshSite(new Date('2024-06-15T18:30:00Z')); // 01:30 on the 16th in Jakarta
    const a = await makeArticle(app.db, { published_at: LONG_AGO });
    const res = await app.app.inject({
      method: 'POST',
      url: `/api/reads/${a.id}`,
      headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' },
    });
    assert.equal(res.json().counted, true);
    await app.app.readCounter.flush();
    const rows = await app.db
      .selectFrom('article_reads_daily')
      .select(['day', 'reads'])
      .where('article_id', '=', a.id)
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.day, Number(r.reads)]),
      [['2024-06-16', 1]],
    );
  });
});
