// Prepared statements are reused per SQL text: SQLite prepares each text once (and gives a stream
// a statement of its own), PostgreSQL keeps one named statement per text on each connection.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

  it('gives rows the same objects better-sqlite3 gives, built from raw rows', () => {
    const c = counted();
    const texts = [
      `select n, n * 2 as "double", null as "none", x'00ff' as bytes from t order by n`,
      'select n as a, n + 1 as a from t where n = ?', // the later column wins, as in better-sqlite3
      `select n as "we'ird ""name""", n as "x y" from t where n = ?`,
      'select n from t where n > ?', // no rows
    ];
    for (const text of texts) {
      const parameters = text.includes('> ?') ? [9] : text.includes('?') ? [2] : [];
      const expected = c.native.prepare(text).all(parameters);
      const rows = c.db.prepare(text).all(parameters) as Record<string, unknown>[];
      assert.deepEqual(rows, expected, text);
      for (const row of rows) assert.equal(Object.getPrototypeOf(row), Object.prototype, text);
    }
    // better-sqlite3 would set the prototype instead (to a number: ignored); here it is a property.
    const [odd] = c.db.prepare('select n as "__proto__", n from t where n = 3').all([]) as object[];
    assert.equal(Object.getPrototypeOf(odd), Object.prototype);
    assert.deepEqual(Object.entries(odd!), [
      ['__proto__', 3],
      ['n', 3],
    ]);
  });

  it('reads rows by the current columns after the schema changes, here or on another connection', (t) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'warta-statements-')), 'db.sqlite');
    t.after(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));
    const native = new SQLite(file);
    const db = cachingSqliteDatabase(native);
    db.prepare('create table t (a integer)').run([]);
    db.prepare('insert into t values (1)').run([]);
    assert.deepEqual(db.prepare('select * from t').all([]), [{ a: 1 }]);
    // Through the cache: the kept statements go, and a renamed column is read by its new name.
    db.prepare('alter table t rename column a to b').run([]);
    assert.deepEqual(db.prepare('select * from t').all([]), [{ b: 1 }]);
    // On another connection (a migration in another process): SQLite prepares the statement again.
    const other = new SQLite(file);
    other.exec("alter table t add column c text default 'new'");
    other.close();
    assert.deepEqual(db.prepare('select * from t').all([]), [{ b: 1, c: 'new' }]);
    native.close();
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
