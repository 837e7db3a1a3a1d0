// buildApp(): the whole web application, ready for inject() in tests or listen() in main.ts.
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyEtag from '@fastify/etag';
import fastifyFormbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import type { Kysely } from 'kysely';
import type { Config } from './core/config.ts';
import { buildAssets, type Assets } from './core/assets.ts';
import type { Database } from './core/db/schema.ts';
import { engineOf } from './core/db/dialect.ts';
import { IMMUTABLE, SHORT } from './core/http/cache.ts';
import { installErrorHandlers } from './core/http/error-handler.ts';
import { installSecurityHeaders } from './core/http/security.ts';
import { installPageCache } from './core/http/page-cache.ts';
import { ensureCookieSecret } from './core/secret.ts';
import type { AppContext } from './context.ts';
import { EditionRegistry } from './editions/index.ts';
import { createErrorPageRenderer } from './editions/error-page.tsx';
import { articleRoutes } from './articles/routes.tsx';
import { pageRoutes } from './pages/index.ts';
import { readRoutes } from './reads/index.ts';
import { searchRoutes } from './search/index.ts';
import { ratingRoutes } from './ratings/index.ts';
import { discoveryRoutes } from './feeds/index.ts';
import { seoRoutes } from './seo/index.ts';
import { comingSoonRoutes } from './sections/coming-soon.tsx';
import { mediaDir } from './media/index.ts';
import { FAVICON_SVG } from './core/views/favicon.ts';

export interface BuildOptions {
  /** Replaces the clock (tests of scheduled publication). */
  now?: () => Date;
  /** Reuse assets built once (tests build many apps). */
  assets?: Assets;
}

/** Builds the application on an open, migrated database. Never listens. */
export async function buildApp(
  config: Config,
  db: Kysely<Database>,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    return503OnClosing: true,
  });

  const editions = new EditionRegistry(db, config.timezone);
  await editions.reload();
  const ctx: AppContext = {
    config,
    db,
    engine: engineOf(db),
    assets: options.assets ?? (await buildAssets()),
    editions,
    now: options.now ?? (() => new Date()),
  };

  installSecurityHeaders(app);
  installErrorHandlers(app, createErrorPageRenderer(ctx));
  // Before compression, so the cache keeps the plain body and each reply is compressed as asked.
  installPageCache(app, { ttlSeconds: config.pageCacheSeconds, now: ctx.now });
  await app.register(fastifyCookie, { secret: ensureCookieSecret(config.cookieSecret, config.dataDir) });
  await app.register(fastifyCompress, { threshold: 1024 });
  await app.register(fastifyEtag);
  await app.register(fastifyFormbody, { bodyLimit: 16 * 1024 });

  app.get<{ Params: { file: string } }>('/assets/:file', async (request, reply) => {
    const asset = ctx.assets.all.get(`/assets/${request.params.file}`);
    if (!asset) return reply.callNotFound();
    return reply.header('cache-control', IMMUTABLE).type(asset.type).send(asset.body);
  });
  await app.register(fastifyStatic, {
    root: path.resolve(mediaDir(config.dataDir)),
    prefix: '/media/',
    decorateReply: false,
    index: false,
    cacheControl: false,
    setHeaders: (reply) => reply.header('cache-control', IMMUTABLE),
  });
  app.get('/favicon.svg', async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=86400').type('image/svg+xml').send(FAVICON_SVG),
  );
  app.get('/favicon.ico', async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=86400').redirect('/favicon.svg', 301),
  );
  app.get('/healthz', async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));
  app.get('/', async (_request, reply) => {
    const edition = editions.get(config.defaultEdition) ?? editions.all()[0];
    if (!edition) return reply.callNotFound();
    return reply.header('cache-control', SHORT).redirect(`/${edition.code}`, 302);
  });

  // Domain plugins. Readers' features (ratings, reads, search, feeds) register below.
  await app.register(articleRoutes, { ctx });
  await app.register(comingSoonRoutes, { ctx });
  await app.register(seoRoutes);
  await app.register(discoveryRoutes, { ctx });
  await app.register(ratingRoutes, { ctx });
  await app.register(searchRoutes, { ctx });
  await app.register(readRoutes, { ctx });
  await app.register(pageRoutes, { ctx });
  return app;
}
