// Work that runs on a clock (sweeps, announcing scheduled stories, later retention purges and
// webhook retries). Each job has a row in scheduled_jobs; a process runs a due job only after
// claiming that row with one conditional UPDATE, so with many app processes each run happens
// once, and the next run time survives restarts. A claim expires, so a process that dies
// mid-run does not stop the job for good.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { toDate, toDbTime } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database>;

/** What a run is told. */
export interface JobRun {
  /** The time the run started. */
  readonly now: Date;
  /** When the previous run of this job started (undefined before the first run). */
  readonly previousRunAt: Date | undefined;
}

/** A job: a stable name, how often it runs, and the work (which may return a line for the log). */
export interface Job {
  readonly name: string;
  readonly everyMs: number;
  run(run: JobRun): Promise<string | void>;
}

/** Where runs are logged (a pino/Fastify logger fits). */
export interface JobLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobRunnerOptions {
  log: JobLog;
  now?: () => Date;
  /** How often due jobs are looked for (default 1 s). */
  tickMs?: number;
  /** How long a claim holds before another process may take the job over (default 10 min). */
  leaseMs?: number;
}

/** One process's job runner. */
export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  /** This process's name in claims. */
  readonly owner = `${process.pid}-${randomBytes(4).toString('hex')}`;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly options: JobRunnerOptions,
  ) {}

  /** Adds a job (before start). */
  add(job: Job): void {
    if (this.jobs.has(job.name)) throw new Error(`job "${job.name}" exists already`);
    if (!(job.everyMs >= 1000)) throw new Error(`job "${job.name}" must run at most once a second`);
    this.jobs.set(job.name, job);
  }

  /** The registered jobs' names. */
  names(): string[] {
    return [...this.jobs.keys()];
  }

  /** Creates the rows of new jobs (due at once) and starts looking for due jobs. */
  async start(): Promise<void> {
    const now = toDbTime(this.now());
    for (const name of this.jobs.keys()) {
      await this.db
        .insertInto('scheduled_jobs')
        .values({ name, next_run_at: now })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
    }
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (!this.ticking)
        this.ticking = this.runDue()
          .then(() => undefined)
          .finally(() => (this.ticking = undefined));
    }, this.options.tickMs ?? 1000);
    this.timer.unref();
  }

  /**
   * Runs every job that is due now and that this process can claim; returns how many ran.
   * Never throws: a job's failure is recorded on its row, a database failure is logged.
   */
  async runDue(): Promise<number> {
    let ran = 0;
    for (const job of this.jobs.values()) {
      try {
        if (await this.runIfDue(job)) ran++;
      } catch (error) {
        // Claiming or recording failed (the database is away): say so, and try the next job,
        // rather than let the ticks fail in silence while nothing runs.
        this.options.log.error({ err: error, job: job.name }, `job ${job.name} could not be run`);
      }
    }
    return ran;
  }

  /** Stops the timer and waits for the runs in progress. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async runIfDue(job: Job): Promise<boolean> {
    const started = this.now();
    const at = toDbTime(started);
    const previous = await this.db
      .selectFrom('scheduled_jobs')
      .select(['last_started_at', 'next_run_at'])
      .where('name', '=', job.name)
      .executeTakeFirst();
    if (!previous || toDate(previous.next_run_at) > started) return false;
    // The claim: only one process's UPDATE matches a due, unclaimed (or expired) row.
    const claimed = await this.db
      .updateTable('scheduled_jobs')
      .set({
        locked_by: this.owner,
        locked_until: toDbTime(new Date(started.getTime() + (this.options.leaseMs ?? 600_000))),
        last_started_at: at,
      })
      .where('name', '=', job.name)
      .where('next_run_at', '<=', at)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return false;

    let outcome: 'ok' | 'failed' = 'ok';
    let message: string | null = null;
    try {
      message =
        (await job.run({
          now: started,
          previousRunAt: previous.last_started_at ? toDate(previous.last_started_at) : undefined,
        })) || null;
    } catch (error) {
      outcome = 'failed';
      message = error instanceof Error ? error.message : String(error);
      this.options.log.error({ err: error, job: job.name }, `job ${job.name} failed`);
    }
    const finished = this.now();
    await this.db
      .updateTable('scheduled_jobs')
      .set((eb) => ({
        locked_by: null,
        locked_until: null,
        next_run_at: toDbTime(new Date(started.getTime() + job.everyMs)),
        last_finished_at: toDbTime(finished),
        last_outcome: outcome,
        last_message: message,
        run_count: eb('run_count', '+', 1),
      }))
      .where('name', '=', job.name)
      .where('locked_by', '=', this.owner)
      .execute();
    if (outcome === 'ok') {
      this.options.log.info(
        { job: job.name, ms: finished.getTime() - started.getTime(), ...(message ? { result: message } : {}) },
        `job ${job.name} ran`,
      );
    }
    return true;
  }
}
