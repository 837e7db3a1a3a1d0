// Hostile and broken input against the whole app, on both engines: NUL bytes and text that is
// not UTF-8 in every kind of route and field answer 400 or 404 (PostgreSQL once answered 500),
// a client-named host never reaches a page, and error pages speak the edition's language.
import assert from 'node:assert/strict';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Response as InjectResponse } from 'light-my-request';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { makeArticle, makeAuthor, makeCategory, makePage } from './helpers/factories.ts';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const FORM = 'application/x-www-form-urlencoded';
/** NUL, a broken pair, a lone continuation byte, an overlong "/", a lone surrogate, a cut sequence. */
const BAD = ['%00', 'a%00', 'a%00b', '%C3%28', '%FF', '%C0%AF', '%ED%A0%80', 'x%E0%A4'];

let t: TestApp;
let articleId: number;
const loggedErrors: unknown[] = [];
before(async () => {
  // Errors are logged (level "error") but caught by the spy below, which every request's logger inherits.
  t = await createTestApp({ WARTA_LOG_LEVEL: 'error', WARTA_VOTES_PER_HOUR: '1' });
  const log = t.app.log as unknown as { error: (...args: unknown[]) => void };
  log.error = (...args: unknown[]) => void loggedErrors.push(args);
  t.app.log.child({}).error('spy check');
  assert.equal(loggedErrors.length, 1, 'child loggers report to the spy');
  loggedErrors.length = 0;

  const category = await makeCategory(t.db, { slug: 'economy', name: 'Economy' });
  const author = await makeAuthor(t.db, { slug: 'ana' });
  articleId = (await makeArticle(t.db, { category_id: category.id, author_id: author.id, tags: ['Trade'] })).id;
  const profile = await makePage(t.db, { slug: 'company-profile', title: 'Company Profile' });
  await makePage(t.db, { slug: 'history', title: 'History', parent: profile });
});
after(() => t.close());

/** Every reader and API GET a bad value can reach, as a URL with X where the value goes. */
function getUrls(x: string): string[] {
  return [
    `/en/tag/${x}`,
    `/en/category/${x}`,
    `/en/category/economy?page=${x}`,
    `/en/author/${x}`,
    `/en/news/${articleId}/${x}`,
    `/en/news/${x}`,
    `/en/${x}`,
    `/en/company-profile/${x}`,
    `/en/company-profile/history${x}`,
    `/${x}/search`,
    `/en/search?q=${x}`,
    `/en/search?q=trade&category=${x}`,
    `/en/search?q=trade&from=${x}&to=2030-01-01`,
    `/en/search?q=trade&${x}=1`,
    `/en/most-read?period=${x}`,
    `/en/feed/${x}`,
    `/en/category/${x}/feed.xml`,
    `/sitemaps/${x}`,
    `/sitemap-${x}.xml`,
    `/api/reads/${x}`,
    `/api/reads/${x}.gif`,
    `/media/${x}`,
    `/assets/${x}`,
  ];
}

function assertRefused(res: InjectResponse, what: string): void {
  assert.ok(res.statusCode === 400 || res.statusCode === 404, `${what}: ${res.statusCode}`);
  assert.doesNotMatch(res.body, /FST_|stack|at .+\.tsx?:\d+/, what);
}

describe('bad text in URLs and bodies', () => {
  it('answers 400 or 404 for NUL and broken UTF-8 on every route, never a 500, and logs no error', async () => {
    for (const x of BAD) {
      for (const url of getUrls(x)) {
        for (const accept of [HTML, 'application/json']) {
          const res = await t.app.inject({ method: 'GET', url, headers: { accept } });
          assertRefused(res, `${url} (${accept.slice(0, 9)})`);
          // A page in the URL's edition: the full one, or the bare one for a URL the router cannot decode.
          if (accept === HTML && !url.startsWith('/api/') && url.startsWith('/en/')) {
            assert.match(res.body, /<html lang="en"/, url);
          }
        }
      }
    }
    assert.deepEqual(loggedErrors, []);
  });

  it('refuses bad text in the vote form, its JSON and the read beacon', async () => {
    const vote = `/en/news/ratings/${articleId}`;
    const requests = [
      ...BAD.map((x) => ({ url: vote, type: FORM, payload: `rating=${x}` })),
      ...BAD.map((x) => ({ url: vote, type: FORM, payload: `rating=4&${x}=1` })),
      ...BAD.map((x) => ({ url: `/en/news/ratings/${x}`, type: FORM, payload: 'rating=4' })),
      { url: vote, type: 'application/json', payload: '{"rating":"4\\u0000"}' },
      { url: vote, type: 'application/json', payload: '{"rating":"\\ud800"}' },
      { url: vote, type: FORM, payload: Buffer.from([0x72, 0x61, 0x74, 0x69, 0x6e, 0x67, 0x3d, 0xff]) },
      ...BAD.map((x) => ({ url: `/api/reads/${x}`, type: 'application/json', payload: '{}' })),
      { url: `/api/reads/${articleId}`, type: 'application/json', payload: '{"a":"\\u0000"}' },
    ];
    for (const r of requests) {
      for (const accept of [HTML, 'application/json']) {
        const res = await t.app.inject({
          method: 'POST',
          url: r.url,
          headers: { 'content-type': r.type, accept },
          payload: r.payload,
        });
        assertRefused(res, `POST ${r.url} ${String(r.payload).slice(0, 30)}`);
      }
    }
    const votes = await t.db
      .selectFrom('article_votes')
      .select('article_id')
      .where('article_id', '=', articleId)
      .execute();
    assert.equal(votes.length, 0, 'no vote was recorded');
    assert.deepEqual(loggedErrors, []);
  });

  it('names the code invalid_text, in the one JSON shape', async () => {
    const res = await t.app.inject({ url: '/en/tag/a%00', headers: { accept: 'application/json' } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'invalid_text');
    const api = await t.app.inject({ url: '/api/reads/a%FF', headers: { accept: HTML } });
    assert.equal(api.statusCode, 400);
    assert.match(String(api.headers['content-type']), /^application\/json/);
    assert.match(api.json().error.code, /^invalid_(text|url)$/);
  });
});

describe('the host in absolute URLs', () => {
  it('never takes a host from an absolute request-target', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(
          'GET http://evil.example/en/nope HTTP/1.1\r\nHost: evil.example\r\n' +
            `Accept: ${HTML}\r\nConnection: close\r\n\r\n`,
        );
      });
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    assert.match(raw, /^HTTP\/1\.1 404 /);
    assert.match(raw, /<link rel="canonical" href="https:\/\/warta\.test\/en\/nope"/);
    assert.doesNotMatch(raw, /evil\.example/);
  });
});

describe('error pages in the edition language', () => {
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: HTML } });

  it('shows a validation failure in Indonesian and Arabic, never the English validator message', async () => {
    const id = await get('/id/search?page=abc');
    assert.equal(id.statusCode, 400);
    assert.match(id.body, /<html lang="id"/);
    assert.match(id.body, /Permintaan tidak dapat dipahami/);
    assert.match(id.body, /Salah satu pilihan di alamat ini tidak valid/);
    const ar = await get('/ar/most-read?period=forever');
    assert.equal(ar.statusCode, 400);
    assert.match(ar.body, /<html lang="ar" dir="rtl"/);
    assert.match(ar.body, /تعذّر فهم الطلب/);
    for (const res of [id, ar]) assert.doesNotMatch(res.body, /must be|querystring|not valid|request/i);
  });

  it('shows bad text in the edition language', async () => {
    const res = await get('/id/tag/a%00');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /karakter yang bukan teks yang valid/);
  });

  it('shows a 405 and a 429 in Indonesian and Arabic', async () => {
    for (const [edition, notAllowed, tooMany] of [
      ['id', 'Tindakan itu tidak dapat dilakukan di sini', 'Terlalu banyak permintaan'],
      ['ar', 'هذا الإجراء غير متاح هنا', 'طلبات كثيرة جدًا'],
    ] as const) {
      const article = await makeArticle(t.db, { edition });
      const wrongMethod = await get(`/${edition}/news/ratings/${article.id}`);
      assert.equal(wrongMethod.statusCode, 405);
      assert.match(wrongMethod.body, new RegExp(notAllowed));
      assert.doesNotMatch(wrongMethod.body, /Ratings are sent|not possible/);

      // One vote an hour from this address (WARTA_VOTES_PER_HOUR=1): a second reader is refused.
      let refused: InjectResponse | undefined;
      for (let i = 0; i < 4 && !refused; i++) {
        const target = await makeArticle(t.db, { edition });
        const session = await t.app.inject({ url: `/${edition}/news/ratings/session` });
        const cookie = String(session.headers['set-cookie']).split(';')[0]!;
        const res = await t.app.inject({
          method: 'POST',
          url: `/${edition}/news/ratings/${target.id}`,
          headers: { 'content-type': FORM, accept: HTML, cookie },
          payload: 'rating=4',
        });
        if (res.statusCode === 429) refused = res;
        else assert.equal(res.statusCode, 303);
      }
      assert.ok(refused, 'the limit was reached');
      assert.match(refused.body, new RegExp(tooMany));
      assert.doesNotMatch(refused.body, /Too many|last hour/);
    }
  });
});

describe('notice names in newsroom addresses', () => {
  it('treats ?done= names of Object.prototype as no notice, never a 500', async () => {
    const { signedIn } = await import('./helpers/newsroom.ts');
    const admin = await signedIn(t, 'admin');
    const person = await signedIn(t, 'author');
    const category = await t.db.selectFrom('categories').select('id').executeTakeFirstOrThrow();
    for (const done of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      for (const url of [
        `/newsroom/users/${person.user.id}?done=${done}`,
        `/newsroom/pages?edition=en&done=${done}`,
        `/newsroom/sections/${category.id}?done=${done}`,
        `/newsroom/settings?done=${done}`,
        `/newsroom/editions?done=${done}`,
      ]) {
        const res = await t.app.inject({ url, headers: admin.headers });
        assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 200)}`);
        assert.doesNotMatch(res.body, /class="nr-notice/, url);
      }
    }
  });
});
