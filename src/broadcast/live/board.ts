// The live radio as one process knows it, held in memory so that pages, the on-air box and the
// status answer cost no query and no request to a stream server: the active channels with their
// schedules (reloaded when the radio changes), what is on air and next (worked out once per slot),
// and each stream's last reported state (polled by a light timer, at most once per TTL per server).
import type { ScheduledChange } from '../../core/http/scheduled-changes.ts';
import { nextAirings, onAirAt, type Airing } from '../schedule.ts';
import { StreamStatusCache, type StreamStatus } from '../stream-status.ts';
import type { LiveChannel, LiveProgram, StatusSource } from './queries.ts';

/** An airing, named: a program's, or a special's without a program (a title, no page). */
export interface ProgramAiring {
  readonly program?: LiveProgram;
  readonly title: string;
  readonly start: Date;
  readonly end: Date;
}

/** What a channel has on air at a moment, what follows, and when that picture next changes. */
export interface Lineup {
  readonly now?: ProgramAiring;
  readonly next: readonly ProgramAiring[];
  /** The next slot boundary (the airing on ends or the next begins); none in the coming week. */
  readonly changesAt?: Date;
}

/** A stream's state as pages tell it: `unknown` when no status source is set or none has answered yet. */
export type LiveState = StreamStatus['state'] | 'unknown';

/** A channel's stream as last reported. */
export interface ChannelStatus {
  readonly state: LiveState;
  readonly title?: string;
  readonly listeners?: number;
  readonly checkedAt?: Date;
}

export interface LiveBoardOptions {
  /** Active channels with their weekly slots and the one-off changes between `from` and `to`. */
  load(from: Date, to: Date): Promise<LiveChannel[]>;
  /** The schedule's clock (tests move it). */
  now(): Date;
  /** Asks a stream server (never throws: a dead server is `unreachable`). */
  check(source: StatusSource): Promise<StreamStatus>;
  /** How long a stream server's answer is reused. */
  statusTtlMs: number;
  /** How often the timer looks whether a status is due (the TTL still limits the requests). */
  tickMs: number;
  /** Editions whose streams went on or off air: their pages say otherwise. */
  onStateChanged(editions: readonly string[]): void;
  /** A load the board started itself failed (the radio it knew stays until the next try). */
  onError(error: unknown): void;
}

/** Airings shown after the one on air. */
export const NEXT_COUNT = 3;
const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** One-off changes are loaded from a day back to nine days ahead (the week "next" looks into, and room)... */
const LOAD_BEHIND = DAY;
const LOAD_AHEAD = 9 * DAY;
/** ...and reloaded half a day later, well before the look-ahead runs out. */
const RELOAD_AFTER = 12 * HOUR;
/** A lineup with no boundary ahead is still worked out again after this long. */
const LINEUP_MAX_MS = 6 * HOUR;

/** One process's live radio. */
export class LiveBoard {
  #byEdition = new Map<string, readonly LiveChannel[]>();
  #channels: readonly LiveChannel[] = [];
  #loadedAt = -Infinity;
  #running: Promise<void> | undefined;
  #isDirty = false;
  #lineups = new Map<number, { from: number; until: number; lineup: Lineup }>();
  #statuses = new Map<string, StreamStatus>();
  #cache: StreamStatusCache;
  #checking: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #isClosed = false;

  constructor(private readonly options: LiveBoardOptions) {
    this.#cache = this.#newCache();
  }

  /** Loads the channels again; a reload asked for during one runs once more after it. */
  reload(): Promise<void> {
    this.#isDirty = true;
    this.#running ??= this.#load();
    return this.#running;
  }

  /** Resolves when no load is running. */
  async settled(): Promise<void> {
    while (this.#running) await this.#running.catch(() => undefined);
  }

  /** The edition's active channels, in order. */
  channelsOf(edition: string): readonly LiveChannel[] {
    return this.#byEdition.get(edition) ?? [];
  }

  /** What the channel has on air at `at` and next; worked out once per slot. */
  lineupOf(channel: LiveChannel, at: Date): Lineup {
    const t = at.getTime();
    // Outside the stretch whose one-off changes are loaded: load again (this answer uses what is known).
    if (t < this.#loadedAt - LOAD_BEHIND / 2 || t > this.#loadedAt + RELOAD_AFTER) this.#reloadSoon();
    const kept = this.#lineups.get(channel.id);
    if (kept && kept.from <= t && t < kept.until) return kept.lineup;
    const named = (airing: Airing): ProgramAiring[] => {
      if (airing.programId === null)
        return airing.title ? [{ title: airing.title, start: airing.start, end: airing.end }] : [];
      const program = channel.programs.get(airing.programId);
      return program ? [{ program, title: program.title, start: airing.start, end: airing.end }] : [];
    };
    const on = onAirAt(channel.schedule, at);
    const now = on ? named(on)[0] : undefined;
    const next = nextAirings(channel.schedule, at, NEXT_COUNT + 2)
      .flatMap(named)
      .slice(0, NEXT_COUNT);
    const boundaries = [on?.end.getTime(), nextAirings(channel.schedule, at, 1)[0]?.start.getTime()].filter(
      (b): b is number => b !== undefined,
    );
    const changesAt = boundaries.length ? Math.min(...boundaries) : undefined;
    const lineup: Lineup = { ...(now ? { now } : {}), next, ...(changesAt ? { changesAt: new Date(changesAt) } : {}) };
    this.#lineups.set(channel.id, { from: t, until: Math.min(changesAt ?? Infinity, t + LINEUP_MAX_MS), lineup });
    return lineup;
  }

  /** The channel's stream as last reported. */
  statusOf(channel: LiveChannel): ChannelStatus {
    const status = channel.status ? this.#statuses.get(keyOf(channel.status)) : undefined;
    return status ?? { state: 'unknown' };
  }

  /** When each edition's on-air picture next changes by the clock alone (a slot boundary). */
  changesAfter(now: Date): ScheduledChange[] {
    return this.#channels.flatMap((channel) => {
      const at = this.lineupOf(channel, now).changesAt;
      return at && at > now ? [{ edition: channel.edition, at }] : [];
    });
  }

  /**
   * Asks every channel's stream server for its state (each at most once per TTL, callers at once
   * share one round); editions whose streams went on or off air are reported. `fresh` forgets
   * what the servers said before (tests, and a changed channel).
   */
  checkStreams(options: { fresh?: boolean } = {}): Promise<void> {
    if (options.fresh) {
      this.#cache = this.#newCache();
      return this.#check();
    }
    this.#checking ??= this.#check().finally(() => (this.#checking = undefined));
    return this.#checking;
  }

  /** Starts the timer that keeps the states (and the loaded schedule) current. */
  start(): void {
    if (this.#isClosed || this.#timer) return;
    this.#timer = setInterval(() => {
      if (this.options.now().getTime() - this.#loadedAt > RELOAD_AFTER) this.#reloadSoon();
      void this.checkStreams().catch(() => undefined);
    }, this.options.tickMs);
    this.#timer.unref(); // never keeps the process (or a test) alive
  }

  /** Stops the timer (the app closes); later answers change nothing. */
  close(): void {
    this.#isClosed = true;
    clearInterval(this.#timer);
  }

  #reloadSoon(): void {
    if (!this.#running) this.reload().catch((error: unknown) => this.options.onError(error));
  }

  async #load(): Promise<void> {
    try {
      while (this.#isDirty) {
        this.#isDirty = false;
        const now = this.options.now().getTime();
        const channels = await this.options.load(new Date(now - LOAD_BEHIND), new Date(now + LOAD_AHEAD));
        const byEdition = new Map<string, LiveChannel[]>();
        for (const channel of channels)
          byEdition.set(channel.edition, [...(byEdition.get(channel.edition) ?? []), channel]);
        this.#channels = channels;
        this.#byEdition = byEdition;
        this.#loadedAt = now;
        this.#lineups.clear();
      }
    } finally {
      this.#running = undefined;
    }
    // A new or changed channel has no state yet: ask now rather than at the next tick.
    const keys = this.#channels.flatMap((c) => (c.status ? [keyOf(c.status)] : []));
    if (keys.some((key) => !this.#statuses.has(key))) void this.checkStreams().catch(() => undefined);
  }

  async #check(): Promise<void> {
    const channels = this.#channels;
    const sources = new Map(channels.flatMap((c) => (c.status ? [[keyOf(c.status), c.status] as const] : [])));
    const cache = this.#cache;
    cache.retain([...sources.keys()]);
    const answers = await Promise.all([...sources.keys()].map(async (key) => [key, await cache.get(key)] as const));
    if (this.#isClosed) return;
    const before = new Map(channels.map((c) => [c.id, this.statusOf(c).state]));
    for (const key of [...this.#statuses.keys()]) if (!sources.has(key)) this.#statuses.delete(key);
    for (const [key, status] of answers) this.#statuses.set(key, status);
    const changed = new Set(channels.filter((c) => before.get(c.id) !== this.statusOf(c).state).map((c) => c.edition));
    if (changed.size > 0) this.options.onStateChanged([...changed]);
  }

  #newCache(): StreamStatusCache {
    return new StreamStatusCache({
      ttlMs: this.options.statusTtlMs,
      // Real time, not the schedule's clock: the TTL spaces requests to a real server.
      now: () => new Date(),
      check: (key) => this.options.check(sourceOf(key)),
    });
  }
}

/** One cache key per status source. */
function keyOf(source: StatusSource): string {
  return `${source.kind} ${source.url}`;
}

function sourceOf(key: string): StatusSource {
  const space = key.indexOf(' ');
  return { kind: key.slice(0, space) as StatusSource['kind'], url: key.slice(space + 1) };
}
