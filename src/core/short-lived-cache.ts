// A lookup answer kept in memory for a moment: for checks that high-volume endpoints repeat on
// every request ("is article 42 published?"), so that thousands of requests a second cost one
// query per key and moment. Bounded in entries; the owner forgets keys when events say so.
import { LRUCache } from 'lru-cache';

interface Entry<V> {
  readonly value: V | undefined;
  /** The clock's time when it was looked up; the entry serves from then until then + ttl. */
  readonly at: number;
}

/** Answers of `load` per key, each for `ttlMs` of the given clock; undefined answers too. */
export class ShortLivedCache<K extends string | number, V> {
  // Not lru-cache's own ttl: the clock is the app's (tests move it, backwards too), and an
  // answer from the clock's future is no answer for its past.
  private readonly entries: LRUCache<K, Entry<V>>;
  // Bumped by forget(): a lookup that started before cannot store what it read (it may predate the change).
  private generation = 0;
  // Lookups under way: requests arriving meanwhile wait for the same one instead of starting more.
  private readonly loading = new Map<K, { at: number; lookup: Promise<V | undefined> }>();

  constructor(
    private readonly load: (key: K, now: Date) => Promise<V | undefined>,
    private readonly ttlMs: number,
    maxEntries: number,
  ) {
    this.entries = new LRUCache({ max: maxEntries });
  }

  /** The answer for `key` at `now`: the kept one if it is fresh, else a new lookup. */
  async get(key: K, now: Date): Promise<V | undefined> {
    const at = now.getTime();
    const entry = this.entries.get(key);
    if (entry && this.isFresh(entry.at, at)) return entry.value;
    const pending = this.loading.get(key);
    if (pending && this.isFresh(pending.at, at)) return pending.lookup;
    const generation = this.generation;
    const lookup = this.load(key, now);
    const loading = { at, lookup };
    this.loading.set(key, loading);
    try {
      const value = await lookup;
      if (generation === this.generation) this.entries.set(key, { value, at });
      return value;
    } finally {
      if (this.loading.get(key) === loading) this.loading.delete(key);
    }
  }

  private isFresh(lookedUpAt: number, at: number): boolean {
    return lookedUpAt <= at && at < lookedUpAt + this.ttlMs;
  }

  /** Drops a key's answer (or every answer), so the next get looks it up again. */
  forget(key?: K): void {
    this.generation++;
    if (key === undefined) {
      this.entries.clear();
      this.loading.clear();
    } else {
      this.entries.delete(key);
      this.loading.delete(key);
    }
  }
}
