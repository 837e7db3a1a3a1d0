// The event bus in one process: what reaches listeners and consumers, in what order, how often,
// and what happens when they fail, start late or restart. Runs on SQLite and on PostgreSQL.
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../../../test/helpers/database.ts';
import { addHit, createHitTable, listHits } from '../../../test/fixtures/test-events.ts';
import { channelFor, EventBus, type EventBusOptions } from './bus.ts';
import { runCommand } from './command.ts';

let t: TestDatabase;
let db: Kysely<Database>;
const buses: EventBus[] = [];
const extraDbs: Db[] = [];

before(async () => {
  t = await createTestDatabase();
  db = t.db.kysely;
  await createHitTable(db);
});
after(() => t.cleanup());
beforeEach(async () => {
  // Each test starts from an empty outbox (ids keep growing) and uses consumer names of its own.
  await db.deleteFrom('outbox_events').execute();
  await sql`delete from test_hits`.execute(db);
});
afterEach(async () => {
  for (const bus of buses.splice(0)) await bus.close();
  for (const other of extraDbs.splice(0)) await other.close();
});

/** A bus whose logged errors the test can read; closed after the test. */
function makeBus(options: Partial<EventBusOptions> = {}, on: Kysely<Database> = db) {
  const errors: { obj: object; msg: string }[] = [];
  const log = { error: (obj: object, msg: string) => errors.push({ obj, msg }), debug() {} };
  const bus = new EventBus(on, { log, ...options });
  buses.push(bus);
  return Object.assign(bus, { errors });
}

/** A second connection to the test database, as another process would have; closed after the test. */
function openAgain(): Db {
  const other = openDatabase(t.url, t.schema ? { schema: t.schema } : {});
  extraDbs.push(other);
  return other;
}

/** Commits one command that records `test.happened` for each n, through `bus`. */
function commit(bus: EventBus, ...ns: number[]): Promise<void> {
  return runCommand({ db, events: bus, now: () => new Date() }, async (_trx, emit) => {
    for (const n of ns) await emit('test.happened', { n });
  });
}

/** Hits written by one consumer, sorted. */
async function hitsBy(by: string): Promise<number[]> {
  return (await listHits(db))
    .filter((h) => h.by === by)
    .map((h) => h.n)
    .sort((a, b) => a - b);
}

async function cursorOf(consumer: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('event_cursors')
    .select('last_id')
    .where('consumer', '=', consumer)
    .executeTakeFirst();
  return row && Number(row.last_id);
}

/** Polls until `check` holds; gives up after a generous deadline (other processes, busy machines). */
async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; !(await check()); await delay(50)) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
  }
}

describe('event bus', () => {
  it('delivers committed events in outbox order to listeners and consumers, and never a rolled-back one', async () => {
    const bus = makeBus();
    const heard: number[] = [];
    const consumed: number[] = [];
    bus.on('test.happened', (e) => void heard.push(e.payload.n));
    bus.consume('order', ['test.happened'], async (trx, e) => {
      consumed.push(e.payload.n);
      await addHit(trx, { n: e.payload.n, by: 'order' });
    });
    await bus.start();
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await bus.record(trx, 'test.happened', { n: 0 });
        throw new Error('undo');
      }),
      /undo/,
    );
    await commit(bus, 1, 2);
    await commit(bus, 3);
    await bus.deliver();
    assert.deepEqual(heard, [1, 2, 3]);
    assert.deepEqual(consumed, [1, 2, 3]);
    assert.deepEqual(await hitsBy('order'), [1, 2, 3]);
  });

  it('lets a command wait for a slower one that recorded first, so no listener skips its event', async () => {
    const bus = makeBus();
    const heard: number[] = [];
    bus.on('test.happened', (e) => void heard.push(e.payload.n));
    await bus.start();
    let release!: () => void;
    const slow = db.transaction().execute(async (trx) => {
      await bus.record(trx, 'test.happened', { n: 1 });
      await new Promise<void>((resolve) => (release = resolve));
    });
    await waitFor('the slow command to record', () => release !== undefined);
    // Without the outbox lock this commits first, the listener's cursor passes the slow
    // command's smaller id, and that event is never heard. (On SQLite it waits for the writer.)
    const fast = commit(bus, 2);
    await Promise.race([fast, delay(500)]);
    release();
    await slow;
    await bus.afterCommit();
    await fast;
    assert.deepEqual(heard, [1, 2]);
  });

  it('keeps delivering to the other listeners when one throws, and logs the failure', async () => {
    const bus = makeBus();
    const heard: number[] = [];
    bus.on('test.happened', () => {
      throw new Error('listener broke');
    });
    bus.on('test.happened', (e) => void heard.push(e.payload.n));
    await bus.start();
    await commit(bus, 1);
    await commit(bus, 2);
    assert.deepEqual(heard, [1, 2]);
    assert.equal(bus.errors.filter((e) => e.msg === 'event listener failed').length, 2);
  });

  it('rolls back a failing consumer batch with its cursor and retries it at the next delivery', async () => {
    const bus = makeBus();
    const failOn = new Set([3]);
    const heard: number[] = [];
    bus.on('test.happened', (e) => void heard.push(e.payload.n));
    bus.consume('flaky', ['test.happened'], async (trx, e) => {
      await addHit(trx, { n: e.payload.n, by: 'flaky' });
      if (failOn.has(e.payload.n)) throw new Error('consumer broke');
    });
    bus.consume('steady', ['test.happened'], (trx, e) => addHit(trx, { n: e.payload.n, by: 'steady' }));
    await bus.start();
    await commit(bus, 1);
    const cursor = await cursorOf('flaky');
    await commit(bus, 2, 3); // one batch: the hit for 2 is written, then 3 fails
    assert.deepEqual(await hitsBy('flaky'), [1], 'the batch rolled back');
    assert.equal(await cursorOf('flaky'), cursor, 'the cursor did not move');
    assert.ok(bus.errors.some((e) => e.msg === 'event consumer failed; will retry'));
    assert.deepEqual(await hitsBy('steady'), [1, 2, 3], 'other consumers go on');
    assert.deepEqual(heard, [1, 2, 3], 'listeners go on');
    failOn.clear();
    await commit(bus, 4);
    assert.deepEqual(await hitsBy('flaky'), [1, 2, 3, 4]);
  });

  it('handles each event once per site when two processes consume under the same name', async () => {
    // Two pools on PostgreSQL, where they really run at once. On SQLite both share the one
    // connection: two connections in one process would stall each other's event loop.
    const otherDb = TEST_ENGINE === 'postgres' ? openAgain().kysely : db;
    const buses = [makeBus(), makeBus({}, otherDb)];
    const heard = buses.map(() => [] as number[]);
    buses.forEach((bus, i) => {
      bus.on('test.happened', (e) => void heard[i]!.push(e.id));
      bus.consume('shared', ['test.happened'], (trx, e) => addHit(trx, { n: e.payload.n, by: `bus-${i}` }));
    });
    await Promise.all(buses.map((bus) => bus.start()));
    const ns = Array.from({ length: 20 }, (_, n) => n);
    await Promise.all(ns.map((n) => commit(buses[n % 2]!, n)));
    await Promise.all(buses.map((bus) => bus.deliver()));
    const hits = await listHits(db);
    assert.deepEqual(
      hits.map((h) => h.n).sort((a, b) => a - b),
      ns,
      'each event handled exactly once',
    );
    const ids = (await db.selectFrom('outbox_events').select('id').orderBy('id').execute()).map((r) => Number(r.id));
    assert.deepEqual(heard[0], ids, 'the first process heard every event, in order');
    assert.deepEqual(heard[1], ids, 'the second process heard every event, in order');
  });

  it('lets a new consumer catch up on the outbox, while a restarted bus does not replay old events', async () => {
    const first = makeBus();
    const firstHeard: number[] = [];
    first.on('test.happened', (e) => void firstHeard.push(e.payload.n));
    first.consume('resumable', ['test.happened'], (trx, e) => addHit(trx, { n: e.payload.n, by: 'resumable' }));
    await first.start();
    await commit(first, 1, 2);
    await first.close();
    assert.deepEqual(firstHeard, [1, 2]);

    const restarted = makeBus();
    const heard: number[] = [];
    restarted.on('test.happened', (e) => void heard.push(e.payload.n));
    restarted.consume('resumable', ['test.happened'], (trx, e) => addHit(trx, { n: e.payload.n, by: 'resumable' }));
    restarted.consume('late', ['test.happened'], (trx, e) => addHit(trx, { n: e.payload.n, by: 'late' }));
    await restarted.start();
    assert.deepEqual(heard, [], 'listeners start at the newest event');
    assert.deepEqual(await hitsBy('resumable'), [1, 2], 'the consumer resumed after its cursor');
    assert.deepEqual(await hitsBy('late'), [1, 2], 'the new consumer caught up');
    await commit(restarted, 3);
    assert.deepEqual(heard, [3]);
    assert.deepEqual(await hitsBy('resumable'), [1, 2, 3]);
  });

  it('lets a consumer of a rare event catch up on a long outbox in one batch, never missing one', async () => {
    const bus = makeBus();
    await bus.start();
    await commit(bus, ...Array.from({ length: 350 }, (_, i) => i));
    await runCommand({ db, events: bus, now: () => new Date() }, (_trx, emit) => emit('test.rare', { n: 1000 }));
    await commit(bus, ...Array.from({ length: 250 }, (_, i) => 2000 + i));
    const late = makeBus();
    const batches: number[][] = [];
    late.consumeBatches('rare-late', ['test.rare'], async (trx, events) => {
      batches.push(events.map((e) => e.payload.n));
      for (const e of events) await addHit(trx, { n: e.payload.n, by: 'rare-late' });
    });
    await late.start();
    assert.deepEqual(batches, [[1000]], 'one batch, with the one event of its type');
    const newest = await db
      .selectFrom('outbox_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    const cursor = await db
      .selectFrom('event_cursors')
      .select('last_id')
      .where('consumer', '=', 'rare-late')
      .executeTakeFirst();
    assert.equal(Number(cursor?.last_id), Number(newest?.id), 'its cursor moved to the newest event');
    await runCommand({ db, events: late, now: () => new Date() }, (_trx, emit) => emit('test.rare', { n: 1001 }));
    assert.deepEqual(await hitsBy('rare-late'), [1000, 1001], 'and the next one still reaches it');
  });

  it('reads the outbox in batches of the size it is given, to consumers and listeners alike', async () => {
    const bus = makeBus({ batchSize: 3 });
    const heard: number[] = [];
    bus.on('test.happened', (e) => void heard.push(e.payload.n));
    const batches: number[][] = [];
    bus.consumeBatches('batched', ['test.happened'], async (trx, events) => {
      batches.push(events.map((e) => e.payload.n));
      for (const e of events) await addHit(trx, { n: e.payload.n, by: 'batched' });
    });
    await bus.start();
    await commit(bus, 1, 2, 3, 4, 5, 6, 7);
    assert.deepEqual(batches, [[1, 2, 3], [4, 5, 6], [7]]);
    assert.deepEqual(heard, [1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(await hitsBy('batched'), [1, 2, 3, 4, 5, 6, 7]);
    for (const batchSize of [0, 2.5, Number.NaN])
      assert.throws(() => new EventBus(db, { log: { error() {}, debug() {} }, batchSize }), /batchSize/);
  });

  it('prunes old events only once every consumer has handled them', async () => {
    const bus = makeBus();
    bus.consume('pruned-a', ['test.happened'], (trx, e) => addHit(trx, { n: e.payload.n, by: 'pruned-a' }));
    await commit(bus, 1, 2);
    const later = new Date(Date.now() + 60_000);
    const count = async () => (await db.selectFrom('outbox_events').select('id').execute()).length;
    bus.consume('pruned-b', ['test.happened'], (trx, e) => addHit(trx, { n: e.payload.n, by: 'pruned-b' }));
    assert.equal(await bus.prune(later), 0, 'a consumer that has handled nothing keeps everything');
    await bus.deliver();
    assert.equal(await bus.prune(new Date(Date.now() - 60_000)), 0, 'young events stay');
    assert.equal(await bus.prune(later), 2);
    assert.equal(await count(), 0);
  });

  it('runs the consumers of a bus that is not started, but not its listeners', async () => {
    await commit(makeBus(), 1); // from before: an unstarted listener must not get the archive
    const bus = makeBus();
    const heard: number[] = [];
    bus.on('test.happened', (e) => void heard.push(e.payload.n));
    bus.consume('unstarted', ['test.happened'], (trx, e) => addHit(trx, { n: e.payload.n, by: 'unstarted' }));
    await commit(bus, 2);
    assert.deepEqual(await hitsBy('unstarted'), [1, 2]);
    assert.deepEqual(heard, []);
    await bus.start();
    await commit(bus, 3);
    assert.deepEqual(heard, [3]);
  });

  it('resolves a committed command even when its events cannot be delivered now, and logs why', async () => {
    const broken = openAgain();
    const bus = makeBus({ pollMs: 3_600_000 }, broken.kysely);
    bus.on('test.happened', () => {});
    await bus.start();
    await broken.close(); // the bus's database is gone; the command's own is fine
    await commit(bus, 1);
    const outbox = await db.selectFrom('outbox_events').select('payload').execute();
    assert.deepEqual(
      outbox.map((r) => JSON.parse(r.payload)),
      [{ n: 1 }],
      'the event waits in the outbox',
    );
    assert.ok(bus.errors.some((e) => e.msg === 'event delivery failed; will retry'));
  });

  it(
    'on PostgreSQL, hears NOTIFY again after its LISTEN connection is lost',
    { skip: TEST_ENGINE !== 'postgres' },
    async () => {
      // Polling is off, so only a notification (or the catch-up after reconnecting) delivers.
      const bus = makeBus({ listen: t.db.listen, pollMs: 3_600_000 });
      const heard: number[] = [];
      bus.on('test.happened', (e) => void heard.push(e.payload.n));
      await bus.start();
      const { rows } = await sql<{ n: number }>`
      select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
      where query = ${`LISTEN "warta_events_${t.schema}"`}`.execute(db);
      assert.equal(rows[0]?.n, 1, 'the listening connection was found and ended');
      await commit(makeBus(), 1); // a bus that never started, like a CLI run, still notifies
      await waitFor('the event after reconnecting', () => heard.length === 1);
      await commit(makeBus(), 2);
      await waitFor('the next notification', () => heard.length === 2);
      assert.deepEqual(heard, [1, 2]);
      assert.ok(bus.errors.some((e) => e.msg === 'event notifications lost; reconnecting'));
    },
  );
});

describe('the NOTIFY channel', () => {
  it('is named after the schema, and a hash keeps a long schema name within 63 bytes', () => {
    assert.equal(channelFor('public'), 'warta_events_public');
    const long = channelFor('s'.repeat(60));
    assert.ok(Buffer.byteLength(long) <= 63, long);
    assert.notEqual(long, channelFor(`${'s'.repeat(59)}t`), 'two long names get two channels');
  });
});
