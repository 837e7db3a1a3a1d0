// buildApp(): the whole web application, ready for inject() in tests or listen() in main.ts.
// It builds the shared context, lets every domain set up its slots, events and jobs, then
// mounts the three subtrees: the public site, /newsroom and /api.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyEtag from '@fastify/etag';
import fastifyStatic from '@fastify/static';
import type { Kysely } from 'kysely';
import type { Config } from './core/config.ts';
import { buildAssets, type Assets } from './core/assets.ts';
import type { Db } from './core/db/database.ts';
import type { Database } from './core/db/schema.ts';
import { engineOf } from './core/db/dialect.ts';
import { EventBus } from './core/events/index.ts';
import { IMMUTABLE, SHORT } from './core/http/cache.ts';
import { handleFrameworkError, installPageErrorHandlers } from './core/http/error-handler.ts';
import { installSecurityHeaders } from './core/http/security.ts';
import { installPageCache } from './core/http/page-cache.ts';
import { cacheFirstServer } from './core/http/fast-path.ts';
import { installInputGuard } from './core/http/input-guard.ts';
import { lazySchemas, type LazySchemas } from './core/http/lazy-schemas.ts';
import { JobRunner } from './core/jobs/runner.ts';
import { SlotRegistry } from './core/views/slots.ts';
import { FAVICON_SVG } from './core/views/favicon.ts';
import { loggerOptions } from './core/log.ts';
import { utf8Bytes } from './core/text/utf8.ts';
import { healthRoutes } from './ops/health.ts';
import { createRequestIdGenerator, installRequestIdHeader } from './ops/request-id.ts';
import type { AppContext } from './context.ts';
import { DOMAINS, registerConsumers } from './domains.ts';
import { EditionRegistry } from './editions/index.ts';
import { constrainEditionParam } from './editions/codes.ts';
import { createErrorPageRenderer } from './editions/error-page.tsx';
import { loadSiteLogo, mediaDir } from './media/index.ts';
import { SiteSettings } from './settings/index.ts';
import { api } from './http/api.ts';
import { newsroom } from './http/newsroom.ts';
import { publicSite } from './http/public-site.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's shared context (the CLI and tests write through ctx.writer). */
    ctx: AppContext;
    /** The routes' validators and serializers, compiled on first use (a test compiles them all). */
    routeSchemas: LazySchemas;
  }
}

export interface BuildOptions {
  /** Replaces the clock (tests of scheduled publication). */
  now?: () => Date;
  /** Reuse assets built once (tests build many apps). */
  assets?: Assets;
  /** LISTEN/NOTIFY of the database (PostgreSQL), so events from other processes arrive at once. */
  listen?: Db['listen'];
  /** Where log lines go (tests capture them); default standard output. */
  logStream?: NodeJS.WritableStream;
}

/** How long handled events stay in the outbox. */
const OUTBOX_KEEP_MS = 7 * 24 * 3600_000;

/** Where the staff's subtree lives; the page cache never touches it. */
const NEWSROOM_PREFIX = '/newsroom';

/** Builds the application on an open, migrated database. Never listens. */
export async function buildApp(
  config: Config,
  db: Kysely<Database>,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const schemas = lazySchemas();
  const app = Fastify({
    // The page cache (made below, once the app exists) answers first: a hit never reaches Fastify.
    serverFactory: cacheFirstServer(() => pageCache),
    ...loggerOptions(config, { stream: options.logStream }),
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    return503OnClosing: true,
    // A trusted proxy's X-Request-Id, when it looks like one; else our own.
    genReqId: createRequestIdGenerator(config.trustProxy),
    // URLs the router cannot decode are answered in our shape, before any hook or subtree runs.
    frameworkErrors: handleFrameworkError,
    // Route schemas are compiled on a route's first request, not during the cold start.
    schemaController: {
      compilersFactory: { buildValidator: schemas.buildValidator, buildSerializer: schemas.buildSerializer },
    },
  });

  const now = options.now ?? (() => new Date());
  // esbuild works in a process of its own: the assets build while the editions load. A failed
  // build is thrown where it is awaited below, not reported as unhandled meanwhile.
  const assets = options.assets ? Promise.resolve(options.assets) : buildAssets();
  assets.catch(() => undefined);
  // Settings first: the editions' names and date formats follow them.
  const settings = new SiteSettings(db, config, (id) => loadSiteLogo(db, id));
  await settings.reload();
  const editions = new EditionRegistry(db, settings);
  await editions.reload();
  const events = new EventBus(db, { log: app.log, now, listen: options.listen });
  const jobs = new JobRunner(db, { log: app.log, now });
  // Security headers before the page cache, so a stored page keeps them; the input guard before
  // any lookup. The cache before compression and ETag, which find a stored page's variant and
  // ETag set and leave it alone; they register the same encodings the cache stores.
  installSecurityHeaders(app, { baseUrl: config.baseUrl });
  installInputGuard(app);
  const pageCache = installPageCache(app, {
    ttlSeconds: config.pageCacheSeconds,
    now,
    baseUrl: config.baseUrl,
    isEdition: (code) => editions.get(code) !== undefined,
    privatePrefixes: [NEWSROOM_PREFIX],
    cdnPurge: config.cdnPurgeUrl ? { urlTemplate: config.cdnPurgeUrl, method: config.cdnPurgeMethod } : undefined,
  });
  const ctx: AppContext = {
    config,
    db,
    engine: engineOf(db),
    assets: await assets,
    editions,
    settings,
    events,
    writer: { db, events, now },
    jobs,
    slots: new SlotRegistry(),
    pageCache,
    now,
  };

  app.decorate('ctx', ctx);
  app.decorate('routeSchemas', schemas);
  installRequestIdHeader(app);
  healthRoutes(app, db);
  if (config.metrics) {
    // Loaded only when metrics are on: prom-client costs start-up time and memory.
    const { installMetrics } = await import('./ops/metrics.ts');
    installMetrics(app, {
      token: config.metricsToken,
      sources: {
        pageCacheStats: () => ctx.pageCache.stats(),
        // Decorated by the reads domain's setup, which runs below.
        readCounter: () => (app.hasDecorator('readCounter') ? app.readCounter : undefined),
        lastEvent: () => events.lastHandled,
      },
    });
  }
  // Text answers leave as bytes, encoded once here: the ETag hashes them, compression reads them and
  // the socket writes them, where a string would be encoded for each.
  app.addHook('onSend', encodeTextPayload);
  await app.register(fastifyCompress, { threshold: 1024, encodings: ['br', 'gzip'] });
  // zlib.crc32 came with Node 20.15; before it, the plugin's own SHA-1.
  await app.register(fastifyEtag, { weak: true, hashFn: typeof zlib.crc32 === 'function' ? bodyChecksum : undefined });

  registerConsumers(events);
  // Handled events are kept a week (for a look at what happened), then go.
  jobs.add({
    name: 'events.prune-outbox',
    everyMs: 3600_000,
    run: async ({ now }) =>
      `${await events.prune(new Date(now.getTime() - OUTBOX_KEEP_MS))} handled events older than a week deleted`,
  });
  for (const domain of DOMAINS) await domain.setup?.(ctx, app);
  app.addHook('onReady', async () => {
    await events.start();
    await jobs.start();
  });
  // After the server has stopped taking requests; the reads domain's own onClose flushes its counts.
  app.addHook('onClose', async () => {
    await jobs.close();
    await events.close();
    ctx.pageCache.close();
  });

  // Reader-style error pages everywhere; the API subtree answers in JSON instead.
  const renderErrorPage = createErrorPageRenderer(ctx);
  installPageErrorHandlers(app, renderErrorPage);
  await app.register(async (site) => {
    // Every `:edition` in a public path only matches an edition code (never "api" or "media").
    site.addHook('onRoute', (route) => {
      route.url = constrainEditionParam(route.url);
    });
    await siteFiles(site, ctx);
    await site.register(publicSite, {
      ctx,
      routes: routesOf('publicRoutes'),
      fallbacks: routesOf('fallbackRoutes'),
    });
  });
  await app.register(newsroom, { prefix: NEWSROOM_PREFIX, ctx, renderErrorPage, routes: routesOf('newsroomRoutes') });
  await app.register(api, { prefix: '/api', ctx, routes: routesOf('apiRoutes') });
  return app;
}

/**
 * The ETag of an answer: CRC-32 and length of its body, several times cheaper than SHA-1 on each
 * uncached page. A weak validator must change when the page does: CRC-32 sees every change that
 * spans at most four bytes (a read count), and misses a larger one once in four billion.
 */
function bodyChecksum(payload: string | Buffer): string {
  return `${zlib.crc32(payload).toString(36)}-${Buffer.byteLength(payload).toString(36)}`;
}

/** An onSend hook: a string payload as its UTF-8 bytes (what the socket would have sent). */
function encodeTextPayload(
  _request: FastifyRequest,
  _reply: FastifyReply,
  payload: unknown,
  done: (error: null, payload: unknown) => void,
): void {
  done(null, typeof payload === 'string' ? utf8Bytes(payload) : payload);
}

function routesOf(kind: 'publicRoutes' | 'newsroomRoutes' | 'apiRoutes' | 'fallbackRoutes') {
  return DOMAINS.flatMap((d) => (d[kind] ? [d[kind]] : []));
}

/** Files every site serves: fingerprinted assets, stored media, the icon, `/`. */
async function siteFiles(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const { config, editions, settings } = ctx;
  app.get<{ Params: { file: string } }>('/assets/:file', async (request, reply) => {
    const asset = ctx.assets.all.get(`/assets/${request.params.file}`);
    if (!asset) return reply.callNotFound();
    return reply.header('cache-control', IMMUTABLE).type(asset.type).send(asset.body);
  });
  // An empty site has no media yet; the folder must exist for the file server all the same.
  const mediaRoot = path.resolve(mediaDir(config.dataDir));
  fs.mkdirSync(mediaRoot, { recursive: true });
  await app.register(fastifyStatic, {
    root: mediaRoot,
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
  app.get('/', async (_request, reply) => {
    const edition = editions.get(settings.defaultEdition) ?? editions.all()[0];
    if (!edition) return reply.callNotFound();
    return reply.header('cache-control', SHORT).redirect(`/${edition.code}`, 302);
  });
}
