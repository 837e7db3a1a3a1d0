// Counted reads are kept in memory and written in batches, so no reader request waits for a
// database write. A flush swaps the pending map out before writing and puts it back if the
// write fails: every counted read is written exactly once, or is still pending.
import type { ReadBatch } from './queries.ts';

/** How a batch reaches the database (writeReads in production; tests may substitute it). */
export type WriteReads = (batch: ReadBatch) => Promise<number>;

/** Where the counter reports flush failures (a Fastify logger fits). */
export interface CounterLog {
  error(obj: object, msg: string): void;
}

/** Settings of a read counter. */
export interface ReadCounterOptions {
  write: WriteReads;
  /** The IANA time zone whose calendar days bucket the daily totals (the site's, which can change). */
  timezone: () => string;
  /** The clock; reads are bucketed on the day they were counted. */
  now: () => Date;
  /** Flush at least this often while running. */
  flushIntervalMs: number;
  /** Flush as soon as this many reads are pending. */
  flushSize: number;
  log: CounterLog;
}

type Pending = Map<number, Map<string, number>>;

/** Counts reads per article and day in memory and flushes them in batches. */
export class ReadCounter {
  private pending: Pending = new Map();
  private pendingReads = 0;
  // The batch being written: still counted by pendingFor(), so a page never shows a dip.
  private inflight: Pending = new Map();
  // Flushes run one after another; each starts from whatever is pending when its turn comes.
  private queue: Promise<unknown> = Promise.resolve();
  private isSizeFlushQueued = false;
  // After a failed write, reaching the batch size does not retry at once: the next timer
  // tick does, so a database outage is not hammered once per read.
  private isSizeFlushPaused = false;
  private timer: NodeJS.Timeout | undefined;
  private dayFormat: { zone: string; format: Intl.DateTimeFormat } | undefined;
  // The day of the current minute: formatting a date in a time zone costs more than the rest of
  // record(), and days start on a whole minute in every zone (offsets are whole minutes).
  private dayOfMinute = { minute: Number.NaN, zone: '', day: '' };
  private readonly writtenListeners: ((batch: ReadBatch) => void)[] = [];
  private flushedAt = new Date();

  constructor(private readonly options: ReadCounterOptions) {}

  /** Counts one read of an article; may start a flush when the batch is full. */
  record(articleId: number): void {
    const day = this.dayOf(this.options.now());
    let days = this.pending.get(articleId);
    if (!days) {
      days = new Map();
      this.pending.set(articleId, days);
    }
    days.set(day, (days.get(day) ?? 0) + 1);
    this.pendingReads++;
    if (this.pendingReads >= this.options.flushSize && !this.isSizeFlushQueued && !this.isSizeFlushPaused) {
      this.isSizeFlushQueued = true;
      this.flush()
        .catch((error: unknown) => this.reportFailure(error))
        .finally(() => {
          this.isSizeFlushQueued = false;
        });
    }
  }

  /** Runs `listener` after each batch is stored (the beacon's cached counts are stale then). */
  onWritten(listener: (batch: ReadBatch) => void): void {
    this.writtenListeners.push(listener);
  }

  /** Reads of an article counted here and not yet stored (including a batch being written). */
  pendingFor(articleId: number): number {
    return sum(this.pending.get(articleId)) + sum(this.inflight.get(articleId));
  }

  /** All reads counted here and not yet stored. */
  get pendingTotal(): number {
    let total = this.pendingReads;
    for (const days of this.inflight.values()) total += sum(days);
    return total;
  }

  /** Writes everything pending now; rejects if the write failed (the reads stay pending). */
  flush(): Promise<number> {
    const run = this.queue.then(() => this.writePending());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Starts the interval flush; the timer does not keep the process alive. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.flush().then(
        () => {
          this.isSizeFlushPaused = false;
        },
        (error: unknown) => this.reportFailure(error),
      );
    }, this.options.flushIntervalMs);
    this.timer.unref();
  }

  /** Stops the timer and writes what is pending (the app's onClose calls this). */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Every read counted before this time is stored (the metrics' flush lag is measured from it). */
  get lastFlushedAt(): Date {
    return this.flushedAt;
  }

  /** Whether the interval timer is set. */
  get isRunning(): boolean {
    return this.timer !== undefined;
  }

  private async writePending(): Promise<number> {
    if (this.pendingReads === 0) {
      this.flushedAt = new Date();
      return 0;
    }
    const batch = this.pending;
    this.pending = new Map();
    this.pendingReads = 0;
    this.inflight = batch;
    const takenAt = new Date();
    try {
      const written = await this.options.write(batch);
      this.flushedAt = takenAt; // every read counted before then is stored
      this.tellWritten(batch);
      return written;
    } catch (error) {
      this.mergeBack(batch);
      throw error;
    } finally {
      this.inflight = new Map();
    }
  }

  /** Runs the onWritten listeners; one that throws is reported, never taken for a failed write. */
  private tellWritten(batch: ReadBatch): void {
    for (const listener of this.writtenListeners) {
      try {
        listener(batch);
      } catch (error) {
        this.options.log.error({ err: error }, 'a listener of stored read counts failed');
      }
    }
  }

  /** The calendar day (YYYY-MM-DD) of a time in the counter's time zone. */
  private dayOf(date: Date): string {
    const minute = Math.floor(date.getTime() / 60_000);
    const zone = this.options.timezone();
    if (minute !== this.dayOfMinute.minute || zone !== this.dayOfMinute.zone) {
      if (this.dayFormat?.zone !== zone) {
        // en-CA formats a date as YYYY-MM-DD.
        const format = new Intl.DateTimeFormat('en-CA', {
          timeZone: zone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
        });
        this.dayFormat = { zone, format };
      }
      this.dayOfMinute = { minute, zone, day: this.dayFormat.format.format(date) };
    }
    return this.dayOfMinute.day;
  }

  /** Puts a failed batch back so the next flush writes it together with newer reads. */
  private mergeBack(batch: Pending): void {
    for (const [id, days] of batch) {
      let target = this.pending.get(id);
      if (!target) {
        target = new Map();
        this.pending.set(id, target);
      }
      for (const [day, reads] of days) {
        target.set(day, (target.get(day) ?? 0) + reads);
        this.pendingReads += reads;
      }
    }
  }

  private reportFailure(error: unknown): void {
    this.isSizeFlushPaused = true;
    this.options.log.error(
      { err: error, pendingReads: this.pendingReads },
      'read counts could not be written; kept for the next flush',
    );
  }
}

function sum(days: ReadonlyMap<string, number> | undefined): number {
  let total = 0;
  if (days) for (const n of days.values()) total += n;
  return total;
}
