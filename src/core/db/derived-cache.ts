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
  /**
   * A share of the TTL (0 to 1) by which each entry's TTL is shortened at random. Entries filled
   * together (thousands of lists in the first seconds after a start) would otherwise all expire
   * together, once a TTL, and be computed again in one burst that delays every request meanwhile.
   */
  ttlSpread?: number;
}

interface Entry {
  readonly value: Promise<unknown>;
  readonly computedAt: number;
  expiresAt: number;
  /** Set once the value has arrived: a hit then costs no promise (a page may ask for a hundred). */
  settled?: { readonly value: unknown };
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
    const values: unknown[] = new Array(keys.length);
    let missing: number[] | undefined;
    let isPending = false;
    for (let i = 0; i < keys.length; i++) {
      const cached = this.entries.get(`${scope}\u0000${keys[i]}`);
      if (!cached || now < cached.computedAt || now >= cached.expiresAt) (missing ??= []).push(i);
      else if (cached.settled) values[i] = cached.settled.value;
      else {
        values[i] = cached.value;
        isPending = true;
      }
    }
    if (missing) {
      isPending = true;
      const computed = compute(missing);
      missing.forEach((keyIndex, n) => {
        const id = `${scope}\u0000${keys[keyIndex]}`;
        const entry: Entry = {
          value: computed.then((all) => all[n]),
          computedAt: now,
          expiresAt: now + this.ttlOfNewEntry(),
        };
        this.entries.set(id, entry);
        values[keyIndex] = entry.value.then(
          (value) => {
            const until = validUntil?.(value as T);
            if (until) entry.expiresAt = Math.min(entry.expiresAt, until.getTime());
            entry.settled = { value };
            return value;
          },
          (error: unknown) => {
            if (this.entries.peek(id) === entry) this.entries.delete(id);
            throw error;
          },
        );
      });
    }
    return (isPending ? await Promise.all(values) : values) as T[];
  }

  private ttlOfNewEntry(): number {
    const { ttlMs, ttlSpread = 0 } = this.options;
    return ttlSpread > 0 ? ttlMs * (1 - ttlSpread * Math.random()) : ttlMs;
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
