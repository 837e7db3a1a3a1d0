// What the page cache may keep of an answer, and under which first path segment: rules with no
// state, apart from the cache itself so they read on their own.
import type { FastifyReply } from 'fastify';

/** Made per reply (or by the plugins after the cache), never stored. */
const PER_REPLY_HEADERS = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'etag',
  'age',
  'set-cookie',
  'x-cache',
  'x-request-id',
]);

/** The headers to store: everything but what is made per reply. */
export function storedHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined && !PER_REPLY_HEADERS.has(name)) headers[name] = String(value);
  }
  return headers;
}

/** Whether every query parameter is one the route declared; unknown ones would let any client mint keys. */
export function hasOnlyDeclaredQuery(url: string, declared: readonly string[]): boolean {
  const start = url.indexOf('?');
  if (start === -1) return true;
  for (const name of new URLSearchParams(url.slice(start + 1)).keys()) {
    if (!declared.includes(name)) return false;
  }
  return true;
}

/**
 * Public (checked by the caller), cookie-free, a kept status, and varying on nothing but the
 * encoding and Accept (HTML or JSON errors: the key holds that variant already).
 */
export function isStorable(reply: FastifyReply, payload: unknown): payload is string | Buffer | undefined {
  // Streams are files; no payload at all is a redirect's empty body.
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload) && payload !== undefined) return false;
  const status = reply.statusCode;
  if (status !== 200 && status !== 301 && status !== 404) return false;
  if (reply.getHeader('set-cookie') !== undefined) return false;
  const vary = reply.getHeader('vary');
  return (
    vary === undefined ||
    String(vary)
      .split(',')
      .every((name) => ['accept-encoding', 'accept'].includes(name.trim().toLowerCase()))
  );
}

/** "en" for /en, /en/news/1 and /en?page=2; "" for /. */
export function firstSegment(url: string): string {
  const path = url.split('?', 1)[0]!;
  return path.split('/', 2)[1] ?? '';
}
