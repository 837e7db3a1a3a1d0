// The three subtrees and what each promises: /newsroom is private, never cached and same-origin
// only; /api answers JSON in one shape; the public site sets no cookie but the path-scoped ones,
// keeps its catch-all last and composes pages from the slots other domains fill.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { JSDOM } from 'jsdom';
import { ARTICLE_META_SLOT, articlePath } from '../src/articles/index.ts';
import { articleRoutes } from '../src/articles/routes.tsx';
import type { DomainRoutes } from '../src/context.ts';
import { SlotRegistry } from '../src/core/views/slots.ts';
import { DOMAINS } from '../src/domains.ts';
import { constrainEditionParam } from '../src/editions/codes.ts';
import { publicSite } from '../src/http/public-site.ts';
import { pagesDomain } from '../src/pages/domain.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { makeArticle, makeCategory, makePage } from './helpers/factories.ts';
import { signedIn } from './helpers/newsroom.ts';

let t: TestApp;
let story: { id: number; url: string; title: string };
let sectionUrl: string;
before(async () => {
  t = await createTestApp();
  const section = await makeCategory(t.db, { name: 'Harbours', slug: 'harbours' });
  const row = await makeArticle(t.db, {
    title: 'Ferry timetable changes for the dry season',
    category_id: section.id,
    tags: ['Ferries'],
    hit_count: 12,
  });
  story = { id: row.id, url: articlePath(row), title: row.title };
  sectionUrl = '/en/category/harbours';
});
after(() => t.close());

type Headers = Record<string, string>;
const get = (url: string, headers: Headers = {}) => t.app.inject({ method: 'GET', url, headers });
const send = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, headers: Headers = {}, payload?: string) =>
  t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
const errorCode = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;
const countEvents = async () =>
  Number(
    (
      await t.db
        .selectFrom('outbox_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const dom = (html: string) => new JSDOM(html).window.document;

describe('the newsroom subtree', () => {
  it('answers private, no-store on every request, its 404 page included', async () => {
    const answers = [
      await get('/newsroom'),
      await get('/newsroom/'),
      await get('/newsroom/articles/1'),
      await get('/newsroom/en', { accept: 'application/json' }),
      await t.app.inject({ method: 'HEAD', url: '/newsroom' }),
      await send('POST', '/newsroom/articles', { origin: 'https://warta.test' }),
      await send('POST', '/newsroom/articles'),
    ];
    for (const res of answers) {
      assert.equal(res.headers['cache-control'], 'private, no-store', `${res.statusCode} ${res.body.slice(0, 40)}`);
    }
    // Without a session, a page leads to sign-in and sets nothing.
    const page = answers[0]!;
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, '/newsroom/sign-in?next=%2Fnewsroom');
    assert.equal(page.headers['set-cookie'], undefined);
    // Signed in, an unknown page is the 404 page, private too.
    const staff = await signedIn(t, 'editor');
    const missing = await get('/newsroom/no-such-page', staff.headers);
    assert.equal(missing.statusCode, 404);
    assert.match(String(missing.headers['content-type']), /^text\/html/);
    assert.match(missing.body, /Page not found/);
    assert.equal(missing.headers['cache-control'], 'private, no-store');
  });

  it('is never served from or stored in the page cache', async () => {
    const stored = t.app.ctx.pageCache.stats().entries;
    const staff = await signedIn(t, 'editor');
    for (const headers of [{}, { accept: 'application/json' }, staff.headers] as Headers[]) {
      for (let i = 0; i < 3; i++) {
        const res = await get('/newsroom/drafts', headers);
        assert.equal(res.statusCode, headers.cookie ? 404 : 303);
        const what = `request ${i + 1} ${JSON.stringify(headers)}: x-cache ${res.headers['x-cache']}`;
        assert.notEqual(res.headers['x-cache'], 'hit', what);
        assert.equal(res.headers['x-cache'], undefined, `${what} (stored by the page cache)`);
      }
    }
    assert.equal(t.app.ctx.pageCache.stats().entries, stored, 'nothing stored');
  });

  it('refuses a state-changing request without a same-origin sign with 403, and changes nothing', async () => {
    const events = await countEvents();
    const refused: [Parameters<typeof send>[0], Headers][] = [
      ['POST', {}],
      ['POST', { origin: 'https://evil.example' }],
      ['POST', { origin: 'null' }],
      ['POST', { origin: 'http://warta.test' }], // another scheme is another origin
      ['POST', { origin: 'https://warta.test.evil.example' }],
      ['POST', { 'sec-fetch-site': 'cross-site' }],
      ['POST', { 'sec-fetch-site': 'same-site' }],
      ['PUT', { origin: 'https://evil.example' }],
      ['PATCH', {}],
      ['DELETE', { 'sec-fetch-site': 'none' }],
    ];
    for (const [method, headers] of refused) {
      const form = { 'content-type': 'application/x-www-form-urlencoded', ...headers };
      const page = await send(method, '/newsroom/articles/1', form, 'title=Hacked');
      assert.equal(page.statusCode, 403, `${method} ${JSON.stringify(headers)}`);
      assert.match(String(page.headers['content-type']), /^text\/html/);
      const json = await send(method, '/newsroom/articles/1', { ...form, accept: 'application/json' }, 'title=Hacked');
      assert.equal(json.statusCode, 403);
      assert.equal(errorCode(json.body), 'cross_site_request');
    }
    assert.equal(await countEvents(), events, 'no event recorded');
  });

  it('lets a same-origin request through to the session and form-token checks', async () => {
    const staff = await signedIn(t, 'editor');
    for (const headers of [{ origin: 'https://warta.test' }, { 'sec-fetch-site': 'same-origin' }] as Headers[]) {
      const anonymous = await send('POST', '/newsroom/articles/999999', { ...headers, accept: 'application/json' });
      assert.equal(anonymous.statusCode, 401, JSON.stringify(headers));
      assert.equal(errorCode(anonymous.body), 'unauthorized');
      const signed = { ...headers, cookie: staff.cookie, accept: 'application/json' };
      const noToken = await send('POST', '/newsroom/articles/999999', signed);
      assert.equal(errorCode(noToken.body), 'csrf_token_invalid');
      const res = await send('POST', '/newsroom/articles/999999', { ...signed, 'x-csrf-token': staff.csrfToken });
      assert.equal(res.statusCode, 404, JSON.stringify(headers));
      assert.equal(errorCode(res.body), 'article_not_found');
    }
  });
});

describe('the API subtree', () => {
  it('answers an unknown address with its JSON 404 whatever the method or Accept, never edition_not_found', async () => {
    const html = { accept: 'text/html' };
    const answers = [
      await get('/api', html),
      await get('/api/', html),
      await get('/api/nope', html),
      await get('/api/v1/nope?x=1', html),
      await get('/api/news/1/x', html),
      await send('POST', '/api/v1/nope', html),
      await send('DELETE', '/api/nope'),
      await send('PUT', '/api/v1/editions/en'),
    ];
    for (const res of answers) {
      assert.equal(res.statusCode, 404);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      assert.equal(res.headers['cache-control'], 'no-store');
      const body = res.json() as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'not_found');
      assert.equal(typeof body.error.message, 'string');
    }
  });

  it('answers a body it cannot take with one of our own codes, never a framework one', async () => {
    const beacon = `/api/reads/${story.id}`;
    const cases: [Headers, string, number, string][] = [
      [{ 'content-type': 'application/xml' }, '{"a":1}', 415, 'unsupported_media_type'],
      [{ 'content-type': 'application/x-www-form-urlencoded' }, 'a=1', 415, 'unsupported_media_type'],
      [{ 'content-type': 'application/json' }, '{"a":', 400, 'invalid_json'],
      [{ 'content-type': 'application/json' }, '', 400, 'invalid_json'],
      [{ 'content-type': 'application/json', 'content-encoding': 'br' }, '{"a":1}', 400, 'bad_request'],
    ];
    for (const [headers, payload, status, code] of cases) {
      const res = await send('POST', beacon, headers, payload);
      assert.equal(res.statusCode, status, JSON.stringify(headers));
      assert.match(String(res.headers['content-type']), /^application\/json/);
      assert.equal(errorCode(res.body), code, JSON.stringify(headers));
      assert.doesNotMatch(res.body, /FST_/);
    }
  });

  it('lists the editions at /api/v1/editions', async () => {
    const res = await get('/api/v1/editions');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    const { editions } = res.json() as { editions: { code: string; url: string; direction: string }[] };
    assert.deepEqual(
      editions.map((e) => e.code),
      ['en', 'id', 'ar', 'fr', 'de', 'es', 'zh', 'ja'],
    );
    assert.equal(editions[0]!.url, 'https://warta.test/en');
    assert.equal(editions[2]!.direction, 'rtl');
  });
});

describe('the public subtree', () => {
  it('sets no cookie on reader pages, even for a reader who sends some', async () => {
    for (const url of ['/en', story.url, sectionUrl, '/en/tag/ferries', '/en/search?q=ferry', '/en/most-read']) {
      for (const headers of [{}, { cookie: 'warta_voter=abc; warta_reader=def' }] as Headers[]) {
        const res = await get(url, headers);
        assert.equal(res.statusCode, 200, url);
        assert.match(String(res.headers['cache-control']), /^public/, url);
        assert.equal(res.headers['set-cookie'], undefined, `${url} ${JSON.stringify(headers)}`);
      }
    }
  });

  it('lets the rating session endpoint set its voter cookie, scoped to the vote endpoints', async () => {
    const res = await get('/en/news/ratings/session');
    assert.equal(res.statusCode, 204);
    assert.equal(res.headers['cache-control'], 'no-store');
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /^warta_voter=[^;]+;/);
    assert.match(cookie, /; Path=\/en\/news\/ratings(;|$)/);
    assert.match(cookie, /; HttpOnly/);
    assert.equal(res.headers['x-cache'], undefined);
  });

  it('removes a cookie that a public route sets without declaring it', async () => {
    const app = Fastify();
    const routes: DomainRoutes = async (scope) => {
      scope.get('/en/undeclared', async (_request, reply) =>
        reply.header('set-cookie', 'tracker=1; Path=/').send('ok'),
      );
      scope.get('/en/declared', { config: { setsCookie: true } }, async (_request, reply) =>
        reply.header('set-cookie', 'voter=1; Path=/en/declared').send('ok'),
      );
    };
    await app.register(publicSite, { ctx: t.app.ctx, routes: [routes], fallbacks: [] });
    const undeclared = await app.inject('/en/undeclared');
    assert.equal(undeclared.statusCode, 200);
    assert.equal(undeclared.headers['set-cookie'], undefined);
    assert.equal((await app.inject('/en/declared')).headers['set-cookie'], 'voter=1; Path=/en/declared');
    await app.close();
  });

  it('bypasses the page cache for a staff session cookie or an Authorization header', async () => {
    assert.equal((await get(sectionUrl)).statusCode, 200);
    assert.equal((await get(sectionUrl)).headers['x-cache'], 'hit', 'warm for anonymous readers');
    for (const headers of [
      { cookie: 'warta_session=s1' },
      { cookie: 'theme=dark; warta_session=s1' },
      { authorization: 'Bearer token' },
    ] as Headers[]) {
      const res = await get(sectionUrl, headers);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['x-cache'], undefined, JSON.stringify(headers));
    }
    // Nor does such a request leave an entry behind for anonymous readers.
    const cold = '/en/tag/ferries?page=1';
    await get(cold, { cookie: 'warta_session=s1' });
    assert.equal((await get(cold)).headers['x-cache'], 'miss');
  });
});

/** A public site mounted as app.ts mounts it, from a domain list in the given order; records route order. */
async function mountPublicSite(domains: typeof DOMAINS): Promise<{ app: FastifyInstance; urls: string[] }> {
  const app = Fastify({ routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 } });
  const urls: string[] = [];
  const of = (kind: 'publicRoutes' | 'fallbackRoutes') => domains.flatMap((d) => (d[kind] ? [d[kind]] : []));
  await app.register(async (site) => {
    site.addHook('onRoute', (route) => {
      route.url = constrainEditionParam(route.url);
      if (route.method === 'GET' || (Array.isArray(route.method) && route.method.includes('GET'))) urls.push(route.url);
    });
    await site.register(publicSite, { ctx: t.app.ctx, routes: of('publicRoutes'), fallbacks: of('fallbackRoutes') });
  });
  await app.ready();
  return { app, urls };
}

describe('the page tree catch-all', () => {
  it('is registered after every other public route even when its domain is listed first', async () => {
    const page = await makePage(t.db, { title: 'Our history', slug: 'our-history' });
    const reordered = [pagesDomain, ...DOMAINS.filter((d) => d !== pagesDomain)];
    const { app, urls } = await mountPublicSite(reordered);
    const catchAll = urls.findIndex((u) => u.endsWith('/*'));
    assert.ok(catchAll >= 0, 'the page tree registered its catch-all');
    assert.equal(catchAll, urls.length - 1, `catch-all last, got: ${urls.slice(catchAll).join(' ')}`);

    const routed: [string, RegExp][] = [
      [story.url, /<h1 class="story__title">Ferry timetable changes for the dry season<\/h1>/],
      ['/en/search', /<form class="search-form" role="search"/],
      ['/en/most-read', /<title>Most read/],
      [sectionUrl, /<h1[^>]*>Harbours<\/h1>/],
      [`/en/${page.path}`, /<h1[^>]*>Our history<\/h1>/],
    ];
    for (const [url, expected] of routed) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, expected, url);
    }
    await app.close();
  });
});

describe('page slots', () => {
  it('puts the rating widget in the byline row and the read count in the story footer', async () => {
    const res = await get(story.url);
    assert.equal(res.statusCode, 200);
    const doc = dom(res.body);
    assert.ok(doc.querySelector('.story__meta form.rating'), 'rating widget beside the byline');
    assert.equal(doc.querySelectorAll('form.rating').length, 1);
    assert.match(doc.querySelector('.story__footer .story__hits')?.textContent ?? '', /Read 12 times/);
    assert.equal(doc.querySelectorAll('.story__hits').length, 1);
  });

  it('fills the aside with most read then the live card on an article, the live card first on home', async () => {
    // The on-air box shows only in an edition that has a channel.
    const { saveChannel } = await import('../src/broadcast/index.ts');
    await saveChannel(t.app.ctx.writer, {
      edition: 'en',
      name: 'Aside Radio',
      streams: [{ url: 'https://radio.example/a.mp3' }],
    });
    const boxes = async (url: string) =>
      [...dom((await get(url)).body).querySelectorAll('aside.aside > section.box')].map((s) =>
        s.classList.contains('most-read') ? 'most-read' : s.classList.contains('live-card') ? 'live-card' : s.className,
      );
    assert.deepEqual(await boxes(story.url), ['most-read', 'live-card']);
    assert.deepEqual(await boxes(sectionUrl), ['most-read', 'live-card']);
    assert.deepEqual(await boxes('/en'), ['live-card', 'most-read']);
    assert.deepEqual(await boxes('/en/most-read'), ['live-card'], 'no box of itself on the most-read page');
  });

  it('renders an article page with exactly the parts its registry holds', async () => {
    const slots = new SlotRegistry();
    slots.add(ARTICLE_META_SLOT, {
      id: 'test.badge',
      order: 0,
      render: ({ article }) => `<span class="test-badge">#${article.id}</span>`,
    });
    const app = Fastify();
    await app.register(articleRoutes, { ctx: { ...t.app.ctx, slots } });
    const res = await app.inject(story.url);
    await app.close();
    assert.equal(res.statusCode, 200);
    const doc = dom(res.body);
    assert.equal(doc.querySelector('.story__meta .test-badge')?.textContent, `#${story.id}`);
    assert.equal(doc.querySelector('form.rating'), null, 'no rating widget without the ratings part');
    assert.equal(doc.querySelector('.story__hits'), null, 'no read count without the reads part');
    assert.equal(doc.querySelector('aside.aside')?.children.length, 0);
    assert.match(doc.querySelector('.story__title')?.textContent ?? '', /Ferry timetable/);
  });
});
