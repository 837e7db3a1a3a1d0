// A public response as the page cache keeps it, made ready to send once when stored: its ETag,
// its brotli and gzip bodies and the header list of each variant. A hit then only picks a
// variant by Accept-Encoding (or answers 304) and writes bytes: no hashing, no compression.
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { Negotiator } from '@fastify/accept-negotiator';
import type { HitHeaders } from './hit-headers.ts';

/** A response as the route made it: plain body, headers (security headers included), status. */
export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** First path segment: an edition code, or anything else for site-wide entries. */
  readonly segment: string;
}

export type Encoding = 'br' | 'gzip' | 'identity';

/** One encoding of the body with every header of a 200/404/301 answer in it, as `writeHead` takes them. */
interface Variant {
  readonly body: Buffer;
  readonly headers: readonly string[];
  /** The same headers with a hit's Age and X-Cache, as the hits of the current second send them. */
  readonly hitHeaders: HitHeaderList;
}

/** A stored response with what every hit needs precomputed. */
export interface CachedPage extends StoredResponse {
  readonly etag: string;
  /** When it was stored (the Age header counts from here) and when it stops being fresh, in ms. */
  readonly storedAt: number;
  readonly expires: number;
  /**
   * Until when (ms) it may still be served while one background render replaces it; never past
   * the next scheduled story's minute. Equal to `expires` when it must not be served stale.
   */
  readonly staleUntil: number;
  /** Counted size: bodies of every variant, headers and a fixed overhead (the key is added by the store). */
  readonly bytes: number;
  readonly variants: Readonly<Partial<Record<Encoding, Variant>>> & { readonly identity: Variant };
  /** The headers of a 304: the validators and caching headers a 200 would carry (RFC 9110 15.4.5). */
  readonly notModifiedHeaders: readonly string[];
  /** The 304's headers with a hit's Age and X-Cache (see Variant). */
  readonly notModifiedHitHeaders: HitHeaderList;
}

/** Map slot, entry object and header lists: charged per entry so tiny entries still add up. */
const ENTRY_OVERHEAD_BYTES = 512;
/** Below this a compressed body saves less than its header costs (the same threshold as @fastify/compress). */
const COMPRESS_MIN_BYTES = 1024;
/**
 * Quality 5: about a millisecond for a 20 KB page on this hardware and within 10% of the size of
 * quality 11 (which takes ~80 ms); done once per entry, not per request.
 */
const BROTLI_OPTIONS = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } };
const GZIP_OPTIONS = { level: 6 };
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|[a-z.+-]+\+(json|xml))|image\/svg\+xml)/i;
const NOT_MODIFIED_HEADERS = new Set(['cache-control', 'vary', 'expires', 'content-location', 'surrogate-key']);

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Prepares a response for storage. Compression runs on libuv's thread pool, so a miss does not
 * hold the event loop while it compresses, and only once per entry.
 */
export async function preparePage(
  response: StoredResponse,
  times: { storedAt: number; expires: number; staleUntil?: number },
): Promise<CachedPage> {
  const { body, headers } = response;
  // Weak: the brotli, gzip and plain bodies are the same page in different bytes (RFC 9110 8.8.1).
  const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
  const compress = body.length >= COMPRESS_MIN_BYTES && COMPRESSIBLE.test(headers['content-type'] ?? '');
  const [br, gz] = compress
    ? await Promise.all([
        brotli(body, {
          ...BROTLI_OPTIONS,
          params: { ...BROTLI_OPTIONS.params, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        }),
        gzip(body, GZIP_OPTIONS),
      ])
    : [undefined, undefined];
  const vary = compress ? mergeVary(headers.vary, 'accept-encoding') : headers.vary;
  const base: string[] = [];
  for (const [name, value] of Object.entries(headers)) if (name !== 'vary') base.push(name, value);
  base.push('etag', etag);
  if (vary) base.push('vary', vary);
  const variant = (encoded: Buffer, encoding: Encoding): Variant => {
    const headers = [
      ...base,
      ...(encoding === 'identity' ? [] : ['content-encoding', encoding]),
      'content-length',
      String(encoded.length),
    ];
    return { body: encoded, headers, hitHeaders: new HitHeaderList(headers) };
  };
  const variants: CachedPage['variants'] = {
    identity: variant(body, 'identity'),
    // A variant that would not be smaller is left out; identity is served instead.
    ...(br && br.length < body.length ? { br: variant(br, 'br') } : {}),
    ...(gz && gz.length < body.length ? { gzip: variant(gz, 'gzip') } : {}),
  };
  const notModifiedHeaders = ['etag', etag];
  for (const [name, value] of Object.entries(headers))
    if (NOT_MODIFIED_HEADERS.has(name) && name !== 'vary') notModifiedHeaders.push(name, value);
  if (vary) notModifiedHeaders.push('vary', vary);
  let bytes = ENTRY_OVERHEAD_BYTES;
  for (const v of Object.values(variants)) {
    bytes += v.body.length;
    for (const part of v.headers) bytes += Buffer.byteLength(part);
  }
  const staleUntil = Math.max(times.expires, times.staleUntil ?? times.expires);
  return {
    ...response,
    ...times,
    staleUntil,
    etag,
    variants,
    notModifiedHeaders,
    notModifiedHitHeaders: new HitHeaderList(notModifiedHeaders),
    bytes,
  };
}

/** What a hit is written with besides the page. */
export interface SendOptions {
  now: number;
  /** The server is draining: close the connection after this answer, so clients move to another process. */
  isClosing: boolean;
}

/** Writes a page to a raw response: 304 for a matching If-None-Match, else the variant the client accepts. */
export function sendPage(
  method: string | undefined,
  headers: HitHeaders,
  res: ServerResponse,
  page: CachedPage,
  options: SendOptions,
): void {
  const age = Math.max(0, Math.floor((options.now - page.storedAt) / 1000));
  const isFresh = page.expires > options.now;
  // Preconditions apply to 2xx answers only (RFC 9110 13.2.1): a cached 404 is sent as it is.
  if (page.status === 200 && matchesEtag(headers['if-none-match'], page.etag)) {
    res.writeHead(304, page.notModifiedHitHeaders.with(age, isFresh, options.isClosing) as string[]);
    res.end();
    return;
  }
  const variant = page.variants[chooseEncoding(headers['accept-encoding'])] ?? page.variants.identity;
  res.writeHead(page.status, variant.hitHeaders.with(age, isFresh, options.isClosing) as string[]);
  res.end(method === 'HEAD' ? undefined : variant.body);
}

/**
 * A header list with a hit's Age and X-Cache after it. The list is made again only when those
 * change (about once a second for a busy page), not copied for every hit: `writeHead` turns it
 * into the header block at once and keeps no reference to it.
 */
export class HitHeaderList {
  #age = -1;
  #isFresh = false;
  #list: readonly string[] = [];

  constructor(private readonly headers: readonly string[]) {}

  with(age: number, isFresh: boolean, isClosing: boolean): readonly string[] {
    if (age !== this.#age || isFresh !== this.#isFresh) {
      this.#list = [...this.headers, 'age', String(age), 'x-cache', isFresh ? 'hit' : 'stale'];
      this.#age = age;
      this.#isFresh = isFresh;
    }
    // Only while the server drains: rare enough to copy.
    return isClosing ? this.#list.concat('connection', 'close') : this.#list;
  }
}

/** The variant for a reply made by Fastify (a miss that was just stored): its body and headers. */
export function variantFor(
  page: CachedPage,
  acceptEncoding: string | undefined,
): { body: Buffer; headers: readonly string[] } {
  return page.variants[chooseEncoding(acceptEncoding)] ?? page.variants.identity;
}

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 13.1.2 asks), or is "*". */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = etag.startsWith('W/') ? etag.slice(2) : etag;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return (t.startsWith('W/') ? t.slice(2) : t) === opaque;
  });
}

/** Header values seen by the negotiator, forgotten wholesale when many (clients send a handful). */
class BoundedMemo extends Map<string, string> {
  override set(key: string, value: string): this {
    if (this.size >= 256) this.clear();
    return super.set(key, value);
  }
}

// The same negotiator @fastify/compress uses, so a miss and a hit pick the same encoding; br first on a tie.
const negotiator = new Negotiator<Encoding>({ supportedValues: ['br', 'gzip', 'identity'], cache: new BoundedMemo() });

/** The encoding to send for an Accept-Encoding header; identity when none is acceptable. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  return negotiator.negotiate(acceptEncoding) ?? 'identity';
}

function mergeVary(vary: string | undefined, name: string): string {
  if (!vary) return name;
  return vary
    .toLowerCase()
    .split(',')
    .some((v) => v.trim() === name || v.trim() === '*')
    ? vary
    : `${vary}, ${name}`;
}
