// Cache-Control values: our contract with a CDN in front of the app. Browsers cannot be purged,
// so `max-age` stays short; a CDN is purged on every change (WARTA_CDN_PURGE_URL), so `s-maxage`
// may be longer. The page cache caps both at the next scheduled story's minute.
import type { FastifyReply } from 'fastify';

/**
 * Home, section, tag, author and story pages: browsers keep them 30 s, shared caches 60 s, and
 * may serve them 30 s stale while refreshing. Corrections reach readers within about a minute
 * even without a purge; with the in-process cache (≤ 5 s) and the read counter's flush (10 s),
 * counts on a page are under two minutes old. A failing origin is covered for a day.
 */
export const PUBLIC_PAGE = 'public, max-age=30, s-maxage=60, stale-while-revalidate=30, stale-if-error=86400';
/** Errors, redirects and search results that may change soon. */
export const SHORT = 'public, max-age=30, s-maxage=30';
/** Feeds, the sitemap index and the sitemaps of new stories: read by machines every few minutes. */
export const DISCOVERY = 'public, max-age=300, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400';
/**
 * A full sitemap file of older stories (10,000 per file, by id): it changes only when one of
 * them is edited or unpublished, which purges it.
 */
export const ARCHIVE = 'public, max-age=3600, s-maxage=3600, stale-while-revalidate=600, stale-if-error=86400';
/** Fingerprinted assets and media files never change under the same URL. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Marks a reader-facing response as cacheable by browsers and CDNs. */
export function cachePublic(reply: FastifyReply, value: string = PUBLIC_PAGE): FastifyReply {
  return reply.header('cache-control', value);
}

/** Whether a Cache-Control value lets shared caches keep the answer. */
export function isShared(cacheControl: string): boolean {
  const value = cacheControl.toLowerCase();
  return value.startsWith('public') && !/\b(private|no-store)\b/.test(value);
}

/**
 * How long a shared cache may keep an answer by its own word: `s-maxage`, else `max-age`, in
 * seconds; undefined when it names neither. The page cache keeps nothing longer than this (a
 * status answer of 10 s stays 10 s, whatever the cache's own TTL).
 */
export function sharedMaxAge(cacheControl: string): number | undefined {
  const shared = /\bs-maxage=(\d+)/i.exec(cacheControl) ?? /\bmax-age=(\d+)/i.exec(cacheControl);
  return shared ? Number(shared[1]) : undefined;
}

/** Whether an answer never changes under its URL (fingerprinted files): no freshness cap applies. */
export function isImmutable(cacheControl: string): boolean {
  return /\bimmutable\b/i.test(cacheControl);
}

/**
 * Caps `max-age` and `s-maxage` at `seconds` (the next scheduled change's minute: a story, an
 * expiring banner). When a cap applies, `stale-while-revalidate` goes too: a CDN would otherwise
 * go on serving the page it holds for that long after the change. `stale-if-error` stays (an
 * outage is worse than an old page).
 */
export function limitFreshness(cacheControl: string, seconds: number): string {
  let isCapped = false;
  const capped = cacheControl.replace(/\b(max-age|s-maxage)=(\d+)/g, (whole, name: string, value: string) => {
    if (Number(value) <= seconds) return whole;
    isCapped = true;
    return `${name}=${seconds}`;
  });
  return isCapped ? capped.replace(/,\s*stale-while-revalidate=\d+/g, '') : capped;
}
