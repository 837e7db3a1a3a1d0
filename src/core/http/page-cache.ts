// A short-lived in-process cache of public responses: on one machine without a CDN it takes the
// repeated work off busy pages. Only anonymous requests, only `Cache-Control: public` answers, for
// a few seconds; bounded in entries and bytes (keys and headers counted), whatever clients send.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, STAFF_COOKIE } from './cookies.ts';
import { acceptsHtml } from './error-handler.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Query parameters the route reads; a request carrying any other is never cached. */
    cacheQuery?: readonly string[];
  }
}

export interface PageCacheOptions {
  /** How long a response is reused; 0 disables the cache. */
  ttlSeconds: number;
  now(): Date;
  /** The configured public base URL: its origin is the key's host, whatever Host a request claims. */
  baseUrl: string;
  /** Upper bound on counted bytes (keys, headers, bodies, per-entry overhead); oldest go first. */
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
}

/** The scope of a purge: some editions (plus everything site-wide), or everything. */
export type PurgeScope = { editions?: readonly string[] } | 'all';

/** The running cache, for purges after a publish, monitoring, and shutdown. */
export interface PageCache {
  /** Drops the entries in scope; returns how many were dropped. */
  purge(scope: PurgeScope): number;
  stats(): { entries: number; bytes: number };
  /** Stops the sweep timer and empties the cache (also done when the app closes). */
  close(): void;
}

/** A response as stored: the plain body (compressed per reply, after the cache) and its headers. */
export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** First path segment: an edition code, or anything else for site-wide entries. */
  readonly segment: string;
}

interface Entry extends StoredResponse {
  readonly expires: number;
  readonly bytes: number;
}

/** Map slot, entry object and header record: charged per entry so tiny entries still add up. */
const ENTRY_OVERHEAD_BYTES = 256;
/** Made per reply (or by the plugins after the cache), never stored. */
const PER_REPLY_HEADERS = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'etag',
  'set-cookie',
  'x-cache',
]);
/** Same rule as WARTA_DEFAULT_EDITION; an app with a registry should pass `isEdition`. */
const EDITION_CODE = /^[a-z]{2,3}(-[a-z0-9]+)?$/;

/**
 * Responses by key, in expiry order (every entry lives the same TTL, so insertion order is expiry
 * order): sweeping stops at the first live entry, and eviction takes the oldest.
 */
export class PageStore {
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;

  constructor(private readonly limits: { maxEntries: number; maxBytes: number }) {}

  /** The live entry for a key; sweeps expired ones first. */
  get(key: string, now: number): StoredResponse | undefined {
    this.sweep(now);
    const entry = this.#entries.get(key);
    return entry && entry.expires > now ? entry : undefined;
  }

  /** Stores a response until `expires`, evicting the oldest to stay within the limits. */
  set(key: string, response: StoredResponse, expires: number, now: number): boolean {
    this.#drop(key);
    let bytes = ENTRY_OVERHEAD_BYTES + Buffer.byteLength(key) + response.body.length;
    for (const [name, value] of Object.entries(response.headers)) bytes += name.length + Buffer.byteLength(value);
    if (bytes > this.limits.maxBytes) return false;
    this.sweep(now);
    this.#entries.set(key, { ...response, expires, bytes });
    this.#bytes += bytes;
    for (const oldKey of this.#entries.keys()) {
      if (this.#entries.size <= this.limits.maxEntries && this.#bytes <= this.limits.maxBytes) break;
      this.#drop(oldKey);
    }
    return true;
  }

  /** Drops expired entries; returns how many. */
  sweep(now: number): number {
    let dropped = 0;
    for (const [key, entry] of this.#entries) {
      if (entry.expires > now) break;
      this.#drop(key);
      dropped++;
    }
    return dropped;
  }

  /** Drops the entries whose first path segment matches; returns how many. */
  dropWhere(matches: (segment: string) => boolean): number {
    let dropped = 0;
    for (const [key, entry] of this.#entries) {
      if (!matches(entry.segment)) continue;
      this.#drop(key);
      dropped++;
    }
    return dropped;
  }

  /** Counted entries and bytes. */
  stats(): { entries: number; bytes: number } {
    return { entries: this.#entries.size, bytes: this.#bytes };
  }

  #drop(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#bytes -= entry.bytes;
    this.#entries.delete(key);
  }
}

/**
 * Installs the cache hooks. Call before @fastify/compress and @fastify/etag register, so the cache
 * keeps the plain body and each reply is compressed as asked.
 */
export function installPageCache(app: FastifyInstance, options: PageCacheOptions): PageCache {
  if (options.ttlSeconds <= 0) return { purge: () => 0, stats: () => ({ entries: 0, bytes: 0 }), close: () => {} };
  const ttlMs = options.ttlSeconds * 1000;
  const maxUrlLength = options.maxUrlLength ?? 2048;
  const bypassCookies = new Set(options.bypassCookies ?? [SESSION_COOKIE, STAFF_COOKIE]);
  const privatePrefixes = options.privatePrefixes ?? [];
  const isEdition = options.isEdition ?? ((segment: string) => EDITION_CODE.test(segment));
  const store = new PageStore({
    maxEntries: options.maxEntries ?? 10_000,
    maxBytes: options.maxBytes ?? 64 * 1024 * 1024,
  });
  const now = () => options.now().getTime();
  const origin = new URL(options.baseUrl).origin;
  // The key decided in onRequest, so onSend stores under exactly the key a later lookup uses.
  const missedKeys = new WeakMap<FastifyRequest, string>();

  app.addHook('onRequest', async (request, reply) => {
    const key = keyOf(request);
    if (key === undefined) return;
    const entry = store.get(key, now());
    if (!entry) {
      missedKeys.set(request, key);
      return;
    }
    reply.code(entry.status).headers(entry.headers).header('x-cache', 'hit');
    return reply.send(entry.body);
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const key = missedKeys.get(request);
    // HEAD is served from GET's entry but never stores one.
    if (key === undefined || request.method !== 'GET' || !isStorable(reply, payload)) return payload;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined && !PER_REPLY_HEADERS.has(name)) headers[name] = String(value);
    }
    const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    const response = { status: reply.statusCode, headers, body, segment: firstSegment(request.url) };
    if (store.set(key, response, now() + ttlMs, now())) reply.header('x-cache', 'miss');
    return payload;
  });

  const timer = setInterval(() => store.sweep(now()), options.sweepIntervalMs ?? 10_000);
  timer.unref(); // never keeps the process (or a test) alive
  const close = () => {
    clearInterval(timer);
    store.dropWhere(() => true);
  };
  app.addHook('onClose', async () => close());

  return {
    purge(scope) {
      if (scope === 'all') return store.dropWhere(() => true);
      const editions = new Set(scope.editions ?? []);
      // Site-wide entries (sitemaps, feeds, robots.txt) list every edition's stories.
      return store.dropWhere((segment) => editions.has(segment) || !isEdition(segment));
    },
    stats: () => store.stats(),
    close,
  };

  /** The cache key, or undefined when this request must neither be served from nor stored into the cache. */
  function keyOf(request: FastifyRequest): string | undefined {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const url = request.url;
    // Absolute-form targets ("GET http://host/path") and huge URLs stay out.
    if (!url.startsWith('/') || url.length > maxUrlLength) return undefined;
    if (isPrivatePath(url)) return undefined;
    if (request.headers.authorization !== undefined || hasBypassCookie(request.headers.cookie)) return undefined;
    if (!hasOnlyDeclaredQuery(url, request.routeOptions.config.cacheQuery ?? [])) return undefined;
    // The configured origin, never the Host header: one site, and a forged Host must not mint
    // entries. The variant is what the error handler picks between an HTML page and JSON.
    return `${acceptsHtml(request) ? 'html' : 'json'} ${origin}${url}`;
  }

  function isPrivatePath(url: string): boolean {
    const path = url.split('?', 1)[0]!;
    return privatePrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  }

  function hasBypassCookie(header: string | undefined): boolean {
    if (!header) return false;
    return header.split(';').some((pair) => bypassCookies.has(pair.split('=', 1)[0]!.trim()));
  }
}

/** Whether every query parameter is one the route declared; unknown ones would let any client mint keys. */
function hasOnlyDeclaredQuery(url: string, declared: readonly string[]): boolean {
  const start = url.indexOf('?');
  if (start === -1) return true;
  for (const name of new URLSearchParams(url.slice(start + 1)).keys()) {
    if (!declared.includes(name)) return false;
  }
  return true;
}

/**
 * Public, cookie-free, a kept status, and varying on nothing but the encoding (made after us)
 * and Accept (HTML or JSON errors: the key holds that variant already).
 */
function isStorable(reply: FastifyReply, payload: unknown): payload is string | Buffer {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return false; // streams are files
  const status = reply.statusCode;
  if (status !== 200 && status !== 301 && status !== 404) return false;
  if (reply.getHeader('set-cookie') !== undefined) return false;
  const cacheControl = String(reply.getHeader('cache-control') ?? '').toLowerCase();
  if (!cacheControl.startsWith('public') || /\b(private|no-store)\b/.test(cacheControl)) return false;
  const vary = reply.getHeader('vary');
  return (
    vary === undefined ||
    String(vary)
      .split(',')
      .every((name) => ['accept-encoding', 'accept'].includes(name.trim().toLowerCase()))
  );
}

/** "en" for /en, /en/news/1 and /en?page=2; "" for /. */
function firstSegment(url: string): string {
  const path = url.split('?', 1)[0]!;
  return path.split('/', 2)[1] ?? '';
}
