// HTTP behaviour of ratings: the widget on the article page, the form and JSON votes, the voter
// cookie, and bad input answered with a clear 4xx that changes nothing.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Response as InjectResponse } from 'light-my-request';
import { toDbTime } from '../core/db/dialect.ts';
import type { ArticleRow } from '../core/db/schema.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle } from '../../test/helpers/factories.ts';

let t: TestApp;
before(async () => {
  // Every request comes from 127.0.0.1; the per-address limit has its own test file.
  t = await createTestApp({ WARTA_VOTES_PER_HOUR: '100000' });
});
after(() => t.close());

const FORM = 'application/x-www-form-urlencoded';
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** A signed voter cookie for a new reader, as the server would set it. */
function newVoter(): string {
  return `warta_voter=${t.signCookie(randomBytes(16).toString('base64url'))}`;
}

/** Posts a form vote the way a browser does. */
function postForm(url: string, body: string, cookie?: string): Promise<InjectResponse> {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': FORM, accept: BROWSER_ACCEPT, ...(cookie ? { cookie } : {}) },
    payload: body,
  });
}

/** Posts a JSON vote the way client/rating.ts does. */
function postJson(url: string, body: unknown, cookie?: string): Promise<InjectResponse> {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(cookie ? { cookie } : {}) },
    payload: JSON.stringify(body),
  });
}

/** The article's stored totals and its vote rows. */
async function stateOf(id: number) {
  const article = await t.db
    .selectFrom('articles')
    .select(['rating_sum', 'rating_count'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const votes = await t.db
    .selectFrom('article_votes')
    .select(['voter_id', 'rating'])
    .where('article_id', '=', id)
    .orderBy('voter_id')
    .execute();
  return { sum: article.rating_sum, count: article.rating_count, votes };
}

const voteUrl = (a: Pick<ArticleRow, 'edition' | 'id'>) => `/${a.edition}/news/ratings/${a.id}`;

function assertNoStore(res: InjectResponse, what: string): void {
  assert.equal(res.headers['cache-control'], 'no-store', `${what}: Cache-Control`);
}

describe('the rating widget on the article page', () => {
  it('is a POST form with a radio group of five named stars, the average and the vote count', async () => {
    const a = await makeArticle(t.db, { rating_sum: 9, rating_count: 2 });
    const res = await t.app.inject({ method: 'GET', url: `/en/news/${a.id}/${a.slug}` });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['set-cookie'], undefined, 'the article page sets no cookie');
    assert.match(String(res.headers['cache-control']), /^public/);
    const html = res.body;
    assert.match(html, new RegExp(`<form class="rating" id="rating" method="post" action="/en/news/ratings/${a.id}"`));
    assert.match(html, /<fieldset class="rating__group"><legend class="rating__label">Rate this item<\/legend>/);
    for (const [n, name] of [
      [1, '1 star'],
      [2, '2 stars'],
      [3, '3 stars'],
      [4, '4 stars'],
      [5, '5 stars'],
    ] as const) {
      assert.match(
        html,
        new RegExp(
          `<input class="rating__input" type="radio" name="rating" value="${n}" id="rating-${a.id}-${n}"[^>]*>` +
            `<label class="rating__star" for="rating-${a.id}-${n}"><span aria-hidden="true">★</span>` +
            `<span class="visually-hidden">${name}</span></label>`,
        ),
      );
    }
    assert.equal(html.match(/ required/g)?.length, 1, 'one required radio makes the group required');
    assert.match(html, /<button class="rating__submit" type="submit">Send rating<\/button>/);
    assert.match(html, /role="img" aria-label="Rated 4\.5 out of 5" data-stars="4\.5"/);
    assert.match(html, /<span class="rating__count">\(2 votes\)<\/span>/);
    assert.match(html, /<p class="rating__status" role="status"><\/p>/);
    assert.ok(html.indexOf('Rate this item') < html.indexOf('(2 votes)'), '"Rate this item" comes first');
  });

  it('speaks the edition’s language, with Arabic plural forms', async () => {
    const a = await makeArticle(t.db, { edition: 'ar', title: 'خبر للتقييم' });
    const res = await t.app.inject({ method: 'GET', url: `/ar/news/${a.id}/${encodeURIComponent(a.slug)}` });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, new RegExp(`action="/ar/news/ratings/${a.id}"`));
    assert.match(res.body, /<legend class="rating__label">قيّم هذا الخبر<\/legend>/);
    assert.match(res.body, /<span class="visually-hidden">نجمة واحدة<\/span>/);
    assert.match(res.body, /<span class="visually-hidden">نجمتان<\/span>/);
    assert.match(res.body, /لم يُقيَّم بعد/);
  });
});

describe('voting with the form, without JavaScript', () => {
  it('answers a vote without a voter cookie with 403, a cookie and a one-click confirm page; records nothing', async () => {
    const a = await makeArticle(t.db, { title: 'Ferry timetable changes' });
    const res = await postForm(voteUrl(a), 'rating=4');
    assert.equal(res.statusCode, 403);
    assertNoStore(res, 'confirm page');
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /<html lang="en" dir="ltr">/);
    assert.match(res.body, /<h1>Confirm your rating<\/h1>/);
    assert.match(res.body, /Your rating for “Ferry timetable changes”: 4 stars\./);
    assert.match(res.body, new RegExp(`<form method="post" action="/en/news/ratings/${a.id}">`));
    assert.match(res.body, /<input type="hidden" name="rating" value="4"\/?>/);
    assert.match(res.body, /<button class="button" type="submit">Confirm my rating<\/button>/);
    assert.match(res.body, new RegExp(`href="/en/news/${a.id}/ferry-timetable-changes#rating"`));
    assert.match(res.body, /<meta name="robots" content="noindex"/);
    const [cookie] = res.cookies;
    assert.ok(cookie, 'a voter cookie is set');
    assert.equal(cookie.name, 'warta_voter');
    assert.equal(cookie.path, '/en/news/ratings', 'the cookie only goes to the vote endpoints');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(
      cookie.secure,
      true,
      'Secure: the configured base URL is https (one rule for every cookie, whatever the request says)',
    );
    assert.ok((cookie.maxAge ?? 0) > 30 * 24 * 3600, 'it lasts');
    assert.equal(t.unsignCookie(cookie.value).valid, true, 'it is signed');
    assert.deepEqual(await stateOf(a.id), { sum: 0, count: 0, votes: [] });
  });

  it('records the confirmed vote and redirects back to the story with 303', async () => {
    const a = await makeArticle(t.db, { title: 'Port strike ends' });
    const first = await postForm(voteUrl(a), 'rating=4');
    const cookie = `warta_voter=${first.cookies[0]!.value}`;
    const res = await postForm(voteUrl(a), 'rating=4', cookie);
    assert.equal(res.statusCode, 303);
    assertNoStore(res, 'redirect');
    assert.equal(res.headers['set-cookie'], undefined, 'the cookie is not set again');
    assert.equal(res.headers.location, `/en/news/${a.id}/port-strike-ends?rated=1-4#rating`);
    const state = await stateOf(a.id);
    assert.equal(state.sum, 4);
    assert.equal(state.count, 1);
    assert.equal(state.votes.length, 1);
    assert.equal(state.votes[0]!.rating, 4);

    const story = await t.app.inject({ method: 'GET', url: String(res.headers.location).split('#')[0]! });
    assert.equal(story.statusCode, 200);
    assert.match(story.body, /\(1 vote\)/);
    assert.match(story.body, /aria-label="Rated 4 out of 5" data-stars="4\.0"/);
  });

  it('changes, not adds, a second vote from the same reader; another reader adds one', async () => {
    const a = await makeArticle(t.db);
    const reader = newVoter();
    assert.equal((await postForm(voteUrl(a), 'rating=2', reader)).statusCode, 303);
    const again = await postForm(voteUrl(a), 'rating=5', reader);
    assert.equal(again.statusCode, 303);
    assert.match(String(again.headers.location), /\?rated=1-5#rating$/);
    assert.deepEqual((await stateOf(a.id)).votes.length, 1);
    assert.equal((await stateOf(a.id)).sum, 5);
    assert.equal((await postForm(voteUrl(a), 'rating=5', reader)).statusCode, 303, 'the same vote again is fine');
    assert.equal((await postForm(voteUrl(a), 'rating=3', newVoter())).statusCode, 303);
    const state = await stateOf(a.id);
    assert.equal(state.count, 2);
    assert.equal(state.sum, 8);
    assert.equal(state.votes.length, 2);
  });

  it('shows the confirm page in Arabic for the Arabic edition', async () => {
    const a = await makeArticle(t.db, { edition: 'ar', title: 'افتتاح جسر جديد' });
    const res = await postForm(voteUrl(a), 'rating=3');
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /<html lang="ar" dir="rtl">/);
    assert.match(res.body, /<h1>أكّد تقييمك<\/h1>/);
    assert.match(res.body, /تقييمك لـ«افتتاح جسر جديد»: ٣ نجوم\.|تقييمك لـ«افتتاح جسر جديد»: 3 نجوم\./);
    assert.match(res.body, /تأكيد تقييمي/);
    assert.equal(res.cookies[0]?.path, '/ar/news/ratings');
  });
});

describe('voting with JSON, as the script does', () => {
  it('gives a voter cookie on request, once, and never caches the answer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/en/news/ratings/session' });
    assert.equal(res.statusCode, 204);
    assertNoStore(res, 'session');
    const [cookie] = res.cookies;
    assert.equal(cookie?.name, 'warta_voter');
    assert.equal(cookie?.path, '/en/news/ratings');
    assert.equal(cookie?.httpOnly, true);
    assert.equal(cookie?.sameSite, 'Lax');
    const again = await t.app.inject({
      method: 'GET',
      url: '/en/news/ratings/session',
      headers: { cookie: `warta_voter=${cookie!.value}` },
    });
    assert.equal(again.statusCode, 204);
    assert.equal(again.headers['set-cookie'], undefined, 'a reader with a valid cookie keeps it');
    const unknown = await t.app.inject({ method: 'GET', url: '/xx/news/ratings/session' });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.headers['set-cookie'], undefined);
  });

  it('records the vote and answers the new average, count and an announcement', async () => {
    const a = await makeArticle(t.db, { rating_sum: 4, rating_count: 1 });
    // Totals made by the factory have no vote rows; only the difference is checked here.
    const reader = newVoter();
    const res = await postJson(voteUrl(a), { rating: 5 }, reader);
    assert.equal(res.statusCode, 200);
    assertNoStore(res, 'JSON vote');
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.deepEqual(res.json(), {
      rating: { articleId: a.id, yours: 5, sum: 9, count: 2 },
      text: {
        stars: '4.5',
        label: 'Rated 4.5 out of 5',
        votes: '(2 votes)',
        message: 'Thank you: your rating of 5 stars is saved. Rated 4.5 out of 5 (2 votes)',
      },
    });
    const changed = await postJson(voteUrl(a), { rating: '1' }, reader);
    assert.equal(changed.statusCode, 200, 'a rating as a string is fine too');
    assert.deepEqual(changed.json().rating, { articleId: a.id, yours: 1, sum: 5, count: 2 });
  });

  it('answers a vote without a cookie with 403 JSON and a cookie; records nothing', async () => {
    const a = await makeArticle(t.db);
    const res = await postJson(voteUrl(a), { rating: 3 });
    assert.equal(res.statusCode, 403);
    assertNoStore(res, 'JSON 403');
    assert.equal(res.json().error.code, 'voter_cookie_required');
    assert.match(res.json().error.message, /voter cookie/);
    assert.equal(res.cookies[0]?.name, 'warta_voter');
    assert.deepEqual(await stateOf(a.id), { sum: 0, count: 0, votes: [] });
    const retry = await postJson(voteUrl(a), { rating: 3 }, `warta_voter=${res.cookies[0]!.value}`);
    assert.equal(retry.statusCode, 200, 'the retry with that cookie counts');
  });
});

describe('bad input gets a clear 4xx and changes nothing', () => {
  let a: ArticleRow;
  let reader: string;
  before(async () => {
    a = await makeArticle(t.db, { title: 'Rain expected in the capital' });
    reader = newVoter();
    assert.equal((await postForm(voteUrl(a), 'rating=3', reader)).statusCode, 303);
  });
  const unchanged = async () =>
    assert.deepEqual(await stateOf(a.id), {
      sum: 3,
      count: 1,
      votes: [{ voter_id: String(t.unsignCookie(reader.split('=')[1]!).value), rating: 3 }],
    });

  for (const body of [
    'rating=0',
    'rating=6',
    'rating=2.5',
    'rating=4.0',
    'rating=%204',
    'rating=-1',
    'rating=five',
    'rating=',
    '',
    'stars=4',
    'rating=1&rating=2',
  ]) {
    it(`refuses the form body "${body}" with 400 invalid_rating`, async () => {
      const res = await postForm(voteUrl(a), body, reader);
      assert.equal(res.statusCode, 400);
      assertNoStore(res, body);
      assert.match(String(res.headers['content-type']), /^text\/html/);
      assert.match(res.body, /Choose from 1 to 5 stars\./);
      await unchanged();
    });
  }

  for (const body of [{ rating: 0 }, { rating: 6 }, { rating: 2.5 }, { rating: true }, { rating: null }, {}, [4], 4]) {
    it(`refuses the JSON body ${JSON.stringify(body)} with 400 invalid_rating`, async () => {
      const res = await postJson(voteUrl(a), body, reader);
      assert.equal(res.statusCode, 400);
      assertNoStore(res, JSON.stringify(body));
      assert.deepEqual(res.json(), { error: { code: 'invalid_rating', message: 'Choose from 1 to 5 stars.' } });
      await unchanged();
    });
  }

  it('refuses a rating in the reader’s language', async () => {
    const ar = await makeArticle(t.db, { edition: 'ar' });
    const res = await postForm(voteUrl(ar), 'rating=9', reader);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<html lang="ar" dir="rtl">/);
    assert.match(res.body, /اختر من نجمة واحدة إلى خمس نجوم\./);
  });

  it('answers 404 for unknown, unpublished, scheduled or other-edition articles and bad ids', async () => {
    const now = Date.now();
    const draft = await makeArticle(t.db, { status: 'draft' });
    const archived = await makeArticle(t.db, { status: 'archived' });
    const scheduled = await makeArticle(t.db, { published_at: toDbTime(new Date(now + 3600_000)) });
    const urls = [
      '/en/news/ratings/999999',
      voteUrl(draft),
      voteUrl(archived),
      voteUrl(scheduled),
      `/ar/news/ratings/${a.id}`,
      '/en/news/ratings/0',
      '/en/news/ratings/abc',
      '/en/news/ratings/01',
      '/en/news/ratings/99999999999',
    ];
    for (const url of urls) {
      for (const send of [postForm, (u: string, b: string, c?: string) => postJson(u, { rating: b.slice(7) }, c)]) {
        const res = await send(url, 'rating=4', reader);
        assert.equal(res.statusCode, 404, url);
        assertNoStore(res, url);
        assert.equal(res.headers['set-cookie'], undefined, `${url} sets no cookie`);
      }
    }
    const json = await postJson(voteUrl(draft), { rating: 4 }, reader);
    assert.deepEqual(json.json().error.code, 'article_not_found');
    for (const row of [draft, archived, scheduled])
      assert.deepEqual(await stateOf(row.id), { sum: 0, count: 0, votes: [] });
    const unknownEdition = await postForm(`/xx/news/ratings/${a.id}`, 'rating=4', reader);
    assert.equal(unknownEdition.statusCode, 404);
    await unchanged();
  });

  it('takes votes on a scheduled story from its second on, though it was looked up before', async () => {
    const at = new Date(Date.now() + 60_000);
    const scheduled = await makeArticle(t.db, { published_at: toDbTime(at) });
    const voter = newVoter();
    try {
      t.setNow(new Date(at.getTime() - 1));
      assert.equal((await postJson(voteUrl(scheduled), { rating: 4 }, voter)).statusCode, 404);
      t.setNow(at);
      const res = await postJson(voteUrl(scheduled), { rating: 4 }, voter);
      assert.equal(res.statusCode, 200, res.body);
      const state = await stateOf(scheduled.id);
      assert.equal(state.sum, 4);
      assert.equal(state.count, 1);
      assert.deepEqual(
        state.votes.map((v) => v.rating),
        [4],
      );
    } finally {
      t.setNow(undefined);
    }
  });

  it('treats a tampered or foreign cookie as missing: 403, nothing recorded', async () => {
    const id = randomBytes(16).toString('base64url');
    const signed = t.signCookie(id);
    const cookies = [
      `warta_voter=${id}`, // unsigned
      `warta_voter=${signed.slice(0, -2)}xx`, // signature altered
      `warta_voter=${randomBytes(16).toString('base64url')}${signed.slice(22)}`, // value swapped
      `warta_voter=${t.signCookie('not-a-voter-id')}`, // ours, but not a voter id
      `warta_reader=${t.signCookie(id)}`, // another cookie
    ];
    for (const cookie of cookies) {
      const form = await postForm(voteUrl(a), 'rating=5', cookie);
      assert.equal(form.statusCode, 403, cookie);
      assert.match(form.body, /Confirm my rating/);
      const json = await postJson(voteUrl(a), { rating: 5 }, cookie);
      assert.equal(json.statusCode, 403, cookie);
      assert.equal(json.json().error.code, 'voter_cookie_required');
    }
    await unchanged();
  });

  it('answers other methods on the vote URL with 405 and Allow: POST', async () => {
    for (const method of ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await t.app.inject({ method, url: voteUrl(a), headers: { cookie: reader } });
      assert.equal(res.statusCode, 405, method);
      assert.equal(res.headers.allow, 'POST', method);
      assertNoStore(res, method);
    }
    const page = await t.app.inject({ method: 'GET', url: voteUrl(a), headers: { accept: BROWSER_ACCEPT } });
    assert.match(page.body, /Ratings are sent with the form on the story page\./);
    const json = await t.app.inject({ method: 'GET', url: voteUrl(a), headers: { accept: 'application/json' } });
    assert.equal(json.json().error.code, 'method_not_allowed');
    await unchanged();
  });

  it('refuses bodies that are not a form or JSON, broken JSON and oversized bodies', async () => {
    const cases = [
      { type: 'application/xml', payload: '<rating>4</rating>', status: 415 },
      { type: 'text/plain', payload: 'rating=4', status: 400 }, // parsed as a string, which has no field
      { type: 'application/json', payload: '{"rating": 4', status: 400 },
      { type: FORM, payload: `rating=4&pad=${'x'.repeat(2000)}`, status: 413 },
    ];
    for (const c of cases) {
      const res = await t.app.inject({
        method: 'POST',
        url: voteUrl(a),
        headers: { 'content-type': c.type, accept: 'application/json', cookie: reader },
        payload: c.payload,
      });
      assert.equal(res.statusCode, c.status, c.type);
      assert.ok(res.json().error.code, 'a JSON error with a code');
      assertNoStore(res, c.type);
    }
    await unchanged();
  });
});
