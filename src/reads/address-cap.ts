// How many reads one client address may add to one article in a window. Not one read per
// address: a carrier NAT or an office puts many real readers behind one address. A cap bounds
// what a script rotating its User-Agent (or clearing cookies) can add, without silencing them.
import { createHmac, randomBytes } from 'node:crypto';
import { subscriberOf } from '../core/http/client-address.ts';

/** The cap's window: a count starts with an address's first counted read of an article. */
export const ADDRESS_WINDOW_MS = 10 * 60_000;
/** At most this many (address, article) counts are held (tens of MB at most); oldest first out. */
const MAX_TRACKED = 200_000;

interface Window {
  endsAt: number;
  count: number;
}

/**
 * Counts reads per (address, article) in fixed windows, in this process's memory only. An
 * address is an IPv4 address or an IPv6 /64, known by a keyed hash whose key is random per
 * process and never stored, so the map names nobody once the process is gone. With several app
 * processes each keeps its own count (a cap of N per process).
 */
export class AddressCap {
  // Every window is as long as every other and starts when it is (re)inserted, so insertion
  // order is expiry order: pruning stops at the first live entry, and a full map drops the
  // window that would end soonest. Dropping one lets that pair count afresh: memory stays
  // bounded, at the price of a cap that fails open under extreme load.
  private readonly windows = new Map<string, Window>();
  private readonly key = randomBytes(32);

  constructor(
    private readonly limit: number,
    private readonly windowMs: number = ADDRESS_WINDOW_MS,
    private readonly maxSize: number = MAX_TRACKED,
  ) {}

  /** Takes one read from the address's allowance for the article; false when none is left. */
  take(address: string, articleId: number, now: number): boolean {
    this.prune(now);
    const id = `${this.hash(address)}:${articleId}`;
    const window = this.windows.get(id);
    if (window && window.endsAt > now) {
      if (window.count >= this.limit) return false;
      window.count++;
      return true;
    }
    this.windows.delete(id); // re-inserted at the end, keeping the order by expiry
    this.windows.set(id, { endsAt: now + this.windowMs, count: 1 });
    while (this.windows.size > this.maxSize) {
      const oldest = this.windows.keys().next().value;
      if (oldest === undefined) break;
      this.windows.delete(oldest);
    }
    return true;
  }

  /** How many (address, article) windows are held (expired ones until the next take). */
  get size(): number {
    return this.windows.size;
  }

  private hash(address: string): string {
    // 128 bits are plenty to keep addresses apart and halve the memory of a full hash.
    return createHmac('sha256', this.key).update(subscriberOf(address)).digest().subarray(0, 16).toString('base64url');
  }

  private prune(now: number): void {
    for (const [id, window] of this.windows) {
      if (window.endsAt > now) break;
      this.windows.delete(id);
    }
  }
}
