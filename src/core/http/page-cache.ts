// A short-lived in-process cache of public responses: it takes the repeated work off busy pages.
// Only anonymous GET/HEAD, only `Cache-Control: public` answers, for a few seconds; bounded in
// entries and bytes. Hits are answered before Fastify runs (fast-path.ts) from bytes prepared
// once per entry; a page that expired a moment ago is still served while one background render
// replaces it (stale-refresh.ts); concurrent misses wait for one render; purges also reach a CDN.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isImmutable, isShared, limitFreshness, sharedMaxAge } from './cache.ts';
import { matchesEtag, preparePage, sendPage, variantFor, type CachedPage } from './cached-page.ts';
import { CdnPurger, surrogateKeysOf } from './cdn-purge.ts';
import { STAFF_COOKIE_NAMES } from './cookies.ts';
import { acceptsHtmlType } from './error-handler.ts';
import { hitHeadersOf, type HitHeaders } from './hit-headers.ts';
import { SplitPageStore } from './page-store.ts';
import { firstSegment, hasOnlyDeclaredQuery, isStorable, storedHeaders } from './storable.ts';
import { ScheduledChanges, type LoadScheduledChanges } from './scheduled-changes.ts';
import { SingleFlight, type Flight } from './single-flight.ts';
import { StaleRefresh } from './stale-refresh.ts';
import { utf8Bytes } from '../text/utf8.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Query parameters the route reads; a request carrying any other is never cached. */
    cacheQuery?: readonly string[];
  }
}

export interface PageCacheOptions {
  /** How long a response is reused; 0 disables the cache (Cache-Control capping and CDN purges stay). */
  ttlSeconds: number;
  /**
   * How long past its TTL a page may still be served while one background render replaces it
   * (default: the TTL again; 0: never stale). Never past a purge or a scheduled story's minute.
   */
  staleSeconds?: number;
  now(): Date;
  /** The configured public base URL: its origin is the key's host, whatever Host a request claims. */
  baseUrl: string;
  /** Upper bound on counted bytes (keys, headers, every variant's body, per-entry overhead); oldest go first. */
  maxBytes?: number;
  /** Upper bound on entries; oldest go first. */
  maxEntries?: number;
  /** Longer request URLs are never cached. */
  maxUrlLength?: number;
  /** A request whose Cookie header names one of these is never cached (signed-in staff). */
  bypassCookies?: readonly string[];
  /**
   * Paths under these prefixes (e.g. /newsroom) are never served from or stored into the cache,
   * whatever their Cache-Control says when the cache sees them (a subtree's own hooks run later).
   */
  privatePrefixes?: readonly string[];
  /** Whether a first path segment is an edition (else the entry is site-wide); checked at purge time. */
  isEdition?: (segment: string) => boolean;
  /** How often expired entries are swept when no request does it. */
  sweepIntervalMs?: number;
  /** Requests waiting for another's render of the same page, at most; more render themselves. */
  maxWaiters?: number;
  /** How long a request waits for another's render before rendering itself. */
  waitTimeoutMs?: number;
  /** Where to send purges for a CDN in front of the site; none without. */
  cdnPurge?: { urlTemplate: string; method: string; timeoutMs?: number };
}

/** The scope of a purge: some editions (plus everything site-wide), or everything. */
export type PurgeScope = { editions?: readonly string[] } | 'all';

/** Size and use since start, for monitoring. */
export interface PageCacheStats {
  entries: number;
  bytes: number;
  /** Answers served from the cache, on the fast path or after waiting for another's render. */
  hits: number;
  /** Cacheable requests that were rendered. */
  misses: number;
  /** Of the hits, those that waited for a concurrent render of the same page (single flight). */
  coalesced: number;
  /** Of the hits, those answered with an expired page while its background refresh ran. */
  stale: number;
  /** Background renders of expired pages (not counted as misses). */
  refreshes: number;
}

/** The running cache, for purges after a publish, the server's fast path, monitoring, and shutdown. */
export interface PageCache {
  /** Drops the entries in scope, tells the CDN, and reloads the scheduled changes; returns how many were dropped. */
  purge(scope: PurgeScope): number;
  stats(): PageCacheStats;
  /** Adds a source of times when pages change by the clock alone (scheduled stories). */
  trackScheduledChanges(load: LoadScheduledChanges): void;
  /** Resolves once the CDN purges sent so far are answered or abandoned (the app's close waits too). */
  cdnPurged(): Promise<void>;
  /** Answers a raw request from the cache if it can (before Fastify); false when it did not. */
  serveRaw(req: IncomingMessage, res: ServerResponse): boolean;
  /** Stops the sweep timer and empties the cache (also done when the app closes). */
  close(): void;
}

/** A request that missed: where its answer goes, and what it must know when storing it. */
interface Miss {
  readonly key: string;
  /** When it began (ms): the answer shows the content of that moment. */
  readonly start: number;
  /** The purge count when it began: a purge during its render makes the answer stale. */
  readonly purges: number;
  readonly flight: Flight<CachedPage> | undefined;
}

/**
 * A process serves within 250 MB (issue 7): about 170 MB are the runtime, code and database cache
 * before any page is kept, so pages get 32 MB (~700 articles, all three encodings of each).
 */
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/** After a background refresh that stored nothing, the next waits this long (stale pages go on meanwhile). */
const REFRESH_RETRY_MS = 1000;

/** Same rule as WARTA_DEFAULT_EDITION; an app with a registry should pass `isEdition`. */
const EDITION_CODE = /^[a-z]{2,3}(-[a-z0-9]+)?$/;

/**
 * Installs the cache hooks. Install after the security headers (a stored page keeps them) and
 * before @fastify/compress and @fastify/etag, which then find the chosen variant's encoding and
 * ETag already set and leave a stored page alone.
 */
export function installPageCache(app: FastifyInstance, options: PageCacheOptions): PageCache {
  const isEnabled = options.ttlSeconds > 0;
  const ttlMs = options.ttlSeconds * 1000;
  const staleMs = (options.staleSeconds ?? options.ttlSeconds) * 1000;
  const maxUrlLength = options.maxUrlLength ?? 2048;
  const bypassCookies = [...(options.bypassCookies ?? STAFF_COOKIE_NAMES)];
  const privatePrefixes = options.privatePrefixes ?? [];
  const isEdition = options.isEdition ?? ((segment: string) => EDITION_CODE.test(segment));
  const store = new SplitPageStore({
    maxEntries: options.maxEntries ?? 10_000,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
  });
  const flights = new SingleFlight<CachedPage>({
    maxWaiters: options.maxWaiters ?? 1000,
    timeoutMs: options.waitTimeoutMs ?? 10_000,
  });
  const now = () => options.now().getTime();
  const schedule = new ScheduledChanges({
    now,
    isEdition,
    onError: (err) => app.log.error({ err }, 'scheduled changes failed to load: pages are not cached until they do'),
  });
  const purger = options.cdnPurge
    ? new CdnPurger({
        ...options.cdnPurge,
        timeoutMs: options.cdnPurge.timeoutMs ?? 5000,
        onError: (message, details) => app.log.warn(details, message),
      })
    : undefined;
  // The configured origin, never the Host header: one site, and a forged Host must not mint entries.
  const origin = new URL(options.baseUrl).origin;
  const misses = new WeakMap<FastifyRequest, Miss>();
  const counters = { hits: 0, misses: 0, coalesced: 0, stale: 0, refreshes: 0 };
  const refresher = new StaleRefresh<CachedPage>({
    flights,
    render: (url, headers) => app.inject({ method: 'GET', url, headers }),
    retryAfterMs: REFRESH_RETRY_MS,
    now,
    onError: (err) => app.log.error({ err }, 'a stale page could not be refreshed'),
  });
  let purges = 0;
  let isClosing = false;

  app.addHook('onReady', () => schedule.settled());
  // Fastify answers other requests 503 from here on; hits still go out, closing their connection.
  app.addHook('preClose', async () => {
    isClosing = true;
  });

  // Callback style where the answer is known at once (cache off), a promise only for a lookup.
  app.addHook('onRequest', (request, reply, done) => {
    if (!isEnabled) return done();
    lookupOrMiss(request, reply).then(() => done(), done);
  });

  async function lookupOrMiss(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    // Read once, as a hit reads them, so keyOf and sendPage see one shape of object.
    const headers = hitHeadersOf(request.raw.rawHeaders);
    const key = keyOfRoute(request, headers);
    if (key === undefined) return;
    const refresh = refresher.claim(key, request.headers);
    if (refresh) {
      // Our own background render of a stale page: render and store, whatever is stored now.
      counters.refreshes++;
      misses.set(request, { key, start: now(), purges, flight: refresh });
      return;
    }
    let page = lookup(key, request.url, now());
    if (!page) {
      const flight = request.method === 'GET' ? flights.begin(key) : undefined;
      if (!flight) {
        // Another request renders this page now: its answer is ours too, if it stores one.
        page = await flights.wait(key);
        if (page && page.expires > now()) {
          counters.hits++;
          counters.coalesced++;
        } else page = undefined;
      }
      if (!page) {
        counters.misses++;
        misses.set(request, { key, start: now(), purges, flight });
        return;
      }
    }
    // The same writer as the fast path; here for inject() and for requests that waited.
    reply.hijack();
    sendPage(request.method, headers, reply.raw, page, { now: now(), isClosing });
  }

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const miss = misses.get(request);
    misses.delete(request);
    try {
      const cacheControl = reply.getHeader('cache-control');
      if (typeof cacheControl !== 'string' || !isShared(cacheControl)) return payload;
      const segment = firstSegment(request.url);
      const at = now();
      let seconds: number | undefined;
      if (!isImmutable(cacheControl)) {
        await schedule.pending(at);
        // Never fresh past the next scheduled story's minute, here or in a CDN or browser.
        seconds = schedule.secondsLeft(segment, miss?.start ?? at - reply.elapsedTime, at);
        if (seconds !== undefined) reply.header('cache-control', limitFreshness(cacheControl, seconds));
        if (purger) reply.header('surrogate-key', surrogateKeysOf(segment, isEdition));
      }
      if (!miss || request.method !== 'GET' || miss.purges !== purges || !isStorable(reply, payload)) return payload;
      // Neither fresh nor served stale past the next scheduled story's minute, nor past the
      // answer's own shared max-age (a short-lived answer such as the radio's status).
      const ownAge = sharedMaxAge(cacheControl);
      const untilChange = Math.min(seconds === undefined ? Infinity : seconds * 1000, (ownAge ?? Infinity) * 1000);
      const expires = at + Math.min(ttlMs, untilChange);
      if (expires <= at) return payload;
      const body = Buffer.isBuffer(payload) ? payload : utf8Bytes(payload ?? '');
      const page = await preparePage(
        { status: reply.statusCode, headers: storedHeaders(reply), body, segment },
        { storedAt: at, expires, staleUntil: at + Math.min(ttlMs + staleMs, untilChange) },
      );
      // A purge while it compressed: the page is stale already.
      if (miss.purges !== purges || !store.set(miss.key, page, now())) return payload;
      miss.flight?.finish(page);
      return sendFromPage(request, reply, page);
    } finally {
      miss?.flight?.finish(undefined); // nothing stored (or already finished): waiters render themselves
    }
  });

  // A request that ends before onSend (aborted, hijacked by a route) must not hold its waiters.
  app.addHook('onResponse', (request, _reply, done) => {
    misses.get(request)?.flight?.finish(undefined);
    done();
  });
  app.addHook('onRequestAbort', async (request) => misses.get(request)?.flight?.finish(undefined));

  const timer = setInterval(() => store.sweep(now()), options.sweepIntervalMs ?? 10_000);
  timer.unref(); // never keeps the process (or a test) alive
  const close = () => {
    clearInterval(timer);
    flights.close();
    store.dropWhere(() => true);
  };
  app.addHook('onClose', async () => {
    close();
    await purger?.settled();
  });

  return {
    purge(scope) {
      purges++;
      // A purge follows a content change, which may have scheduled (or unscheduled) a story.
      schedule.refresh();
      purger?.purge(scope === 'all' ? 'all' : { editions: scope.editions ?? [] });
      if (scope === 'all') return store.dropWhere(() => true);
      const editions = new Set(scope.editions ?? []);
      // Site-wide entries (sitemaps, feeds, robots.txt) list every edition's stories.
      return store.dropWhere(({ segment }) => editions.has(segment) || !isEdition(segment));
    },
    stats: () => ({ ...store.stats(), ...counters }),
    trackScheduledChanges: (load) => schedule.track(load),
    cdnPurged: async () => purger?.settled(),
    serveRaw(req, res) {
      if (!isEnabled) return false;
      // Not req.headers: Node would build the whole object for the five values a hit reads.
      const headers = hitHeadersOf(req.rawHeaders);
      const key = keyOf(req.method, req.url, headers);
      if (key === undefined) return false;
      const at = now();
      const page = lookup(key, req.url!, at);
      if (!page) return false;
      sendPage(req.method, headers, res, page, { now: at, isClosing });
      return true;
    },
    close,
  };

  /**
   * The stored page for a key, fresh or stale, counted as a hit; a stale one also starts its
   * background refresh (one per key), so this answer and those until the refresh stores are instant.
   */
  function lookup(key: string, url: string, at: number): CachedPage | undefined {
    const page = store.get(key, at);
    if (!page) return undefined;
    counters.hits++;
    if (page.expires <= at) {
      counters.stale++;
      // The key's variant decides what the refresh asks for: an HTML page or JSON.
      if (!isClosing) refresher.start(key, url, key.startsWith('json ') ? 'application/json' : 'text/html', at);
    }
    return page;
  }

  /**
   * The key of a raw request, or undefined when it must neither be served from nor stored into
   * the cache. Without the route's query rule: only URLs a route accepted are ever stored.
   */
  function keyOf(method: string | undefined, url: string | undefined, headers: HitHeaders) {
    if (method !== 'GET' && method !== 'HEAD') return undefined;
    // Absolute-form targets ("GET http://host/path") and huge URLs stay out.
    if (url === undefined || url.charCodeAt(0) !== 0x2f || url.length > maxUrlLength) return undefined;
    if (headers.authorization !== undefined || hasBypassCookie(headers.cookie)) return undefined;
    // The variant is what the error handler picks between an HTML page and JSON.
    return `${acceptsHtmlType(headers.accept) ? 'html' : 'json'} ${origin}${url}`;
  }

  /** The key of a routed request: also only the query parameters the route declared, never a private path. */
  function keyOfRoute(request: FastifyRequest, headers: HitHeaders): string | undefined {
    const key = keyOf(request.method, request.url, headers);
    if (key === undefined || isPrivatePath(request.url)) return undefined;
    return hasOnlyDeclaredQuery(request.url, request.routeOptions.config.cacheQuery ?? []) ? key : undefined;
  }

  function isPrivatePath(url: string): boolean {
    const path = url.split('?', 1)[0]!;
    return privatePrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  }

  function hasBypassCookie(header: string | undefined): boolean {
    // Most requests carry no staff cookie: one substring test each before any parsing.
    if (!header || !bypassCookies.some((name) => header.includes(name))) return false;
    return header.split(';').some((pair) => bypassCookies.includes(pair.split('=', 1)[0]!.trim()));
  }
}

/** The miss's own reply, sent from the page just stored: the same bytes, ETag and 304 as later hits. */
function sendFromPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage): Buffer | string {
  reply.header('x-cache', 'miss');
  if (page.status === 200 && matchesEtag(request.headers['if-none-match'], page.etag)) {
    setAll(reply, page.notModifiedHeaders);
    reply.code(304);
    return '';
  }
  const variant = variantFor(page, request.headers['accept-encoding']);
  setAll(reply, variant.headers);
  return variant.body;
}

function setAll(reply: FastifyReply, headers: readonly string[]): void {
  for (let i = 0; i < headers.length; i += 2) reply.header(headers[i]!, headers[i + 1]!);
}
