// The in-process page cache: what it keeps, for how long, and what it never keeps.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import fastifyCompress from '@fastify/compress';
import { installPageCache } from './page-cache.ts';

async function appWithCache(ttlSeconds: number) {
  let now = new Date('2026-01-01T00:00:00Z');
  let renders = 0;
  const app = Fastify();
  installPageCache(app, { ttlSeconds, now: () => now });
  await app.register(fastifyCompress, { threshold: 1 });
  app.get('/public', async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=30').type('text/html').send(`page ${++renders}`),
  );
  app.get('/private', async (_req, reply) => reply.header('cache-control', 'no-store').send(`private ${++renders}`));
  app.get('/cookie', async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=30').header('set-cookie', 'a=b').send(`cookie ${++renders}`),
  );
  app.get('/error', async (_req, reply) =>
    reply.code(500).header('cache-control', 'public').send(`error ${++renders}`),
  );
  return { app, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('page cache', () => {
  it('reuses a public response until it expires, compressed per request', async () => {
    const { app, advance } = await appWithCache(5);
    const first = await app.inject('/public');
    assert.equal(first.body, 'page 1');
    assert.equal(first.headers['x-cache'], 'miss');
    const second = await app.inject('/public');
    assert.equal(second.body, 'page 1');
    assert.equal(second.headers['x-cache'], 'hit');
    assert.equal(second.headers['content-type'], 'text/html');
    assert.equal(second.headers['cache-control'], 'public, max-age=30');
    const gzip = await app.inject({ url: '/public', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    advance(5000);
    assert.equal((await app.inject('/public')).body, 'page 2');
    assert.equal((await app.inject('/public?x=1')).body, 'page 3', 'the query string is part of the key');
  });

  it('never keeps private, cookie-setting or failed responses', async () => {
    const { app } = await appWithCache(5);
    for (const url of ['/private', '/cookie', '/error']) {
      const a = await app.inject(url);
      const b = await app.inject(url);
      assert.notEqual(a.body, b.body, url);
    }
  });

  it('does nothing when turned off', async () => {
    const { app } = await appWithCache(0);
    assert.equal((await app.inject('/public')).body, 'page 1');
    assert.equal((await app.inject('/public')).body, 'page 2');
  });
});
