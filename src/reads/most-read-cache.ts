// Most-read lists computed at most once a minute per edition and list, and again as soon as this
// process writes counted reads or a story of the edition changes: the box beside every news page
// is read from memory instead of ranking the daily totals on each request.
import { ARTICLE_EVENTS, listMostRead, type ArticleSummary, type MostReadPeriod } from '../articles/index.ts';
import type { AppContext } from '../context.ts';
import { DerivedCache } from '../core/db/derived-cache.ts';

/** How stale a list may get from reads written by other processes (they send no event). */
const MOST_READ_TTL_MS = 60_000;

/** Which list: the box (24 hours, filled from longer periods) or one period of the page. */
export interface MostReadList {
  period: MostReadPeriod;
  limit: number;
  isStrict: boolean;
}

const caches = new WeakMap<AppContext, MostReadCache>();

/** The app's most-read cache (one per app: the box, the page and the read counter share it). */
export function mostReadCacheOf(ctx: AppContext): MostReadCache {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new MostReadCache(ctx);
    caches.set(ctx, cache);
  }
  return cache;
}

/** Most-read lists per edition, kept until reads are written or a story changes. */
export class MostReadCache {
  private readonly lists: DerivedCache;

  constructor(private readonly ctx: AppContext) {
    this.lists = new DerivedCache({ now: ctx.now, ttlMs: MOST_READ_TTL_MS, maxEntries: 100 });
    ctx.events.on([...ARTICLE_EVENTS], (event) => this.lists.invalidate(event.payload.edition));
  }

  /** A list of an edition, from memory when it is fresh. */
  list(edition: string, list: MostReadList): Promise<ArticleSummary[]> {
    return this.lists.get(edition, `${list.period}:${list.limit}:${list.isStrict}`, () =>
      listMostRead(this.ctx.db, edition, this.ctx.now(), { timezone: this.ctx.settings.timezone, ...list }),
    );
  }

  /** Counted reads were written: every edition's lists may have changed. */
  invalidate(): void {
    this.lists.invalidate();
  }
}
