// The migration runner: a failing migration undoes its whole run on both engines, names itself,
// records nothing, and SQLite gets its foreign keys back on and intact afterwards.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { TEST_ENGINE } from '../../../test/helpers/database.ts';
import { createEmptyDatabase, type EmptyDatabase } from '../../../test/helpers/empty-database.ts';
import { engineOf } from './dialect.ts';
import { migrateToLatest } from './migrate.ts';

const FAILING = fileURLToPath(new URL('./fixtures/failing-migrations', import.meta.url));
const ORPHANING = fileURLToPath(new URL('./fixtures/orphaning-migrations', import.meta.url));

async function tableExists(db: Kysely<any>, name: string): Promise<boolean> {
  if (engineOf(db) === 'postgres') {
    const { rows } = await sql<{ oid: string | null }>`select to_regclass(${name})::text as oid`.execute(db);
    return rows[0]?.oid != null;
  }
  const { rows } = await sql`select name from sqlite_master where type = 'table' and name = ${name}`.execute(db);
  return rows.length > 0;
}

async function recordedMigrations(db: Kysely<any>): Promise<string[]> {
  if (!(await tableExists(db, 'kysely_migration'))) return [];
  const rows = await db.selectFrom('kysely_migration').select('name').orderBy('name').execute();
  return rows.map((r) => r.name as string);
}

let t: EmptyDatabase;
before(async () => {
  t = await createEmptyDatabase();
});
after(() => t.cleanup());

describe('migrateToLatest', () => {
  it('undoes the whole run when a migration fails, records nothing and names the migration', async () => {
    const db = t.db.kysely;
    await assert.rejects(migrateToLatest(db, { folder: FAILING }), (error: Error) => {
      assert.match(error.message, /^migration 0002-create-then-fail failed: fails on purpose$/);
      return true;
    });
    assert.equal(await tableExists(db, 'fixture_doomed'), false, 'the failing migration left no table');
    assert.equal(await tableExists(db, 'fixture_notes'), false, 'the earlier migration of the run is undone too');
    assert.deepEqual(await recordedMigrations(db), []);
  });

  it('refuses a migration that leaves a row pointing at a missing parent', async () => {
    const db = t.db.kysely;
    // PostgreSQL refuses the insert; SQLite, whose keys are off while migrating, the check after it.
    const reason =
      TEST_ENGINE === 'sqlite'
        ? /rows point at missing parents: fixture_children → fixture_parents \(1 in all\)$/
        : /foreign key/;
    await assert.rejects(migrateToLatest(db, { folder: ORPHANING }), (error: Error) => {
      assert.match(error.message, /^migration 0001-orphan-a-row failed: /);
      assert.match(error.message, reason);
      return true;
    });
    assert.equal(await tableExists(db, 'fixture_children'), false);
    assert.deepEqual(await recordedMigrations(db), []);
  });

  it('then runs the real migrations, and a second run has nothing to do', async () => {
    const db = t.db.kysely;
    const applied = await migrateToLatest(db);
    assert.ok(applied.length >= 7, applied.join(', '));
    assert.equal(applied[0], '0001-initial');
    assert.deepEqual(await recordedMigrations(db), applied);
    assert.deepEqual(await migrateToLatest(db), []);
  });

  it('leaves SQLite with foreign keys on and every reference intact', { skip: TEST_ENGINE !== 'sqlite' }, async () => {
    const db = t.db.kysely;
    const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    assert.equal(keys.rows[0]?.foreign_keys, 1);
    const broken = await sql`pragma foreign_key_check`.execute(db);
    assert.deepEqual(broken.rows, []);
    // Still enforced: a tag link to a missing article is refused.
    await assert.rejects(
      db.insertInto('article_tags').values({ article_id: 999, tag_id: 999 }).execute(),
      /FOREIGN KEY constraint failed/,
    );
  });
});
