// Cache-Control values: our contract with a CDN in front of the app.
import type { FastifyReply } from 'fastify';

/**
 * Public pages: shared caches keep them 30 s and may serve them 10 s stale while refreshing.
 * With the in-process page cache (≤ 5 s by default) and the read counter's flush interval
 * (10 s by default), counts on a page are under a minute old. A failing origin is covered for a day.
 */
export const PUBLIC_PAGE = 'public, max-age=30, stale-while-revalidate=10, stale-if-error=86400';
/** Errors and redirects that may change soon. */
export const SHORT = 'public, max-age=30';
/** Fingerprinted assets and media files never change under the same URL. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Marks a reader-facing response as cacheable by browsers and CDNs. */
export function cachePublic(reply: FastifyReply, value: string = PUBLIC_PAGE): FastifyReply {
  return reply.header('cache-control', value);
}
