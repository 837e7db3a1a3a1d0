// What may be an edition code: the pattern every `:edition` in a public path is held to, the
// words the app keeps for its own paths, the addEdition command that refuses them and the
// registry that ignores rows with them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { writerFor } from '../../test/helpers/writer.ts';
import { addEdition } from './commands.ts';
import { constrainEditionParam, EDITION_CODE_PATTERN, editionCodeProblem, RESERVED_PATH_WORDS } from './codes.ts';

const WELL_FORMED = ['en', 'id', 'ar', 'fil', 'zh-cn', 'pt-br', 'sr-latn'];
const MALFORMED = ['EN', 'En', 'english', 'e', 'en_gb', 'en-', 'en-GB', '', ' en', 'en\n', 'en/x', 'zh-cn-x'];

describe('edition code pattern', () => {
  it('accepts a language code, optionally with a region or script', () => {
    for (const code of WELL_FORMED) assert.equal(editionCodeProblem(code), undefined, code);
  });

  it('refuses anything else, saying what a code looks like', () => {
    for (const code of MALFORMED)
      assert.match(editionCodeProblem(code) ?? '', /is not an edition code/, JSON.stringify(code));
  });

  it('refuses every reserved word, those shaped like a code included', () => {
    assert.ok(['api', 'app', 'www'].every((w) => RESERVED_PATH_WORDS.has(w)));
    for (const word of RESERVED_PATH_WORDS) assert.notEqual(editionCodeProblem(word), undefined, word);
    assert.match(editionCodeProblem('api')!, /uses in its own addresses/);
  });

  it('constrains the :edition parameter of a route path and nothing else', () => {
    const constrained = `:edition(${EDITION_CODE_PATTERN})`;
    assert.equal(constrainEditionParam('/:edition'), `/${constrained}`);
    assert.equal(constrainEditionParam('/:edition/news/:id/:slug'), `/${constrained}/news/:id/:slug`);
    assert.equal(constrainEditionParam('/:edition/*'), `/${constrained}/*`);
    for (const url of ['/assets/:file', '/sitemap-:name', '/:editionId/x', '/api/v1/editions', '/'])
      assert.equal(constrainEditionParam(url), url);
  });

  it('makes the router pass over a first segment that is not a code', async () => {
    const app = Fastify();
    app.addHook('onRoute', (route) => {
      route.url = constrainEditionParam(route.url);
    });
    app.get<{ Params: { edition: string } }>('/:edition', async (request) => `home ${request.params.edition}`);
    app.get<{ Params: { edition: string } }>('/:edition/*', async (request) => `tree ${request.params.edition}`);
    await app.ready();
    for (const code of ['en', 'zh-cn']) {
      assert.equal((await app.inject(`/${code}`)).body, `home ${code}`);
      assert.equal((await app.inject(`/${code}/about/us`)).body, `tree ${code}`);
    }
    for (const segment of ['english', 'EN', 'e', 'en_gb']) {
      assert.equal((await app.inject(`/${segment}`)).statusCode, 404, segment);
      assert.equal((await app.inject(`/${segment}/about`)).statusCode, 404, segment);
    }
    await app.close();
  });
});

describe('editions in the app', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const countEvents = async () =>
    Number(
      (
        await t.db
          .selectFrom('outbox_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const edition = (code: string) =>
    ({ code, name: `Edition ${code}`, locale: 'en-GB', direction: 'ltr', position: 9 }) as const;

  it('addEdition refuses reserved words and malformed codes, and changes nothing', async () => {
    const events = await countEvents();
    for (const code of ['api', 'newsroom', 'media', 'feeds', 'sitemaps', 'healthz', 'EN', 'english']) {
      await assert.rejects(
        addEdition(writerFor(t.db), edition(code)),
        (error: { code?: string; message: string }) => error.code === 'bad_request' && /code: /.test(error.message),
        code,
      );
    }
    const codes = (await t.db.selectFrom('editions').select('code').orderBy('code').execute()).map((r) => r.code);
    assert.deepEqual(codes, ['ar', 'de', 'en', 'es', 'fr', 'id', 'ja', 'zh']);
    assert.equal(await countEvents(), events, 'no event recorded');
  });

  it('addEdition takes a good code, and its home is served on the very next request', async () => {
    const before = await get('/nl');
    assert.equal(before.statusCode, 404);
    assert.equal((await get('/nl')).headers['x-cache'], 'hit', 'the 404 is cached');
    assert.equal(await addEdition(writerFor(t.db), edition('nl')), true);
    const after = await get('/nl');
    assert.equal(after.statusCode, 200);
    assert.notEqual(after.headers['x-cache'], 'hit');
    assert.match(after.body, /<html lang="nl" dir="ltr">/);
    const api = (await get('/api/v1/editions')).json() as { editions: { code: string }[] };
    assert.ok(api.editions.some((e) => e.code === 'nl'));
  });

  it('ignores an edition row whose code is a reserved word: /api stays the API', async () => {
    for (const code of ['api', 'newsroom']) {
      await t.db
        .insertInto('editions')
        .values({ code, name: `Shadow ${code}`, locale: 'en-GB', direction: 'ltr', position: 0, is_active: 1 })
        .execute();
    }
    await t.app.ctx.editions.reload();
    assert.equal(t.app.ctx.editions.get('api'), undefined);
    assert.equal(t.app.ctx.editions.get('newsroom'), undefined);

    const list = (await get('/api/v1/editions')).json() as { editions: { code: string }[] };
    assert.deepEqual(
      list.editions.map((e) => e.code).filter((c) => ['api', 'newsroom'].includes(c)),
      [],
    );
    for (const url of ['/api', '/api/nope', '/api/news/1/x']) {
      const res = await get(url, { accept: 'text/html' });
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers['content-type']), /^application\/json/, url);
      assert.equal((res.json() as { error: { code: string } }).error.code, 'not_found', url);
    }
    // The newsroom's own answer (sign in first), not the shadow edition's page.
    const newsroom = await get('/newsroom');
    assert.equal(newsroom.statusCode, 303);
    assert.doesNotMatch(newsroom.body, /Shadow newsroom/);
    const root = await get('/');
    assert.equal(root.statusCode, 302);
    assert.equal(root.headers.location, '/en');
  });

  it('answers an unknown but well-formed code as a missing edition, and a non-code as no route at all', async () => {
    for (const url of ['/zz', '/english', '/EN', '/english/news/1/x']) {
      const page = await get(url);
      assert.equal(page.statusCode, 404, url);
      assert.match(String(page.headers['content-type']), /^text\/html/, url);
      assert.match(page.body, /Page not found/, url);
    }
    const code = async (url: string) =>
      ((await get(url, { accept: 'application/json' })).json() as { error: { code: string } }).error.code;
    assert.equal(await code('/zz'), 'edition_not_found');
    // Not a code: no edition route matches, so the edition lookup never runs.
    assert.equal(await code('/english'), 'not_found');
    assert.equal(await code('/EN'), 'not_found');
  });
});
