// When pages next change on their own: a scheduled story appears, or a breaking-news banner
// expires, at its minute without any command running then, so no purge tells the caches. Each
// domain whose pages change so adds a source (`track`); knowing the next such time per edition,
// the page cache keeps no page of that edition (nor site-wide files) past it, and caps the
// max-age a CDN or browser is given. Loaded on start and after every purge, never per request.

/** An edition whose pages change at `at` by the clock alone (a story is due, a banner expires). */
export interface ScheduledChange {
  readonly edition: string;
  readonly at: Date;
}

/**
 * Loads a source's next changes of each edition after `now` (its earliest per edition is
 * enough); a source that keeps its times in memory answers without a query.
 */
export type LoadScheduledChanges = (now: Date) => Promise<readonly ScheduledChange[]>;

/** Passed change times are kept this long, for renders that began before them and end after. */
const RECENT_MS = 60_000;
/** After a failed load, nothing is cached for this long before the next try. */
const RETRY_MS = 5_000;

export interface ScheduledChangesOptions {
  now(): number;
  /** Whether a first path segment is an edition code; any other segment is site-wide. */
  isEdition(segment: string): boolean;
  onError(error: unknown): void;
}

/** The known upcoming (and recently passed) change times, by edition. */
export class ScheduledChanges {
  readonly #loaders: LoadScheduledChanges[] = [];
  /** Sorted times (ms) per edition. */
  #times = new Map<string, number[]>();
  #earliestUpcoming = Infinity;
  #state: 'valid' | 'loading' | 'failed' = 'valid';
  #retryAt = 0;
  #isDirty = false;
  #running: Promise<void> | undefined;

  constructor(private readonly options: ScheduledChangesOptions) {}

  /** Adds a source of scheduled changes and loads it. */
  track(load: LoadScheduledChanges): void {
    this.#loaders.push(load);
    this.refresh();
  }

  /** Loads the times again (content changed); answers wait for it (one query per edition). */
  refresh(): void {
    if (this.#loaders.length === 0) return;
    this.#isDirty = true;
    this.#state = 'loading';
    this.#running ??= this.#load();
  }

  /** Resolves when no load is running (start-up waits for the first). */
  async settled(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /**
   * The running load, if the times must be (re)loaded before answering at `now`: a load runs,
   * a known change has come (what follows it is unknown), or a failed load is due a retry.
   */
  pending(now: number): Promise<void> | undefined {
    if (this.#state === 'valid' && now >= this.#earliestUpcoming) this.refresh();
    if (this.#state === 'failed' && now >= this.#retryAt) this.refresh();
    return this.#running;
  }

  /**
   * How many seconds from now an answer begun at `start` for a path under `segment` may be kept;
   * undefined when no scheduled change bounds it. Never past the first change after `start`;
   * 0 while the times are unknown (the last load failed).
   */
  secondsLeft(segment: string, start: number, now: number): number | undefined {
    if (this.#loaders.length === 0) return undefined;
    if (this.#state !== 'valid' || now >= this.#earliestUpcoming) return 0;
    const next = this.options.isEdition(segment)
      ? firstAfter(this.#times.get(segment), start)
      : Math.min(...[...this.#times.values()].map((times) => firstAfter(times, start) ?? Infinity));
    if (next === undefined || next === Infinity) return undefined;
    return Math.max(0, Math.floor((next - now) / 1000));
  }

  async #load(): Promise<void> {
    try {
      while (this.#isDirty) {
        this.#isDirty = false;
        const now = this.options.now();
        const loaded = (await Promise.all(this.#loaders.map((load) => load(new Date(now))))).flat();
        this.#merge(loaded, now);
      }
      this.#state = 'valid';
    } catch (error) {
      this.#state = 'failed';
      this.#retryAt = this.options.now() + RETRY_MS;
      this.options.onError(error);
    } finally {
      this.#running = undefined;
    }
  }

  /** New upcoming times replace the old upcoming ones; recently passed ones stay a while. */
  #merge(loaded: readonly ScheduledChange[], now: number): void {
    const times = new Map<string, number[]>();
    const add = (edition: string, at: number) => {
      const list = times.get(edition) ?? [];
      if (!list.includes(at)) list.push(at);
      times.set(edition, list);
    };
    for (const [edition, list] of this.#times) {
      for (const at of list) if (at <= now && at > now - RECENT_MS) add(edition, at);
    }
    let earliest = Infinity;
    for (const change of loaded) {
      const at = change.at.getTime();
      add(change.edition, at);
      if (at > now) earliest = Math.min(earliest, at);
    }
    for (const list of times.values()) list.sort((a, b) => a - b);
    this.#times = times;
    this.#earliestUpcoming = earliest;
  }
}

function firstAfter(times: readonly number[] | undefined, start: number): number | undefined {
  return times?.find((at) => at > start);
}
