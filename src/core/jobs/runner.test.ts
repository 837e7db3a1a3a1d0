// The job runner: a due job runs once across runners, its clock survives restarts, failures are
// recorded and retried, dead claims are taken over, and every run is logged. Both engines.
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { openDatabase, type Db } from '../db/database.ts';
import { toDate, toDbTime } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { JobRunner, type Job, type JobRun } from './runner.ts';

let t: TestDatabase;
let db: Kysely<Database>;
const runners: JobRunner[] = [];
const extraDbs: Db[] = [];

before(async () => {
  t = await createTestDatabase();
  db = t.db.kysely;
});
after(() => t.cleanup());
afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.close();
  for (const other of extraDbs.splice(0)) await other.close();
});

const T0 = new Date('2030-01-01T00:00:00.000Z');
const MINUTE = 60_000;
let clock = T0;
const at = (ms: number) => (clock = new Date(T0.getTime() + ms));

/** A runner on the test's clock, with its log lines kept; closed after the test. */
function makeRunner(on: Kysely<Database> = db, tickMs = 3_600_000) {
  const info: { obj: Record<string, unknown>; msg: string }[] = [];
  const errors: { obj: Record<string, unknown>; msg: string }[] = [];
  const runner = new JobRunner(on, {
    now: () => clock,
    tickMs,
    log: {
      info: (obj, msg) => info.push({ obj: { ...obj }, msg }),
      error: (obj, msg) => errors.push({ obj: { ...obj }, msg }),
    },
  });
  runners.push(runner);
  return Object.assign(runner, { info, errors });
}

/** A job that notes each run it is given. */
function countingJob(name: string, run: (r: JobRun) => Promise<string | void> = async () => {}) {
  const runs: JobRun[] = [];
  const job: Job = {
    name,
    everyMs: MINUTE,
    run: (r) => {
      runs.push(r);
      return run(r);
    },
  };
  return { job, runs };
}

async function rowOf(name: string) {
  return db.selectFrom('scheduled_jobs').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
}

describe('job runner', () => {
  it('runs a due job once when two runners claim it at the same moment', async () => {
    at(0);
    const other = openDatabase(t.url, t.schema ? { schema: t.schema } : {});
    extraDbs.push(other);
    // The run lasts a while, so the second claim comes while the first run is in progress.
    const { job, runs } = countingJob('test.race', () => delay(200));
    const pair = [makeRunner(), makeRunner(other.kysely)];
    for (const runner of pair) runner.add(job);
    await Promise.all(pair.map((runner) => runner.start()));
    const ran = await Promise.all(pair.map((runner) => runner.runDue()));
    assert.deepEqual(ran.sort(), [0, 1]);
    assert.equal(runs.length, 1);
    assert.equal((await rowOf('test.race')).run_count, 1);
  });

  it('keeps the next run time in the database, so a restarted runner waits until it is due', async () => {
    at(0);
    const first = makeRunner();
    const { job, runs } = countingJob('test.restart');
    first.add(job);
    await first.start();
    assert.equal(await first.runDue(), 1);
    await first.close();
    assert.equal(toDate((await rowOf('test.restart')).next_run_at).getTime(), T0.getTime() + MINUTE);

    const restarted = makeRunner();
    restarted.add(job);
    await restarted.start();
    at(MINUTE / 2);
    assert.equal(await restarted.runDue(), 0, 'not due yet after the restart');
    at(MINUTE);
    assert.equal(await restarted.runDue(), 1);
    assert.equal(runs.length, 2);
    assert.equal(runs[1]!.previousRunAt?.getTime(), T0.getTime(), 'the run is told when the previous one started');
  });

  it('records a failed run with its message and retries it when it is due again', async () => {
    at(0);
    const runner = makeRunner();
    let isBroken = true;
    const { job, runs } = countingJob('test.flaky', async () => {
      if (isBroken) throw new Error('feed unreachable');
      return 'feed read';
    });
    runner.add(job);
    await runner.start();
    assert.equal(await runner.runDue(), 1);
    let row = await rowOf('test.flaky');
    assert.equal(row.last_outcome, 'failed');
    assert.equal(row.last_message, 'feed unreachable');
    assert.equal(row.locked_by, null, 'the claim is released');
    assert.deepEqual(
      runner.errors.map((e) => [e.msg, e.obj.job]),
      [['job test.flaky failed', 'test.flaky']],
    );
    assert.equal(await runner.runDue(), 0, 'not again before it is due');
    isBroken = false;
    at(MINUTE);
    assert.equal(await runner.runDue(), 1);
    row = await rowOf('test.flaky');
    assert.equal(row.last_outcome, 'ok');
    assert.equal(row.last_message, 'feed read');
    assert.equal(row.run_count, 2);
    assert.equal(runs.length, 2);
  });

  it('takes over a job whose claim has expired (its holder died), but not one still held', async () => {
    at(0);
    const runner = makeRunner();
    const { job, runs } = countingJob('test.orphan');
    runner.add(job);
    await runner.start();
    await db
      .updateTable('scheduled_jobs')
      .set({ locked_by: 'dead-process', locked_until: toDbTime(new Date(T0.getTime() + 10 * MINUTE)) })
      .where('name', '=', 'test.orphan')
      .execute();
    at(5 * MINUTE);
    assert.equal(await runner.runDue(), 0, 'the claim still holds');
    at(10 * MINUTE);
    assert.equal(await runner.runDue(), 1);
    assert.equal(runs.length, 1);
    const row = await rowOf('test.orphan');
    assert.equal(row.locked_by, null);
    assert.equal(row.last_outcome, 'ok');
  });

  it('logs each run with the job, its duration and what it reports', async () => {
    at(0);
    const runner = makeRunner();
    runner.add(countingJob('test.logged', async () => '3 stories announced').job);
    await runner.start();
    await runner.runDue();
    assert.equal(runner.info.length, 1);
    const [line] = runner.info;
    assert.equal(line!.msg, 'job test.logged ran');
    assert.equal(line!.obj.job, 'test.logged');
    assert.equal(line!.obj.result, '3 stories announced');
    assert.equal(typeof line!.obj.ms, 'number');
  });

  it('logs a database failure from its ticks instead of failing in silence', async () => {
    at(0);
    const other = openDatabase(t.url, t.schema ? { schema: t.schema } : {});
    extraDbs.push(other);
    const runner = makeRunner(other.kysely, 20);
    runner.add(countingJob('test.no-database').job);
    await runner.start();
    await other.close();
    for (const end = Date.now() + 10_000; runner.errors.length === 0; await delay(20)) {
      if (Date.now() > end) assert.fail('no failure was logged');
    }
    assert.equal(runner.errors[0]!.msg, 'job test.no-database could not be run');
  });
});
