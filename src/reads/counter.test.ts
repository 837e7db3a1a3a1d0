// The in-memory side of read counting: the reload memory, the counter's batching, and the
// batched write, exact on both engines.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { makeArticle } from '../../test/helpers/factories.ts';
import { seedBase } from '../../seed/editions.ts';
import { ReadCounter, type WriteReads } from './counter.ts';
import { writeReads, type ReadBatch } from './queries.ts';
import { RecentSet } from './recent-set.ts';
import { writerFor } from '../../test/helpers/writer.ts';

const quiet = { error: () => undefined };

function counterWith(write: WriteReads, overrides: { flushSize?: number; now?: () => Date } = {}) {
  return new ReadCounter({
    write,
    timezone: () => 'Asia/Jakarta',
    now: overrides.now ?? (() => new Date('2024-06-16T05:00:00Z')),
    flushIntervalMs: 60_000,
    flushSize: overrides.flushSize ?? 1000,
    log: quiet,
  });
}

/** A batch as plain data: { id: { day: reads } }. */
function plain(batch: ReadBatch): Record<number, Record<string, number>> {
  return Object.fromEntries([...batch].map(([id, days]) => [id, Object.fromEntries(days)]));
}

describe('RecentSet (reload memory)', () => {
  it('remembers a key until its time to live has passed', () => {
    const set = new RecentSet(1000, 10);
    set.add('a', 0);
    assert.equal(set.has('a', 999), true);
    assert.equal(set.has('a', 1000), false);
    assert.equal(set.has('b', 0), false);
  });

  it('renews an entry that is set again', () => {
    const set = new RecentSet(1000, 10);
    set.add('reader', 0);
    set.add('other', 500);
    set.add('reader', 900);
    assert.equal(set.has('reader', 1500), true);
    assert.equal(set.has('other', 1500), false);
  });

  it('never holds more than its maximum, forgetting the oldest first', () => {
    const set = new RecentSet(60_000, 3);
    for (const [i, key] of ['a', 'b', 'c', 'd', 'e'].entries()) set.add(key, i);
    assert.equal(set.size, 3);
    assert.deepEqual(
      ['a', 'b', 'c', 'd', 'e'].map((k) => set.has(k, 10)),
      [false, false, true, true, true],
    );
  });

  it('drops expired keys when adding, so memory follows the traffic of the last window', () => {
    const set = new RecentSet(100, 1000);
    for (let i = 0; i < 50; i++) set.add(`k${i}`, i);
    set.add('late', 500);
    assert.equal(set.size, 1);
  });
});

describe('ReadCounter', () => {
  it('buckets reads per article and per day in the site time zone', async () => {
    let clock = new Date('2024-06-15T16:59:00Z'); // 23:59 in Jakarta
    const batches: ReadBatch[] = [];
    const counter = counterWith(async (b) => (batches.push(b), 0), { now: () => clock });
    counter.record(7);
    counter.record(7);
    clock = new Date('2024-06-15T17:01:00Z'); // 00:01 the next day in Jakarta
    counter.record(7);
    counter.record(9);
    assert.equal(counter.pendingFor(7), 3);
    assert.equal(counter.pendingTotal, 4);
    await counter.flush();
    assert.deepEqual(plain(batches[0]!), { 7: { '2024-06-15': 2, '2024-06-16': 1 }, 9: { '2024-06-16': 1 } });
    assert.equal(counter.pendingTotal, 0);
  });

  it('keeps a failed batch and writes it with the next flush, adding nothing twice', async () => {
    let isDown = true;
    const written: ReadBatch[] = [];
    const counter = counterWith(async (b) => {
      if (isDown) throw new Error('database unavailable');
      written.push(b);
      return 0;
    });
    for (let i = 0; i < 5; i++) counter.record(1);
    await assert.rejects(counter.flush(), /database unavailable/);
    assert.equal(counter.pendingFor(1), 5, 'the failed batch is pending again');
    counter.record(1);
    counter.record(2);
    isDown = false;
    await counter.flush();
    assert.deepEqual(plain(written[0]!), { 1: { '2024-06-16': 6 }, 2: { '2024-06-16': 1 } });
    assert.equal(counter.pendingTotal, 0);
    await counter.flush();
    assert.equal(written.length, 1, 'an empty flush writes nothing');
  });

  it('counts reads made while a batch is being written in the next batch, and shows both meanwhile', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const written: ReadBatch[] = [];
    const counter = counterWith(async (b) => {
      written.push(b);
      if (written.length === 1) await gate;
      return 0;
    });
    counter.record(3);
    counter.record(3);
    const first = counter.flush();
    await Promise.resolve();
    counter.record(3);
    assert.equal(counter.pendingFor(3), 3, 'the batch in flight still counts on the page');
    const second = counter.flush();
    release();
    await Promise.all([first, second]);
    assert.deepEqual(
      written.map((b) => plain(b)[3]),
      [{ '2024-06-16': 2 }, { '2024-06-16': 1 }],
    );
    assert.equal(counter.pendingFor(3), 0);
  });

  it('flushes by itself when a batch is full', async () => {
    const written: ReadBatch[] = [];
    let done!: () => void;
    const flushed = new Promise<void>((resolve) => (done = resolve));
    const counter = counterWith(
      async (b) => {
        written.push(b);
        done();
        return 0;
      },
      { flushSize: 3 },
    );
    counter.record(1);
    counter.record(2);
    assert.equal(written.length, 0);
    counter.record(1);
    await flushed;
    assert.deepEqual(plain(written[0]!), { 1: { '2024-06-16': 2 }, 2: { '2024-06-16': 1 } });
  });

  it('stops its timer and writes what is pending on close', async () => {
    const written: ReadBatch[] = [];
    const counter = counterWith(async (b) => (written.push(b), 0));
    counter.start();
    assert.equal(counter.isRunning, true);
    counter.record(4);
    await counter.close();
    assert.equal(counter.isRunning, false);
    assert.deepEqual(plain(written[0]!), { 4: { '2024-06-16': 1 } });
  });
});

describe('writeReads (the flush transaction)', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
    await seedBase(writerFor(t.db.kysely));
  });
  after(() => t.cleanup());

  const hits = async (id: number) =>
    Number(
      (await t.db.kysely.selectFrom('articles').select('hit_count').where('id', '=', id).executeTakeFirstOrThrow())
        .hit_count,
    );
  const daily = async (id: number) =>
    (
      await t.db.kysely
        .selectFrom('article_reads_daily')
        .select(['day', 'reads'])
        .where('article_id', '=', id)
        .orderBy('day')
        .execute()
    ).map((r) => [r.day, Number(r.reads)]);

  it('adds exactly the batch to hit_count and to the daily totals, merging into existing days', async () => {
    const a = await makeArticle(t.db.kysely, { hit_count: 100 });
    const b = await makeArticle(t.db.kysely);
    const written = await writeReads(
      t.db.kysely,
      new Map([
        [
          a.id,
          new Map([
            ['2024-06-15', 3],
            ['2024-06-16', 2],
          ]),
        ],
        [b.id, new Map([['2024-06-16', 1]])],
      ]),
    );
    assert.equal(written, 6);
    await writeReads(t.db.kysely, new Map([[a.id, new Map([['2024-06-16', 4]])]]));
    assert.equal(await hits(a.id), 109);
    assert.equal(await hits(b.id), 1);
    assert.deepEqual(await daily(a.id), [
      ['2024-06-15', 3],
      ['2024-06-16', 6],
    ]);
    assert.deepEqual(await daily(b.id), [['2024-06-16', 1]]);
  });

  it('drops reads of an article deleted since, and still writes the others', async () => {
    const kept = await makeArticle(t.db.kysely);
    const gone = await makeArticle(t.db.kysely);
    await t.db.kysely.deleteFrom('articles').where('id', '=', gone.id).execute();
    const written = await writeReads(
      t.db.kysely,
      new Map([
        [gone.id, new Map([['2024-06-16', 5]])],
        [kept.id, new Map([['2024-06-16', 2]])],
      ]),
    );
    assert.equal(written, 2);
    assert.equal(await hits(kept.id), 2);
  });

  it('loses nothing and adds nothing twice when the database refuses a flush', async () => {
    const db = t.db.kysely;
    const a = await makeArticle(db, { hit_count: 10 });
    const counter = counterWith((batch) => writeReads(db, batch));
    for (let i = 0; i < 4; i++) counter.record(a.id);
    // The daily table is unavailable: the transaction fails after its UPDATE and rolls back.
    await sql`alter table article_reads_daily rename to article_reads_daily_away`.execute(db);
    try {
      await assert.rejects(counter.flush());
    } finally {
      await sql`alter table article_reads_daily_away rename to article_reads_daily`.execute(db);
    }
    assert.equal(await hits(a.id), 10, 'the failed transaction left no trace');
    assert.equal(counter.pendingFor(a.id), 4);
    counter.record(a.id);
    await counter.flush();
    assert.equal(await hits(a.id), 15);
    assert.deepEqual(await daily(a.id), [['2024-06-16', 5]]);
  });
});
