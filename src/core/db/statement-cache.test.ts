// Prepared statements are reused per SQL text: SQLite prepares each text once (and gives a stream
// a statement of its own), PostgreSQL keeps one named statement per text on each connection.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { createTestDatabase, TEST_ENGINE } from '../../../test/helpers/database.ts';
import { cachingSqliteDatabase } from './statement-cache.ts';

describe('SQLite statement cache', () => {
  function counted() {
    const native = new SQLite(':memory:');
    native.exec('create table t (n integer); insert into t values (1), (2), (3)');
    let prepared = 0;
    const prepare = native.prepare.bind(native);
    native.prepare = ((text: string) => {
      prepared++;
      return prepare(text);
    }) as typeof native.prepare;
    return { native, db: cachingSqliteDatabase(native, 2), prepared: () => prepared };
  }

  it('prepares a text once and reuses its statement', () => {
    const c = counted();
    const select = 'select n from t where n >= ? order by n';
    assert.deepEqual(c.db.prepare(select).all([2]), [{ n: 2 }, { n: 3 }]);
    assert.deepEqual(c.db.prepare(select).all([3]), [{ n: 3 }]);
    assert.equal(c.db.prepare('insert into t values (?)').run([4]).changes, 1);
    assert.equal(c.db.prepare(select).reader, true);
    assert.equal(c.prepared(), 2);
  });

  it('keeps only the most recently used texts', () => {
    const c = counted();
    for (const n of [1, 2, 3]) c.db.prepare(`select ${n} as n`).all([]);
    c.db.prepare('select 3 as n').all([]);
    assert.equal(c.prepared(), 3);
    c.db.prepare('select 1 as n').all([]); // dropped when the third came in
    assert.equal(c.prepared(), 4);
  });

  it('gives a stream a statement of its own, so the same text runs while it is read', () => {
    const c = counted();
    const select = 'select n from t order by n';
    const seen = [];
    for (const row of c.db.prepare(select).iterate([]) as Iterable<{ n: number }>) {
      seen.push([row.n, c.db.prepare(select).all([]).length]);
    }
    assert.deepEqual(seen, [
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });
});

describe(`statements through the app's database (${TEST_ENGINE})`, () => {
  it('answer repeated queries correctly, and PostgreSQL keeps one named statement per text', async () => {
    const t = await createTestDatabase();
    try {
      const db = t.db.kysely;
      const editions = (code: string) => db.selectFrom('editions').select('code').where('code', '=', code).execute();
      await db
        .insertInto('editions')
        .values({ code: 'en', name: 'English', locale: 'en', direction: 'ltr', position: 0, is_active: 1 })
        .execute();
      for (let i = 0; i < 3; i++) {
        assert.deepEqual(await editions('en'), [{ code: 'en' }]);
        assert.deepEqual(await editions('xx'), []);
      }
      if (TEST_ENGINE === 'postgres') {
        // On one connection (a transaction), the same text twice: one named statement.
        await db.transaction().execute(async (trx) => {
          await trx.selectFrom('editions').select('name').where('code', '=', 'en').execute();
          await trx.selectFrom('editions').select('name').where('code', '=', 'en').execute();
          const { rows } = await sql<{
            n: number;
          }>`select count(*)::int as n from pg_prepared_statements where statement like 'select "name" from "editions"%'`.execute(
            trx,
          );
          assert.equal(rows[0]?.n, 1);
        });
      }
    } finally {
      await t.cleanup();
    }
  });
});
