// How many reads one client address may add to one article in a window. Not one read per
// address: a carrier NAT or an office puts many real readers behind one address. A cap bounds
// what a script rotating its User-Agent (or clearing cookies) can add, without silencing them.
import { createHmac, randomBytes } from 'node:crypto';
import { subscriberOf } from '../core/http/client-address.ts';

/** The cap's window: a count starts with an address's first counted read of an article. */
export const ADDRESS_WINDOW_MS = 10 * 60_000;
/** At most this many (address, article) counts are held (about 22 MB when full); oldest first out. */
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
  // Keyed by a 53-bit number per (address, article), not a string: about half the memory when full.
  private readonly windows = new Map<number, Window>();
  private readonly key = randomBytes(32);

  constructor(
    private readonly limit: number,
    private readonly windowMs: number = ADDRESS_WINDOW_MS,
    private readonly maxSize: number = MAX_TRACKED,
  ) {}

  /** Takes one read from the address's allowance for the article; false when none is left. */
  take(address: string, articleId: number, now: number): boolean {
    this.prune(now);
    const id = this.idOf(address, articleId);
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

  /**
   * The first 53 bits of the keyed hash of address and article: two pairs share one with a
   * chance of one in 45 billion at a full map, and then that address reads on the other's count.
   */
  private idOf(address: string, articleId: number): number {
    const digest = createHmac('sha256', this.key)
      .update(`${subscriberOf(address)}\u0000${articleId}`)
      .digest();
    return digest.readUIntBE(0, 6) * 32 + (digest[6]! >>> 3);
  }

  private prune(now: number): void {
    for (const [id, window] of this.windows) {
      if (window.endsAt > now) break;
      this.windows.delete(id);
    }
  }
}
