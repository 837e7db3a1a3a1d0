// Values computed from the database (a ranking, a count, a page's section blocks) kept in memory
// until what they come from changes: the owner drops a scope's entries on the events that change
// it, an entry may say until when it holds (the next scheduled story), and none outlives its TTL,
// which bounds how stale a change made in another process without an event can leave it.
import { LRUCache } from 'lru-cache';

/** Settings of a derived-value cache. */
export interface DerivedCacheOptions {
  /** The clock; an entry holds from when it was computed until its TTL or own limit passes. */
  now: () => Date;
  ttlMs: number;
  /** Most entries kept (least recently used go first). */
  maxEntries?: number;
}

interface Entry {
  readonly value: Promise<unknown>;
  readonly computedAt: number;
  expiresAt: number;
}

/** A bounded in-memory cache of derived values, dropped by scope (e.g. an edition's code). */
export class DerivedCache {
  private readonly entries: LRUCache<string, Entry>;

  constructor(private readonly options: DerivedCacheOptions) {
    this.entries = new LRUCache({ max: options.maxEntries ?? 1000 });
  }

  /**
   * The value under (scope, key), computed by `compute` when missing or expired. Callers that
   * arrive while it is computed share that computation. `validUntil` may end the entry early:
   * a list that includes "published by now" holds until the next scheduled story's minute.
   */
  async get<T>(
    scope: string,
    key: string,
    compute: () => Promise<T>,
    validUntil?: (value: T) => Date | null,
  ): Promise<T> {
    const [value] = await this.getMany(scope, [key], async () => [await compute()], validUntil);
    return value as T;
  }

  /**
   * Several values of one scope at once: those missing or expired are computed together by one
   * call (`compute` gets their indexes in `keys` and returns their values in that order), so a
   * page that needs many small lists asks the database once.
   */
  async getMany<T>(
    scope: string,
    keys: readonly string[],
    compute: (missing: readonly number[]) => Promise<readonly T[]>,
    validUntil?: (value: T) => Date | null,
  ): Promise<T[]> {
    const now = this.options.now().getTime();
    const ids = keys.map((key) => `${scope}\u0000${key}`);
    const values: Promise<unknown>[] = [];
    const missing: number[] = [];
    ids.forEach((id, i) => {
      const cached = this.entries.get(id);
      if (cached && now >= cached.computedAt && now < cached.expiresAt) values[i] = cached.value;
      else missing.push(i);
    });
    if (missing.length > 0) {
      const computed = compute(missing);
      missing.forEach((keyIndex, n) => {
        const id = ids[keyIndex]!;
        const entry: Entry = {
          value: computed.then((all) => all[n]),
          computedAt: now,
          expiresAt: now + this.options.ttlMs,
        };
        this.entries.set(id, entry);
        values[keyIndex] = entry.value.then(
          (value) => {
            const until = validUntil?.(value as T);
            if (until) entry.expiresAt = Math.min(entry.expiresAt, until.getTime());
            return value;
          },
          (error: unknown) => {
            if (this.entries.peek(id) === entry) this.entries.delete(id);
            throw error;
          },
        );
      });
    }
    return (await Promise.all(values)) as T[];
  }

  /** Drops every entry of a scope (or all): what they were computed from has changed. */
  invalidate(scope?: string): void {
    if (scope === undefined) {
      this.entries.clear();
      return;
    }
    const prefix = `${scope}\u0000`;
    for (const id of [...this.entries.keys()]) if (id.startsWith(prefix)) this.entries.delete(id);
  }
}
