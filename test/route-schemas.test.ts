// Route schemas are compiled on a route's first request (core/http/lazy-schemas.ts), so a schema
// Ajv or fast-json-stringify refuses would no longer stop the server at start: here every
// schema of the whole app is compiled, and a refused one is named. Validation and serialization
// behave as with Fastify's own compilers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import { lazySchemas } from '../src/core/http/lazy-schemas.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

/** A Fastify with the lazy compilers, as app.ts makes it. */
function lazyApp() {
  const schemas = lazySchemas();
  const app = Fastify({
    schemaController: {
      compilersFactory: { buildValidator: schemas.buildValidator, buildSerializer: schemas.buildSerializer },
    },
  });
  return { app, schemas };
}

describe('route schemas', () => {
  it('all compile, the app’s first requests having compiled theirs', async () => {
    const res = await t.app.inject({ url: '/api/v1/editions' });
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(Array.isArray(res.json().editions), res.body);
    // Every API route describes its query, its 200 and several error answers; pages their query.
    assert.ok(t.app.routeSchemas.compileAll() > 150);
  });

  it('validate, coerce, default and serialize as Fastify’s own compilers do', async () => {
    const { app } = lazyApp();
    const query = {
      type: 'object',
      properties: {
        page: { type: 'integer', minimum: 1, default: 1 },
        tag: { type: 'array', items: { type: 'string' } },
      },
      additionalProperties: false,
    };
    const answer = { type: 'object', properties: { page: { type: 'integer' }, tag: { type: 'array' } } };
    app.get('/list', { schema: { querystring: query, response: { 200: answer } } }, async (request) => ({
      ...(request.query as object),
      secret: 'never sent',
    }));
    try {
      assert.deepEqual((await app.inject({ url: '/list?page=3&tag=a' })).json(), { page: 3, tag: ['a'] });
      assert.deepEqual((await app.inject({ url: '/list' })).json(), { page: 1 });
      const bad = await app.inject({ url: '/list?page=0' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().message, /querystring\/page must be >= 1/);
      const stray = await app.inject({ url: '/list?other=1' });
      assert.equal(stray.statusCode, 200, 'removeAdditional, as Fastify sets Ajv up');
      assert.deepEqual(stray.json(), { page: 1 });
    } finally {
      await app.close();
    }
  });

  it('name the route whose schema cannot compile, and answer it 500 while the rest serve', async () => {
    const { app, schemas } = lazyApp();
    const ok = { type: 'object', properties: { n: { type: 'number' } } };
    app.get('/fine', { schema: { response: { 200: ok } } }, async () => ({ n: 1 }));
    app.get('/broken-answer', { schema: { response: { 200: { $ref: 'nowhere#' } } } }, async () => ({ n: 1 }));
    app.get('/broken-query', { schema: { querystring: { $ref: 'nowhere#' } } }, async () => ({ n: 1 }));
    try {
      await app.ready();
      assert.deepEqual((await app.inject({ url: '/fine' })).json(), { n: 1 });
      assert.equal((await app.inject({ url: '/broken-answer' })).statusCode, 500);
      assert.equal((await app.inject({ url: '/broken-query' })).statusCode, 500);
      assert.throws(() => schemas.compileAll(), /schema of GET \/broken-(answer|query)/);
    } finally {
      await app.close();
    }
  });
});
