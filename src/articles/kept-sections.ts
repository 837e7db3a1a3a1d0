// An edition's sections, kept in memory until a section changes: the news pages, search, feeds,
// sitemaps and the API all need the whole list on every request (for a slug, a filter with its
// subsections, or the menu of a form), and it changes a few times a year.
import type { AppContext } from '../context.ts';
import { DerivedCache } from '../core/db/derived-cache.ts';
import type { CategoryRow } from '../core/db/schema.ts';
import { TAXONOMY_EVENTS } from './events.ts';
import { listCategories } from './sections.ts';

/**
 * Longest a list is kept without an event. Section changes reach every process as events (the
 * outbox or LISTEN/NOTIFY); the TTL only bounds a change written past them (by hand in SQL).
 */
const SECTIONS_TTL_MS = 60_000;

const caches = new WeakMap<AppContext, DerivedCache>();

/** All sections of an edition in menu order, from memory when unchanged. Shared: do not modify. */
export function keptSectionsOf(ctx: AppContext, edition: string): Promise<readonly CategoryRow[]> {
  let cache = caches.get(ctx);
  if (!cache) {
    const created = new DerivedCache({ now: ctx.now, ttlMs: SECTIONS_TTL_MS, maxEntries: 1_000 });
    ctx.events.on([...TAXONOMY_EVENTS], (event) => created.invalidate(event.payload.edition));
    caches.set(ctx, created);
    cache = created;
  }
  return cache.get(edition, 'sections', () => listCategories(ctx.db, edition));
}
