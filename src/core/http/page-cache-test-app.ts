// A tiny app wired like app.ts, for the page cache's tests: security headers and the input guard,
// then the cache, then compression and ETag, then routes that count their renders. It can also
// listen through the cache-first server, as `warta serve` does.
import Fastify, { type FastifyReply, type InjectOptions } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyEtag from '@fastify/etag';
import { installPageErrorHandlers } from './error-handler.ts';
import { cacheFirstServer } from './fast-path.ts';
import { installInputGuard } from './input-guard.ts';
import { installPageCache, type PageCacheOptions } from './page-cache.ts';
import { installSecurityHeaders } from './security.ts';

export const PUBLIC = 'public, max-age=30';
/** A page big enough to be stored compressed (over 1 KB), ending in its render number. */
export const bigPage = (n: number) => `<main>${'<p>Lighthouse keepers vote to stay.</p>'.repeat(200)}</main>${n}`;

/** Opens when the test says so: a render that takes as long as the test needs. */
export function gate(): { opened: Promise<void>; open(): void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** Builds the app; `slowGate` holds /slow and /slow-fail until opened. */
export async function appWithCache(ttlSeconds: number, options: Partial<PageCacheOptions> = {}) {
  let now = new Date('2026-01-01T00:00:00Z');
  const counts = { renders: 0, fastifyRequests: 0 };
  let isFailing = false;
  let slowGate = gate();
  const app = Fastify({ serverFactory: cacheFirstServer(() => cache), return503OnClosing: true });
  app.addHook('onRequest', async () => {
    counts.fastifyRequests++;
  });
  installPageErrorHandlers(app, async (_request, problem) => `<h1>${problem.status} ${++counts.renders}</h1>`);
  installSecurityHeaders(app, { baseUrl: 'https://warta.example' });
  installInputGuard(app);
  const cache = installPageCache(app, { ttlSeconds, now: () => now, baseUrl: 'https://warta.example', ...options });
  await app.register(fastifyCompress, { threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(fastifyEtag, { weak: true });
  const page =
    (name: string, cacheControl = PUBLIC) =>
    async (_req: unknown, reply: FastifyReply) =>
      reply.header('cache-control', cacheControl).type('text/html').send(`${name} ${++counts.renders}`);
  app.get('/public', page('page'));
  app.get('/short', page('short', 'public, max-age=30, s-maxage=2'));
  app.get('/robots.txt', page('robots'));
  app.get('/listing', { config: { cacheQuery: ['page'] } }, page('listing'));
  app.get('/private', page('private', 'no-store'));
  app.get('/public-private', page('public-private', 'public, private, max-age=30'));
  app.get('/big', async (_req, reply) =>
    reply.header('cache-control', PUBLIC).type('text/html; charset=utf-8').send(bigPage(++counts.renders)),
  );
  app.get('/stable', async (_req, reply) => {
    counts.renders++;
    return reply.header('cache-control', PUBLIC).type('text/html; charset=utf-8').send(bigPage(0));
  });
  app.get('/slow', async (_req, reply) => {
    const n = ++counts.renders;
    await slowGate.opened;
    return reply.header('cache-control', PUBLIC).type('text/html').send(`slow ${n}`);
  });
  app.get('/slow-fail', async (_req, reply) => {
    const n = ++counts.renders;
    await slowGate.opened;
    // The first render fails; those after it succeed.
    return reply
      .code(n === 1 ? 500 : 200)
      .header('cache-control', PUBLIC)
      .send(`slow-fail ${n}`);
  });
  app.get('/flaky', async (_req, reply) => {
    const n = ++counts.renders;
    return reply
      .code(isFailing ? 500 : 200)
      .header('cache-control', PUBLIC)
      .send(`flaky ${n}`);
  });
  app.get('/cookie', async (_req, reply) =>
    reply.header('cache-control', PUBLIC).header('set-cookie', 'a=b').send(`cookie ${++counts.renders}`),
  );
  app.get('/error', async (_req, reply) =>
    reply.code(500).header('cache-control', 'public').send(`error ${++counts.renders}`),
  );
  app.get('/vary', async (_req, reply) =>
    reply.header('cache-control', PUBLIC).header('vary', 'accept-language').send(`vary ${++counts.renders}`),
  );
  for (const path of ['/en', '/en/news/1', '/id', '/id/news/2', '/sitemap.xml', '/feeds/en.xml']) {
    app.get(path, page(path));
  }
  const get = async (url: string, headers: InjectOptions['headers'] = {}) => app.inject({ url, headers });
  return {
    app,
    cache,
    counts,
    get,
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
    setNow: (date: Date) => (now = date),
    now: () => now,
    /** A fresh gate for /slow: the renders under way wait until it opens. */
    holdSlowRenders: () => (slowGate = gate()),
    /** Whether /flaky answers 500 (a render that fails) from now on. */
    setFailing: (failing: boolean) => (isFailing = failing),
  };
}
