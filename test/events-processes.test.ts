// Events and jobs across real processes on one database: another process's event reaches this
// one (NOTIFY on PostgreSQL, polling on SQLite), an event survives its writer being killed right
// after the commit, and a due job runs once when two processes reach for it together.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { after, afterEach, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EventBus } from '../src/core/events/index.ts';
import { addHit, createHitTable, listHits } from './fixtures/test-events.ts';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from './helpers/database.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHILD = path.join(root, 'test/fixtures/events-child.ts');
/** Starting a child with tsx takes seconds on a busy machine; these only bound a hang. */
const STARTUP_MS = 60_000;
const DELIVERY_MS = 20_000;

let t: TestDatabase;
const children: ChildProcess[] = [];
const buses: EventBus[] = [];

before(async () => {
  t = await createTestDatabase();
  await createHitTable(t.db.kysely);
});
after(() => t.cleanup());
afterEach(async () => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const bus of buses.splice(0)) await bus.close();
});

/** Polls until `check` holds, within a deadline (no timing is asserted). */
async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  for (const end = Date.now() + ms; !(await check()); await delay(50)) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
  }
}

/** Starts test/fixtures/events-child.ts on the test database. */
function startChild(mode: 'record' | 'record-and-die' | 'run-jobs', n: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, t.url, t.schema ?? '-', mode, String(n)], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    /** How the child ended; fails if it has not ended within the deadline. */
    exited: () =>
      Promise.race([
        exit,
        delay(STARTUP_MS, undefined, { ref: false }).then(() => assert.fail(`the child did not exit: ${out} ${err}`)),
      ]),
    /** Waits for a line on the child's stdout; fails at once, with its stderr, if it exits first. */
    async said(line: string): Promise<void> {
      await waitFor(
        `the child to say "${line}"`,
        () => {
          if (out.split('\n').includes(line)) return true;
          if (child.exitCode !== null) assert.fail(`the child exited ${child.exitCode}: ${err}`);
          return false;
        },
        STARTUP_MS,
      );
    },
    lines: () => out.split('\n').filter(Boolean),
  };
}

/** This process's started bus, with a listener and a consumer that note what they get. */
async function startParentBus(consumer: string, options: { pollMs: number; isListening?: boolean }) {
  const errors: string[] = [];
  const bus = new EventBus(t.db.kysely, {
    log: { error: (_obj, msg) => errors.push(msg), debug() {} },
    pollMs: options.pollMs,
    ...(options.isListening ? { listen: t.db.listen } : {}),
  });
  buses.push(bus);
  const heard: number[] = [];
  bus.on('test.happened', (e) => void heard.push(e.payload.n));
  bus.consume(consumer, ['test.happened'], (trx, e) => addHit(trx, { n: e.payload.n, by: consumer }));
  await bus.start();
  const consumed = async () => (await listHits(t.db.kysely)).filter((h) => h.by === consumer).map((h) => h.n);
  return { heard, consumed, errors };
}

describe('events and jobs across processes', () => {
  it(`delivers an event recorded by another process (${TEST_ENGINE === 'postgres' ? 'NOTIFY' : 'polling'})`, async () => {
    // On PostgreSQL polling is off, so only the other process's NOTIFY can bring the event.
    const parent = await startParentBus(
      'from-child',
      TEST_ENGINE === 'postgres' ? { pollMs: 3_600_000, isListening: true } : { pollMs: 100 },
    );
    const child = startChild('record', 7);
    await child.said('recorded');
    assert.equal((await child.exited()).code, 0);
    await waitFor(
      'the event in this process',
      async () => parent.heard.length > 0 && (await parent.consumed()).length > 0,
      DELIVERY_MS,
    );
    assert.deepEqual(parent.heard, [7]);
    assert.deepEqual(await parent.consumed(), [7]);
    assert.deepEqual(parent.errors, []);
  });

  it('delivers an event whose process was killed right after committing it', async () => {
    const parent = await startParentBus('survivor', { pollMs: 100 });
    const child = startChild('record-and-die', 8);
    await child.said('committed'); // said from afterCommit, which then never delivers
    child.child.kill('SIGKILL');
    assert.equal((await child.exited()).signal, 'SIGKILL');
    // (A new consumer also catches up on the earlier tests' events: look for this one.)
    await waitFor('the outbox to deliver the event', async () => (await parent.consumed()).includes(8), DELIVERY_MS);
    assert.deepEqual(
      (await parent.consumed()).filter((n) => n === 8),
      [8],
      'delivered once',
    );
  });

  it('runs a due job once when two processes run their due jobs at the same moment', async () => {
    const pair = [startChild('run-jobs', 1), startChild('run-jobs', 2)];
    await Promise.all(pair.map((child) => child.said('ready')));
    for (const child of pair) child.child.stdin!.write('go\n');
    const exits = await Promise.all(pair.map((child) => child.exited()));
    assert.deepEqual(
      exits.map((e) => e.code),
      [0, 0],
    );
    assert.deepEqual(
      pair
        .flatMap((child) => child.lines())
        .filter((l) => l.startsWith('ran'))
        .sort(),
      ['ran 0', 'ran 1'],
    );
    const runs = (await listHits(t.db.kysely)).filter((h) => h.by.startsWith('child-'));
    assert.equal(runs.length, 1, 'the job ran in one process only');
  });
});
