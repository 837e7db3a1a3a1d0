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

  /** Drops one key's entry, if any. */
  delete(key: string): void {
    this.#drop(key);
  }

  /** Drops every entry past its stale bound; returns how many. */
  sweep(now: number): number {
    return this.dropWhere((page) => page.staleUntil <= now);
  }

  /** Drops the entries a predicate picks; returns how many. */
  dropWhere(matches: (page: CachedPage, key: string) => boolean): number {
    let dropped = 0;
    for (const [key, entry] of this.#entries) {
      if (!matches(entry.page, key)) continue;
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

/**
 * Pages kept in two stores: found pages (200), and answers any client can make up by the
 * thousand (404 for a path that does not exist, 301 for an old address), in a smaller one of their
 * own. Ten thousand made-up addresses then push out only other made-up addresses, never the home
 * page or a story: the misses still spare the renderer repeated work, within their own bound.
 */
export class SplitPageStore {
  readonly #found: PageStore;
  readonly #misses: PageStore;

  constructor(limits: { maxEntries: number; maxBytes: number }) {
    // A tenth of the room goes to the misses: enough for the 404s and redirects real readers hit,
    // and the two together stay within the configured bounds.
    const missEntries = Math.max(1, Math.floor(limits.maxEntries / 10));
    const missBytes = Math.floor(limits.maxBytes / 10);
    this.#found = new PageStore({ maxEntries: limits.maxEntries - missEntries, maxBytes: limits.maxBytes - missBytes });
    this.#misses = new PageStore({ maxEntries: missEntries, maxBytes: missBytes });
  }

  get(key: string, now: number): CachedPage | undefined {
    return this.#found.get(key, now) ?? this.#misses.get(key, now);
  }

  set(key: string, page: CachedPage, now: number): boolean {
    const [into, other] = page.status === 200 ? [this.#found, this.#misses] : [this.#misses, this.#found];
    // A key changes store when its answer changes (a page that now exists): no stale twin remains.
    other.delete(key);
    return into.set(key, page, now);
  }

  sweep(now: number): number {
    return this.#found.sweep(now) + this.#misses.sweep(now);
  }

  dropWhere(matches: (page: CachedPage) => boolean): number {
    return this.#found.dropWhere(matches) + this.#misses.dropWhere(matches);
  }

  /** Both stores' entries and bytes together. */
  stats(): { entries: number; bytes: number } {
    const found = this.#found.stats();
    const misses = this.#misses.stats();
    return { entries: found.entries + misses.entries, bytes: found.bytes + misses.bytes };
  }
}
