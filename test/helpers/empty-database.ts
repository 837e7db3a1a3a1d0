// An empty database that no migration has touched, for tests of migrations and first start:
// a temporary SQLite file, or a PostgreSQL schema of its own when WARTA_TEST_PG_URL is set.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../../src/core/db/database.ts';
import { withSchemaChangeLock } from '../../src/core/db/migrate.ts';

/** An unmigrated database, how another process can open it, and a data dir beside it. */
export interface EmptyDatabase {
  db: Db;
  url: string;
  /** PostgreSQL only. */
  schema: string | undefined;
  dataDir: string;
  /** Opens another connection (pool) to the same database. */
  open(): Db;
  cleanup(): Promise<void>;
}

/** Creates a private, empty database. */
export async function createEmptyDatabase(): Promise<EmptyDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-empty-'));
  // Empty means SQLite, as scripts/test.mjs sets it for the SQLite part.
  const pgUrl = process.env.WARTA_TEST_PG_URL || undefined;
  const schema = pgUrl ? `warta_empty_${process.pid}_${randomBytes(4).toString('hex')}` : undefined;
  const url = pgUrl ?? `sqlite:${path.join(dataDir, 'warta.db')}`;
  if (pgUrl && schema) {
    const admin = openDatabase(pgUrl);
    await sql`create schema ${sql.id(schema)}`.execute(admin.kysely);
    await admin.close();
  }
  const open = () => openDatabase(url, { schema });
  const db = open();
  return {
    db,
    url,
    schema,
    dataDir,
    open,
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
