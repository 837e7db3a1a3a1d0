// A fresh, migrated database per test file: a temporary SQLite file, or, when the suite runs
// on PostgreSQL (WARTA_TEST_PG_URL set by scripts/test.mjs), a schema of its own that is dropped afterwards.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../../src/core/db/database.ts';
import { migrateToLatest, withSchemaChangeLock } from '../../src/core/db/migrate.ts';

/** A test database and the data dir beside it. */
export interface TestDatabase {
  db: Db;
  url: string;
  schema: string | undefined;
  dataDir: string;
  cleanup(): Promise<void>;
}

/** The engine this test run uses. */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.WARTA_TEST_PG_URL ? 'postgres' : 'sqlite';

/** Creates, opens and migrates a private database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-test-'));
  const pgUrl = process.env.WARTA_TEST_PG_URL;
  let db: Db;
  let schema: string | undefined;
  let url: string;
  if (pgUrl) {
    schema = `warta_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    url = pgUrl;
    const admin = openDatabase(pgUrl);
    await sql`create schema ${sql.id(schema)}`.execute(admin.kysely);
    await admin.close();
    db = openDatabase(pgUrl, { schema });
  } else {
    url = `sqlite:${path.join(dataDir, 'warta.db')}`;
    db = openDatabase(url);
  }
  await migrateToLatest(db.kysely);
  return {
    db,
    url,
    schema,
    dataDir,
    async cleanup() {
      await db.close();
      if (pgUrl && schema) {
        const admin = openDatabase(pgUrl);
        await withSchemaChangeLock(admin.kysely, () =>
          sql`drop schema ${sql.id(schema)} cascade`.execute(admin.kysely),
        );
        await admin.close();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
