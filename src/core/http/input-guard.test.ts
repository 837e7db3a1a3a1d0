// The input guard on a small app: NUL and text that is not UTF-8 are refused with invalid_text
// wherever they arrive (path, query, form or JSON body), before a handler runs; clean text,
// including a literal "%" and characters beyond ASCII, passes untouched.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import fastifyFormbody from '@fastify/formbody';
import { handleFrameworkError, installApiErrorHandlers } from './error-handler.ts';
import { installInputGuard, isCleanEncodedText, isCleanValue } from './input-guard.ts';

const BAD_ESCAPES = ['%00', 'a%00b', '%C3%28', '%FF', '%C0%AF', '%ED%A0%80', '%E0%A4'];

async function build() {
  const app = Fastify({ frameworkErrors: handleFrameworkError });
  installInputGuard(app);
  installApiErrorHandlers(app);
  await app.register(fastifyFormbody);
  let handled = 0;
  const echo = async (request: { params: unknown; query: unknown; body: unknown }) => {
    handled++;
    return { params: request.params, query: request.query, body: request.body ?? null };
  };
  app.get('/p/:slug', echo);
  app.get('/q', echo);
  app.post('/f', echo);
  await app.ready();
  return { app, handled: () => handled };
}

describe('isCleanEncodedText', () => {
  it('accepts UTF-8 escapes and stray "%" signs, refuses NUL and broken UTF-8', () => {
    const check = (text: string) => isCleanEncodedText(Buffer.from(text));
    for (const good of ['/a/b?q=x', '/%C3%A9t%C3%A9', 'q=100%', 'q=%', 'q=%2', '%zz', '%%41', 'q=%EF%BF%BD']) {
      assert.equal(check(good), true, good);
    }
    for (const escape of BAD_ESCAPES) assert.equal(check(`/x/${escape}?q=1`), false, escape);
    assert.equal(check('q=%C3'), false, 'a sequence cut short at the end');
    assert.equal(check('q=%C3&r=%A9'), false, 'a sequence split by a delimiter');
  });
});

describe('isCleanValue', () => {
  it('walks strings, arrays and object keys', () => {
    assert.equal(isCleanValue({ a: ['ok', { b: 'café 😀' }] }), true);
    assert.equal(isCleanValue({ a: ['ok', { b: 'x\u0000' }] }), false);
    assert.equal(isCleanValue({ 'k\u0000': 'v' }), false);
    assert.equal(isCleanValue('\ud800'), false);
    assert.equal(isCleanValue('a\udc00'), false);
    assert.equal(isCleanValue(Buffer.from([0, 0xff])), true, 'binary bodies are not text');
  });
});

describe('the guard on requests', () => {
  it('refuses bad text in a path segment, a query value or a query key before the handler runs', async () => {
    const { app, handled } = await build();
    for (const escape of BAD_ESCAPES) {
      for (const url of [`/p/${escape}`, `/q?q=${escape}`, `/q?${escape}=1`, `/nothing/${escape}`]) {
        const res = await app.inject({ url, headers: { accept: 'application/json' } });
        assert.ok(res.statusCode === 400 || res.statusCode === 404, `${url}: ${res.statusCode}`);
        assert.match(res.json().error.code, /^invalid_(text|url)$/, url);
      }
    }
    assert.equal(handled(), 0);
    await app.close();
  });

  it('passes clean text through, a literal "%" included', async () => {
    const { app } = await build();
    const res = await app.inject({ url: '/q?q=100%25%20caf%C3%A9&r=50%' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json().query, { q: '100% café', r: '50%' });
    const form = await app.inject({
      method: 'POST',
      url: '/f',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'rating=4&note=caf%C3%A9+%25',
    });
    assert.deepEqual(form.json().body, { rating: '4', note: 'café %' });
    await app.close();
  });

  it('refuses bad text in form and JSON bodies, raw or escaped', async () => {
    const { app, handled } = await build();
    const post = (type: string, payload: string | Buffer) =>
      app.inject({ method: 'POST', url: '/f', headers: { 'content-type': type }, payload });
    const form = 'application/x-www-form-urlencoded';
    const cases = [
      ...BAD_ESCAPES.map((escape) => post(form, `rating=${escape}`)),
      post(form, `${'%C3'}=1`),
      post(form, Buffer.from([0x72, 0x3d, 0xff])), // a raw byte that is not UTF-8
      post('application/json', '{"rating":"\\u0000"}'),
      post('application/json', '{"rating":"\\ud800"}'),
      post('application/json', '{"\\u0000":1}'),
      post('application/json', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d])),
      post('text/plain', Buffer.from([0x61, 0x00])),
    ];
    for (const [i, res] of (await Promise.all(cases)).entries()) {
      assert.equal(res.statusCode, 400, `case ${i}: ${res.body}`);
      assert.equal(res.json().error.code, 'invalid_text', `case ${i}`);
    }
    assert.equal(handled(), 0);
    await app.close();
  });

  it('answers a refused body on a live connection, and the connection stays usable', async () => {
    const { app } = await build();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const send = (body: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            port,
            host: '127.0.0.1',
            method: 'POST',
            path: '/f',
            headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const refused = await send(`a=%FF&pad=${'x'.repeat(100_000)}`);
    assert.equal(refused.status, 400);
    assert.equal(JSON.parse(refused.body).error.code, 'invalid_text');
    assert.equal((await send('a=ok')).status, 200);
    await app.close();
  });
});
