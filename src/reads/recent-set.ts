// A bounded set of keys that expire a fixed time after they were added: the memory of
// "this reader opened this article a moment ago", so a reload counts once.

/** Keys with a fixed time to live and a maximum count; the oldest go first when it is full. */
export class RecentSet {
  // Every key lives equally long from when it was added, so insertion order is also expiry
  // order: the Map's first entries are always the next to expire, and pruning stops at the
  // first live one.
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxSize: number,
  ) {}

  /** Whether the key was added less than the time to live ago. */
  has(key: string, now: number): boolean {
    const expiry = this.expiries.get(key);
    return expiry !== undefined && expiry > now;
  }

  /** Adds (or renews) a key, dropping expired keys and, when full, the oldest. */
  add(key: string, now: number): void {
    this.prune(now);
    this.expiries.delete(key); // renewing moves it to the end, keeping the order by expiry
    this.expiries.set(key, now + this.ttlMs);
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
    for (const [key, expiry] of this.expiries) {
      if (expiry > now) break;
      this.expiries.delete(key);
    }
  }
}
