// The read beacon over HTTP: what counts as a read and what does not, the reader cookie, the
// no-script image, and the count the page shows. Flushes are called directly, never waited for.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { toDbTime } from '../core/db/dialect.ts';
import { READER_COOKIE, STAFF_COOKIE } from '../core/http/cookies.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle } from '../../test/helpers/factories.ts';
import { READ_WINDOW_MS } from './beacon-routes.ts';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

let t: TestApp;
let clock: Date;
before(async () => {
  // The longest flush interval: in these tests only an explicit flush() writes.
  t = await createTestApp({ WARTA_READS_FLUSH_INTERVAL_MS: '50000' });
});
after(() => t.close());
beforeEach(() => {
  // Tests that move the clock start from the real time again.
  clock = new Date();
  t.setNow(clock);
});

const beacon = (id: number | string, headers: Record<string, string> = {}, method: 'POST' | 'GET' | 'HEAD' = 'POST') =>
  t.app.inject({
    method,
    url: method === 'POST' ? `/api/reads/${id}` : `/api/reads/${id}.gif`,
    headers: { 'user-agent': FIREFOX, ...headers },
  });

async function storedHits(id: number): Promise<number> {
  const row = await t.db.selectFrom('articles').select('hit_count').where('id', '=', id).executeTakeFirstOrThrow();
  return Number(row.hit_count);
}

/** Pending plus stored, after a flush: what a request changed. */
async function countedSince(id: number, before: number): Promise<number> {
  await t.app.readCounter.flush();
  return (await storedHits(id)) - before;
}

function readerCookie(res: { cookies: { name: string; value: string }[] }): string {
  const cookie = res.cookies.find((c) => c.name === READER_COOKIE);
  assert.ok(cookie, 'the beacon sets the reader cookie');
  return `${READER_COOKIE}=${cookie.value}`;
}

describe('read beacon (POST from the page script)', () => {
  it('counts a read and answers with the fresh count, formatted as the page formats it', async () => {
    const a = await makeArticle(t.db, { hit_count: 41 });
    const res = await beacon(a.id);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.deepEqual(res.json(), { counted: true, count: 42, text: 'Read 42 times' });
    assert.equal(await storedHits(a.id), 41, 'nothing is written on the request path');
    assert.equal(await countedSince(a.id, 41), 1);
  });

  it('sets a signed, HttpOnly reader cookie limited to the beacon', async () => {
    const a = await makeArticle(t.db);
    const res = await beacon(a.id);
    const cookie = res.cookies.find((c) => c.name === READER_COOKIE);
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.secure, true, 'the site runs on https');
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/api/reads');
    assert.match(cookie.value, /\./, 'signed');
  });

  it('counts a reload by the same reader within 30 minutes once, and again after', async () => {
    const a = await makeArticle(t.db);
    const first = await beacon(a.id);
    const cookie = readerCookie(first);
    const again = await beacon(a.id, { cookie });
    assert.equal(again.json().counted, false);
    assert.equal(again.json().reason, 'repeat');
    assert.equal(again.json().count, 1, 'a repeat still gets the current count');
    t.setNow(new Date(clock.getTime() + READ_WINDOW_MS - 1000));
    assert.equal((await beacon(a.id, { cookie })).json().counted, false);
    t.setNow(new Date(clock.getTime() + READ_WINDOW_MS + 1000));
    assert.equal((await beacon(a.id, { cookie })).json().counted, true);
    assert.equal(await countedSince(a.id, 0), 2);
  });

  it('counts the same reader once per article, each article once', async () => {
    const a = await makeArticle(t.db);
    const b = await makeArticle(t.db);
    const cookie = readerCookie(await beacon(a.id));
    assert.equal((await beacon(b.id, { cookie })).json().counted, true);
    assert.equal((await beacon(a.id, { cookie })).json().counted, false);
  });

  it('without the cookie, knows a reload by address and browser', async () => {
    const a = await makeArticle(t.db);
    assert.equal((await beacon(a.id)).json().counted, true);
    assert.equal((await beacon(a.id)).json().counted, false, 'same address, same browser, cookies blocked');
    assert.equal((await beacon(a.id, { 'user-agent': CHROME })).json().counted, true, 'another browser');
    assert.equal(await countedSince(a.id, 0), 2);
  });

  it('counts two first requests for one article at once as one, whichever cookie the browser keeps', async () => {
    const a = await makeArticle(t.db);
    const answers = await Promise.all([beacon(a.id, { 'user-agent': CHROME }), beacon(a.id, { 'user-agent': CHROME })]);
    assert.deepEqual(answers.map((r) => r.json().counted).sort(), [false, true]);
    assert.notEqual(readerCookie(answers[0]!), readerCookie(answers[1]!), 'each gets an id of its own');
    for (const r of answers)
      assert.equal((await beacon(a.id, { 'user-agent': CHROME, cookie: readerCookie(r) })).json().counted, false);
  });

  it('treats a forged reader cookie as no cookie', async () => {
    const a = await makeArticle(t.db);
    const cookie = readerCookie(await beacon(a.id));
    const forged = cookie.replace(/=([^.]*)\./, '=AAAAAAAAAAAAAAAAAAAAAA.');
    const res = await beacon(a.id, { cookie: forged, 'user-agent': CHROME });
    assert.equal(res.json().counted, true);
    assert.ok(
      res.cookies.some((c) => c.name === READER_COOKIE),
      'a fresh cookie replaces it',
    );
  });

  const notCounted: [string, Record<string, string>, string][] = [
    [
      'a search engine crawler',
      { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
      'bot',
    ],
    [
      'a headless browser',
      { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/126.0.0.0 Safari/537.36' },
      'bot',
    ],
    ['a script without a User-Agent', { 'user-agent': '' }, 'bot'],
    ['curl', { 'user-agent': 'curl/8.5.0' }, 'bot'],
    ['a link prefetch (Sec-Purpose)', { 'sec-purpose': 'prefetch' }, 'prefetch'],
    ['a Chrome prerender', { 'sec-purpose': 'prefetch;prerender' }, 'prefetch'],
    ['a prefetch (Purpose)', { purpose: 'prefetch' }, 'prefetch'],
    ['a Firefox prefetch (X-Moz)', { 'x-moz': 'prefetch' }, 'prefetch'],
    ['a newsroom preview (staff cookie)', { cookie: `${STAFF_COOKIE}=s%3Aabc.def` }, 'preview'],
    ['another site posting to the beacon', { 'sec-fetch-site': 'cross-site' }, 'cross_site'],
    ['another site’s Origin without Sec-Fetch-Site', { origin: 'https://evil.example' }, 'cross_site'],
    [
      'another site’s Origin with Sec-Fetch-Site',
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      'cross_site',
    ],
    [
      'another site’s Origin with a forged Sec-Fetch-Site',
      { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' },
      'cross_site',
    ],
    ['a look-alike Origin', { origin: 'https://warta.test.evil.example' }, 'cross_site'],
    ['the site’s name over plain http', { origin: 'http://warta.test' }, 'cross_site'],
    ['an opaque Origin (null)', { origin: 'null' }, 'cross_site'],
    ['a loopback Origin on the public host', { origin: 'http://127.0.0.1:3000', host: 'warta.test' }, 'cross_site'],
  ];
  for (const [who, headers, reason] of notCounted) {
    it(`does not count ${who}`, async () => {
      const a = await makeArticle(t.db, { hit_count: 7 });
      const res = await beacon(a.id, headers);
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { counted: false, reason, count: 7, text: 'Read 7 times' });
      assert.equal(res.cookies.length, 0, 'no cookie for a request that is not a reader');
      assert.equal(await countedSince(a.id, 7), 0);
    });
  }

  it('counts a same-origin request that says so', async () => {
    const a = await makeArticle(t.db);
    const res = await beacon(a.id, {
      origin: 'https://warta.test',
      'sec-fetch-site': 'same-origin',
      'sec-fetch-mode': 'cors',
    });
    assert.equal(res.json().counted, true);
  });

  it('counts a request from the app’s own loopback address (development, browser tests)', async () => {
    const a = await makeArticle(t.db);
    const res = await beacon(a.id, { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' });
    assert.equal(res.json().counted, true);
  });

  it('answers 404 with JSON for an unknown, draft or scheduled article, and counts nothing', async () => {
    const draft = await makeArticle(t.db, { status: 'draft' });
    const scheduled = await makeArticle(t.db, { published_at: toDbTime(new Date(clock.getTime() + 3600_000)) });
    for (const id of [999999, draft.id, scheduled.id, 'abc', '0', '99999999999']) {
      const res = await beacon(id);
      assert.equal(res.statusCode, 404, `id ${id}`);
      assert.equal(res.json().error.code, 'article_not_found');
    }
    await t.app.readCounter.flush();
    assert.equal(await storedHits(draft.id), 0);
    assert.equal(await storedHits(scheduled.id), 0);
  });

  it('counts a scheduled article once its minute has come', async () => {
    const at = new Date(clock.getTime() + 3600_000);
    const a = await makeArticle(t.db, { published_at: toDbTime(at) });
    assert.equal((await beacon(a.id)).statusCode, 404);
    t.setNow(at);
    assert.equal((await beacon(a.id)).json().counted, true);
  });

  it('is not there for GET, and takes no body', async () => {
    const a = await makeArticle(t.db);
    const get = await t.app.inject({ method: 'GET', url: `/api/reads/${a.id}`, headers: { 'user-agent': FIREFOX } });
    assert.equal(get.statusCode, 404);
    const big = await t.app.inject({
      method: 'POST',
      url: `/api/reads/${a.id}`,
      headers: { 'user-agent': FIREFOX, 'content-type': 'text/plain' },
      payload: 'x'.repeat(5000),
    });
    assert.equal(big.statusCode, 413);
    assert.equal(await countedSince(a.id, 0), 0);
  });

  it('answers in the edition of the article, with its plural rules', async () => {
    const ar = await makeArticle(t.db, { edition: 'ar', hit_count: 1 });
    assert.equal((await beacon(ar.id)).json().text, 'قُرئ مرتين');
    const id = await makeArticle(t.db, { edition: 'id', hit_count: 1233 });
    assert.equal((await beacon(id.id)).json().text, 'Dibaca 1.234 kali');
  });
});

describe('read beacon image (GET, for readers without JavaScript)', () => {
  it('counts a read and returns a 1×1 transparent GIF that is never cached', async () => {
    const a = await makeArticle(t.db);
    const res = await beacon(a.id, {}, 'GET');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/gif');
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.rawPayload.subarray(0, 6).toString('latin1'), 'GIF89a');
    assert.equal(res.rawPayload.readUInt16LE(6), 1, 'width 1');
    assert.equal(res.rawPayload.readUInt16LE(8), 1, 'height 1');
    assert.ok(res.cookies.some((c) => c.name === READER_COOKIE));
    assert.equal(await countedSince(a.id, 0), 1);
  });

  it('does not count HEAD, which Fastify answers through the GET route', async () => {
    const a = await makeArticle(t.db);
    const res = await beacon(a.id, {}, 'HEAD');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/gif');
    assert.equal(await countedSince(a.id, 0), 0);
  });

  it('shares the reload memory with the script beacon', async () => {
    const a = await makeArticle(t.db);
    const cookie = readerCookie(await beacon(a.id, {}, 'GET'));
    assert.equal((await beacon(a.id, { cookie })).json().counted, false);
  });

  it('answers 404 (still an image) for an unknown article', async () => {
    const res = await beacon(987654, {}, 'GET');
    assert.equal(res.statusCode, 404);
    assert.equal(res.headers['content-type'], 'image/gif');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/reads/12.png' })).statusCode, 404);
  });
});

describe('the article page and its count', () => {
  it('carries the beacon and a no-script image, sets no cookie and counts nothing itself', async () => {
    const a = await makeArticle(t.db, { hit_count: 353 });
    const res = await t.app.inject({
      method: 'GET',
      url: `/en/news/${a.id}/${a.slug}`,
      headers: { 'user-agent': FIREFOX },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['set-cookie'], undefined);
    assert.match(res.body, new RegExp(`<p class="story__hits" data-read-url="/api/reads/${a.id}">Read 353 times</p>`));
    assert.match(
      res.body,
      new RegExp(
        `<noscript><img class="read-beacon" src="/api/reads/${a.id}.gif" alt="" width="1" height="1"/?></noscript>`,
      ),
    );
    assert.equal(t.app.readCounter.pendingFor(a.id), 0);
  });

  it('shows counted reads once they are flushed', async () => {
    const a = await makeArticle(t.db, { hit_count: 9 });
    await beacon(a.id);
    await beacon(a.id, { 'user-agent': CHROME });
    await t.app.readCounter.flush();
    const res = await t.app.inject({ method: 'GET', url: `/en/news/${a.id}/${a.slug}` });
    assert.match(res.body, />Read 11 times</);
  });
});
