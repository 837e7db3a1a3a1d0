// Cache-Control values: our contract with a CDN in front of the app.
import type { FastifyReply } from 'fastify';

/** Public pages: shared caches may keep them a minute and serve stale briefly while refreshing. */
export const PUBLIC_PAGE = 'public, max-age=60, stale-while-revalidate=300, stale-if-error=86400';
/** Errors and redirects that may change soon. */
export const SHORT = 'public, max-age=30';
/** Fingerprinted assets and media files never change under the same URL. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Marks a reader-facing response as cacheable by browsers and CDNs. */
export function cachePublic(reply: FastifyReply, value: string = PUBLIC_PAGE): FastifyReply {
  return reply.header('cache-control', value);
}
