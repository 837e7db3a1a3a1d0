// A bounded set of keys that expire a fixed time after they were added: the memory of
// "this reader opened this article a moment ago", so a reload counts once.
import { fingerprinter } from './fingerprint.ts';

/**
 * Keys with a fixed time to live and a maximum count; the oldest go first when it is full. Two
 * keys are told apart by 53-bit fingerprints: a new key is taken for a held one with a chance of
 * one in 45 billion at 200,000 held.
 */
export class RecentSet {
  // Every key lives equally long from when it was added, so insertion order is also expiry
  // order: the Map's first entries are always the next to expire, and pruning stops at the
  // first live one.
  // Keys are kept as their fingerprints (see fingerprint.ts): a number each, not a string.
  private readonly expiries = new Map<number, number>();
  private readonly fingerprint = fingerprinter();

  constructor(
    private readonly ttlMs: number,
    private readonly maxSize: number,
  ) {}

  /** Whether the key was added less than the time to live ago. */
  has(key: string, now: number): boolean {
    const expiry = this.expiries.get(this.fingerprint(key));
    return expiry !== undefined && expiry > now;
  }

  /** Adds (or renews) a key, dropping expired keys and, when full, the oldest. */
  add(key: string, now: number): void {
    this.prune(now);
    const id = this.fingerprint(key);
    this.expiries.delete(id); // renewing moves it to the end, keeping the order by expiry
    this.expiries.set(id, now + this.ttlMs);
    while (this.expiries.size > this.maxSize) {
      const oldest = this.expiries.keys().next().value;
      if (oldest === undefined) break;
      this.expiries.delete(oldest);
    }
  }

  /** How many keys are held (expired ones included until the next add). */
  get size(): number {
    return this.expiries.size;
  }

  private prune(now: number): void {
    for (const [id, expiry] of this.expiries) {
      if (expiry > now) break;
      this.expiries.delete(id);
    }
  }
}
