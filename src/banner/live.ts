// The live banner of each edition, held in this process's memory so a page shows it without a
// query. Loaded at start and after every banner event (each process hears them all); a timer
// drops a banner at its expiry and says which editions' cached pages must go.
import type { ScheduledChange } from '../core/http/scheduled-changes.ts';
import { isLive, type Banner } from './model.ts';

/** Longest single wait of the expiry timer; it re-arms then (timers cannot wait weeks). */
const MAX_TIMER_MS = 3600_000;

export interface LiveBannersOptions {
  /** The live banners at `now` (one per edition at most). */
  load(now: Date): Promise<readonly Banner[]>;
  now(): Date;
  /** Editions whose banner has just expired: their cached pages show it still. */
  onExpired(editions: readonly string[]): void;
}

/** One process's copy of the live banners. */
export class LiveBanners {
  #byEdition = new Map<string, Banner>();
  #running: Promise<void> | undefined;
  #isDirty = false;
  #timer: NodeJS.Timeout | undefined;
  #isClosed = false;

  constructor(private readonly options: LiveBannersOptions) {}

  /** The banner the edition's pages show at `now`, if any. */
  current(edition: string, now: Date): Banner | undefined {
    const banner = this.#byEdition.get(edition);
    return banner && isLive(banner, now) ? banner : undefined;
  }

  /** Loads the banners again; a reload asked for during one runs once more after it. */
  reload(): Promise<void> {
    this.#isDirty = true;
    this.#running ??= this.#load();
    return this.#running;
  }

  /** Resolves when no load is running (whether or not it succeeded). */
  async settled(): Promise<void> {
    while (this.#running) await this.#running.catch(() => undefined);
  }

  /**
   * When pages change by the clock alone: each banner's start (if still ahead) and expiry after
   * `now`. The page cache keeps no page, and tells no CDN or browser to keep one, past them.
   */
  changesAfter(now: Date): ScheduledChange[] {
    const changes: ScheduledChange[] = [];
    for (const banner of this.#byEdition.values()) {
      if (banner.startsAt > now) changes.push({ edition: banner.edition, at: banner.startsAt });
      if (banner.expiresAt > now) changes.push({ edition: banner.edition, at: banner.expiresAt });
    }
    return changes;
  }

  /** Forgets the banners that have expired by now and reports their editions; returns them. */
  expireDue(): string[] {
    const now = this.options.now().getTime();
    const expired: string[] = [];
    for (const [edition, banner] of this.#byEdition) {
      if (banner.expiresAt.getTime() <= now) {
        this.#byEdition.delete(edition);
        expired.push(edition);
      }
    }
    if (expired.length > 0) this.options.onExpired(expired);
    this.#arm();
    return expired;
  }

  /** Stops the timer (the app closes). */
  close(): void {
    this.#isClosed = true;
    clearTimeout(this.#timer);
  }

  async #load(): Promise<void> {
    try {
      while (this.#isDirty) {
        this.#isDirty = false;
        const banners = await this.options.load(this.options.now());
        this.#byEdition = new Map(banners.map((b) => [b.edition, b]));
      }
    } finally {
      this.#running = undefined;
      this.#arm();
    }
  }

  /** Sets the timer for the next expiry. */
  #arm(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#isClosed) return;
    let next = Infinity;
    for (const banner of this.#byEdition.values()) next = Math.min(next, banner.expiresAt.getTime());
    if (next === Infinity) return;
    const wait = Math.min(Math.max(0, next - this.options.now().getTime()), MAX_TIMER_MS);
    this.#timer = setTimeout(() => this.expireDue(), wait);
    this.#timer.unref(); // never keeps the process (or a test) alive
  }
}
