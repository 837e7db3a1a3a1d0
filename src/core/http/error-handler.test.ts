// The error handlers on a small app wired like app.ts (pages at the root, JSON under /api): every
// framework failure gets one of our codes in one shape, no "FST_" reaches a client, and readers
// get a page in their edition's language even when the real page cannot be rendered.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify, { errorCodes, type FastifyInstance } from 'fastify';
import fastifyFormbody from '@fastify/formbody';
import {
  FRAMEWORK_CODES,
  handleFrameworkError,
  installApiErrorHandlers,
  installPageErrorHandlers,
  type ErrorPageRenderer,
} from './error-handler.ts';
import { AppError, ERROR_CODES } from './errors.ts';

const HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';

/** Builds the app; `thrown` is what GET /boom and GET /api/boom throw. */
async function build(options: { thrown?: () => unknown; renderPage?: ErrorPageRenderer } = {}) {
  const logs: Array<{ level: number; msg: string; err?: { message: string } }> = [];
  const app = Fastify({
    logger: { level: 'info', stream: { write: (line: string) => void logs.push(JSON.parse(line)) } },
    frameworkErrors: handleFrameworkError,
    routerOptions: { maxParamLength: 100 },
  });
  const renderPage =
    options.renderPage ?? (async (_request, problem) => `<p>page ${problem.status} ${problem.code}</p>`);
  const boom = async () => {
    throw options.thrown ? options.thrown() : new Error('boom');
  };
  await app.register(async (site: FastifyInstance) => {
    installPageErrorHandlers(site, renderPage);
    await site.register(fastifyFormbody);
    site.get('/boom', boom);
    site.get('/:edition/boom', boom);
    site.get('/en/param/:slug', async () => 'ok');
    site.get(
      '/en/list',
      { schema: { querystring: { type: 'object', properties: { page: { type: 'integer' } } } } },
      async () => 'ok',
    );
    site.post('/en/form', { bodyLimit: 64 }, async () => 'ok');
  });
  await app.register(
    async (api: FastifyInstance) => {
      installApiErrorHandlers(api);
      api.get('/boom', boom);
      api.post('/echo', { bodyLimit: 64 }, async (request) => ({ body: request.body }));
    },
    { prefix: '/api' },
  );
  await app.ready();
  return { app, errors: () => logs.filter((l) => l.level >= 50) };
}

/** Every Fastify code we map, as Fastify raises it, with the status and code a client sees. */
const FRAMEWORK_CASES = Object.entries(FRAMEWORK_CODES).map(([fst, code]) => {
  const Known = (errorCodes as Record<string, (new (...args: string[]) => Error) | undefined>)[fst];
  const make = (): Error =>
    Known ? new Known('x', 'y', 'z') : Object.assign(new Error(`${fst} from a plugin`), { code: fst, statusCode: 400 });
  return { fst, code, status: ERROR_CODES[code], make };
});

describe('the error code table', () => {
  for (const c of FRAMEWORK_CASES) {
    it(`answers ${c.fst} as ${c.code} (${c.status}) in pages and in the API, without "FST_"`, async () => {
      const { app } = await build({ thrown: c.make });
      for (const url of ['/boom', '/api/boom']) {
        const res = await app.inject({ url, headers: { accept: 'application/json' } });
        assert.equal(res.statusCode, c.status, url);
        assert.deepEqual(Object.keys(res.json()), ['error']);
        assert.equal(res.json().error.code, c.code, url);
        assert.doesNotMatch(res.body, /FST_|"x"|'x'/, url);
      }
      const page = await app.inject({ url: '/boom', headers: { accept: HTML } });
      assert.equal(page.statusCode, c.status);
      assert.doesNotMatch(page.body, /FST_/);
      await app.close();
    });
  }

  it('maps an unknown 4xx by its status, never by the error code lowercased', async () => {
    const cases = [
      { statusCode: 403, code: 'SOME_LIB_FORBIDDEN', expected: 'forbidden' },
      { statusCode: 429, code: 'FST_RATE_LIMITED', expected: 'too_many_requests' },
      { statusCode: 418, code: 'FST_TEAPOT', expected: 'bad_request' },
    ];
    for (const c of cases) {
      const { app } = await build({ thrown: () => Object.assign(new Error('internal words'), c) });
      const res = await app.inject({ url: '/api/boom' });
      assert.equal(res.statusCode, c.statusCode);
      assert.equal(res.json().error.code, c.expected);
      assert.doesNotMatch(res.body, /FST_|SOME_LIB|internal words|teapot/i);
      await app.close();
    }
  });

  it('keeps an AppError code and message, and hides a 5xx behind internal_error while logging it', async () => {
    const mine = await build({ thrown: () => new AppError('invalid_rating', 'Choose from 1 to 5 stars.') });
    const res = await mine.app.inject({ url: '/api/boom' });
    assert.deepEqual(res.json(), { error: { code: 'invalid_rating', message: 'Choose from 1 to 5 stars.' } });
    assert.equal(mine.errors().length, 0, '4xx are not logged as errors');
    await mine.app.close();

    const crash = await build({ thrown: () => new Error('relation "secret_table" does not exist') });
    for (const url of ['/boom', '/api/boom']) {
      const json = await crash.app.inject({ url, headers: { accept: 'application/json' } });
      assert.equal(json.statusCode, 500);
      assert.equal(json.json().error.code, 'internal_error');
      assert.doesNotMatch(json.body, /secret_table|at .*\.ts/);
      assert.equal(json.headers['cache-control'], 'no-store');
    }
    assert.equal(crash.errors().length, 2);
    assert.equal(crash.errors()[0]!.err?.message, 'relation "secret_table" does not exist');
    await crash.app.close();
  });

  it('maps what Fastify raises for real requests', async () => {
    const { app } = await build();
    const post = (url: string, type: string, payload: string) =>
      app.inject({ method: 'POST', url, headers: { 'content-type': type, accept: 'application/json' }, payload });
    const cases = [
      { res: await post('/api/echo', 'application/json', '{"a":'), status: 400, code: 'invalid_json' },
      { res: await post('/api/echo', 'application/json', ''), status: 400, code: 'invalid_json' },
      { res: await post('/api/echo', 'application/xml', '<a/>'), status: 415, code: 'unsupported_media_type' },
      {
        res: await post('/api/echo', 'application/json', `"${'x'.repeat(100)}"`),
        status: 413,
        code: 'payload_too_large',
      },
      {
        res: await post('/en/form', 'application/x-www-form-urlencoded', `a=${'x'.repeat(100)}`),
        status: 413,
        code: 'payload_too_large',
      },
      {
        res: await app.inject({ url: '/en/list?page=abc', headers: { accept: 'application/json' } }),
        status: 400,
        code: 'invalid_query',
      },
      { res: await app.inject({ url: '/api/nothing-here' }), status: 404, code: 'not_found' },
      {
        res: await app.inject({ url: '/en/param/%FF', headers: { accept: 'application/json' } }),
        status: 400,
        code: 'invalid_url',
      },
      {
        res: await app.inject({ url: `/en/param/${'x'.repeat(200)}`, headers: { accept: 'application/json' } }),
        status: 414,
        code: 'uri_too_long',
      },
    ];
    for (const [i, c] of cases.entries()) {
      assert.equal(c.res.statusCode, c.status, `case ${i}`);
      assert.equal(c.res.json().error.code, c.code, `case ${i}`);
      assert.match(String(c.res.headers['content-type']), /^application\/json; charset=utf-8$/, `case ${i}`);
      assert.doesNotMatch(c.res.body, /FST_/, `case ${i}`);
    }
    await app.close();
  });
});

describe('page and API answers', () => {
  it('answers the API in JSON whatever the Accept, never stored', async () => {
    const { app } = await build();
    for (const url of ['/api/nothing', '/api/boom']) {
      const res = await app.inject({ url, headers: { accept: HTML } });
      assert.match(String(res.headers['content-type']), /^application\/json; charset=utf-8$/);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.ok(res.json().error.code);
    }
    await app.close();
  });

  it('renders pages for browsers, JSON for other clients, with Vary: Accept and a short cache for 404', async () => {
    const { app } = await build();
    const page = await app.inject({ url: '/en/nothing', headers: { accept: HTML } });
    assert.equal(page.statusCode, 404);
    assert.equal(page.body, '<p>page 404 not_found</p>');
    assert.equal(page.headers['cache-control'], 'public, max-age=30, s-maxage=30');
    assert.match(String(page.headers.vary), /accept/i);
    const json = await app.inject({ url: '/en/nothing', headers: { accept: 'application/json' } });
    assert.equal(json.json().error.code, 'not_found');
    const crash = await app.inject({ url: '/boom', headers: { accept: HTML } });
    assert.equal(crash.headers['cache-control'], 'no-store');
    await app.close();
  });

  it('falls back to a bare page in the language of the URL when the page cannot be rendered', async () => {
    const { app, errors } = await build({
      renderPage: async () => {
        throw new Error('no database');
      },
    });
    const id = await app.inject({ url: '/id/nothing', headers: { accept: HTML } });
    assert.equal(id.statusCode, 404);
    assert.match(id.body, /<html lang="id"/);
    assert.match(id.body, /Halaman tidak ditemukan/);
    const ar = await app.inject({ url: '/ar/boom', headers: { accept: HTML } });
    assert.equal(ar.statusCode, 500);
    assert.match(ar.body, /<html lang="ar"/);
    assert.match(ar.body, /حدث خطأ/);
    assert.doesNotMatch(ar.body, /Something|Error/);
    const neutral = await app.inject({ url: '/zz/nothing', headers: { accept: HTML } });
    assert.match(neutral.body, /<h1>404<\/h1>/);
    assert.doesNotMatch(neutral.body, /lang=|Page not found/);
    assert.ok(errors().some((l) => l.msg === 'error page failed to render'));
    await app.close();
  });

  it('answers URLs the router cannot decode in the language of the URL, or in JSON under /api', async () => {
    const { app } = await build();
    const page = await app.inject({ url: '/id/%FF', headers: { accept: HTML } });
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /<html lang="id"/);
    assert.match(page.body, /Permintaan tidak dapat dipahami/);
    assert.doesNotMatch(page.body, /FST_|%FF/);
    const api = await app.inject({ url: '/api/%C3%28', headers: { accept: HTML } });
    assert.equal(api.statusCode, 400);
    assert.deepEqual(api.json().error.code, 'invalid_url');
    assert.equal(api.headers['cache-control'], 'no-store');
    await app.close();
  });
});
