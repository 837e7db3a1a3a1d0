// Counts per client address in this process's memory only, never stored, for the integrity
// zone's public forms (the reporting channel, the survey). An address is never held in the
// clear, not even here: it is known by an HMAC under a key made at random when the process
// starts and never written anywhere, so the map names nobody, and once the process is gone
// nothing links a count to an address. With several app processes each counts on its own.
import { createHmac, randomBytes } from 'node:crypto';
import { subscriberOf } from '../core/http/client-address.ts';

/** Addresses each limiter holds at most (a few MB); the window that ends soonest goes first. */
const MAX_TRACKED = 100_000;

interface Window {
  endsAt: number;
  count: number;
}

/** Fixed windows of counts per address, keyed by a keyed hash of the address. */
export class AddressLimiter {
  // Every window is as long as every other and starts when it is (re)inserted: insertion order
  // is expiry order, so pruning stops at the first live window.
  private readonly windows = new Map<string, Window>();
  private readonly key = randomBytes(32);

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Whether the address has used up its allowance. */
  isOver(address: string, now: number): boolean {
    this.prune(now);
    const window = this.windows.get(this.hash(address));
    return window !== undefined && window.endsAt > now && window.count >= this.limit;
  }

  /** Counts one more for the address. */
  count(address: string, now: number): void {
    this.prune(now);
    const id = this.hash(address);
    const window = this.windows.get(id);
    if (window && window.endsAt > now) {
      window.count++;
      return;
    }
    this.windows.delete(id);
    this.windows.set(id, { endsAt: now + this.windowMs, count: 1 });
    while (this.windows.size > MAX_TRACKED) {
      const oldest = this.windows.keys().next().value;
      if (oldest === undefined) break;
      this.windows.delete(oldest);
    }
  }

  /** Counts one for the address and answers true, or answers false when its allowance is used up. */
  take(address: string, now: number): boolean {
    if (this.isOver(address, now)) return false;
    this.count(address, now);
    return true;
  }

  private hash(address: string): string {
    return createHmac('sha256', this.key).update(subscriberOf(address)).digest().subarray(0, 16).toString('base64url');
  }

  private prune(now: number): void {
    for (const [id, window] of this.windows) {
      if (window.endsAt > now) break;
      this.windows.delete(id);
    }
  }
}
