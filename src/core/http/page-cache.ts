// A short-lived in-process cache of public responses: on one machine without a CDN it takes
// the repeated work off busy pages (a front page read thousands of times a minute). Only
// responses marked `Cache-Control: public` are kept, for a few seconds, so a scheduled story
// still appears within seconds of its minute. Behind a CDN it can be turned off (0 seconds).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

interface Entry {
  readonly expires: number;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string | Buffer;
  readonly bytes: number;
}

export interface PageCacheOptions {
  /** How long a response is reused; 0 disables the cache. */
  ttlSeconds: number;
  /** Upper bound on cached bytes; the oldest entries go first. */
  maxBytes?: number;
  now(): Date;
}

/** Headers that belong to the stored response; the rest (date, compression) are made per reply. */
const KEPT_HEADERS = ['content-type', 'cache-control', 'location', 'content-language'];

/** Installs the cache hooks; returns a function that empties the cache (for purges). */
export function installPageCache(app: FastifyInstance, options: PageCacheOptions): () => void {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const clear = () => {
    entries.clear();
    bytes = 0;
  };
  if (options.ttlSeconds <= 0) return clear;

  const keyOf = (request: FastifyRequest) => `${request.hostname}${request.url}`;

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const entry = entries.get(keyOf(request));
    if (!entry) return;
    if (entry.expires <= options.now().getTime()) {
      drop(keyOf(request));
      return;
    }
    reply.code(entry.status).headers(entry.headers).header('x-cache', 'hit');
    return reply.send(entry.body);
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (request.method !== 'GET' || reply.getHeader('x-cache') === 'hit') return payload;
    if (!String(reply.getHeader('cache-control') ?? '').startsWith('public')) return payload;
    if (reply.getHeader('set-cookie') !== undefined) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload; // streams are files
    const status = reply.statusCode;
    if (status !== 200 && status !== 301 && status !== 404) return payload;
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    const size = Buffer.byteLength(payload);
    const key = keyOf(request);
    drop(key);
    entries.set(key, {
      expires: options.now().getTime() + options.ttlSeconds * 1000,
      status,
      headers,
      body: payload,
      bytes: size,
    });
    bytes += size;
    // Map keeps insertion order: the first entries are the oldest.
    for (const [oldKey] of entries) {
      if (bytes <= maxBytes) break;
      drop(oldKey);
    }
    reply.header('x-cache', 'miss');
    return payload;
  });

  function drop(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.bytes;
    entries.delete(key);
  }

  return clear;
}
