// The page cache's storage: pages by key, bounded in entries and in bytes (keys counted), so no
// client can grow it past its bounds whatever URLs it sends. Oldest entries go first.
import type { CachedPage } from './cached-page.ts';

interface Entry {
  readonly page: CachedPage;
  readonly bytes: number;
}

/**
 * Pages by key, in insertion order: eviction takes the oldest. Most entries live the same TTL,
 * so insertion order is nearly expiry order; those cut short (a scheduled story's minute) are
 * dropped when looked up or by the periodic full sweep. An entry is kept until its `staleUntil`:
 * past `expires` the caller decides what a stale page is good for.
 */
export class PageStore {
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;

  constructor(private readonly limits: { maxEntries: number; maxBytes: number }) {}

  /** The page for a key, fresh or still servable stale; one past its stale bound is dropped. */
  get(key: string, now: number): CachedPage | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.page.staleUntil > now) return entry.page;
    this.#drop(key);
    return undefined;
  }

  /** Stores a page, evicting the oldest to stay within the limits; false when it can never fit. */
  set(key: string, page: CachedPage, now: number): boolean {
    this.#drop(key);
    const bytes = page.bytes + Buffer.byteLength(key);
    if (bytes > this.limits.maxBytes || page.staleUntil <= now) return false;
    this.#sweepOldest(now);
    this.#entries.set(key, { page, bytes });
    this.#bytes += bytes;
    for (const oldKey of this.#entries.keys()) {
      if (this.#entries.size <= this.limits.maxEntries && this.#bytes <= this.limits.maxBytes) break;
      this.#drop(oldKey);
    }
    return true;
  }

  /** Drops every entry past its stale bound; returns how many. */
  sweep(now: number): number {
    return this.dropWhere((page) => page.staleUntil <= now);
  }

  /** Drops the entries a predicate picks; returns how many. */
  dropWhere(matches: (page: CachedPage) => boolean): number {
    let dropped = 0;
    for (const [key, entry] of this.#entries) {
      if (!matches(entry.page)) continue;
      this.#drop(key);
      dropped++;
    }
    return dropped;
  }

  /** Counted entries and bytes. */
  stats(): { entries: number; bytes: number } {
    return { entries: this.#entries.size, bytes: this.#bytes };
  }

  /** Cheap sweep on every store: entries past their stale bound at the old end, up to the first servable one. */
  #sweepOldest(now: number): void {
    for (const [key, entry] of this.#entries) {
      if (entry.page.staleUntil > now) break;
      this.#drop(key);
    }
  }

  #drop(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#bytes -= entry.bytes;
    this.#entries.delete(key);
  }
}
