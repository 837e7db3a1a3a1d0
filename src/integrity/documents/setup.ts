// What the document library adds to the running app: when a document is saved or deleted (in this
// process or another), the edition's cached pages are purged, in the page cache and at a CDN, so
// the listing and downloads show the change at once.
import type { AppContext } from '../../context.ts';
import { DOCUMENT_EVENTS } from './events.ts';

/** Registers the library's cache purge; call from the integrity domain's setup(). */
export function setupDocuments(ctx: AppContext): void {
  ctx.events.on(DOCUMENT_EVENTS, async (event) => {
    ctx.pageCache.purge({ editions: [event.payload.edition] });
  });
}
