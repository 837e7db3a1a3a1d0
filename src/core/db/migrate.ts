// Runs the versioned migrations in ./migrations, one file per version for both engines. Each run
// is one transaction on both engines, so a failing migration leaves the schema as it was.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import {
  FileMigrationProvider,
  Migrator,
  sql,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely';
import { engineOf } from './dialect.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));

/**
 * A PostgreSQL advisory lock taken around migrations and schema drops. Kysely's table checks
 * read the catalogue of every schema, which fails while another session drops a schema; app
 * servers starting together and test runs creating and dropping schemas take turns instead.
 */
const SCHEMA_CHANGE_LOCK = 727_001;

/** How long an SQLite migration run waits for another process's run to finish. */
const SQLITE_WAIT_MS = 10 * 60_000;

/** Runs `work` while holding the schema-change lock (PostgreSQL); on SQLite runs it directly. */
export async function withSchemaChangeLock<T>(db: Kysely<any>, work: () => Promise<T>): Promise<T> {
  if (engineOf(db) !== 'postgres') return work();
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${SCHEMA_CHANGE_LOCK})`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${SCHEMA_CHANGE_LOCK})`.execute(connection);
    }
  });
}

/** Where the migrations come from. */
export interface MigrateOptions {
  /** A folder of migration files; the project's ./migrations unless a test names another. */
  folder?: string;
}

/** Brings the schema to the newest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>, options: MigrateOptions = {}): Promise<string[]> {
  const folder = options.folder ?? MIGRATIONS_DIR;
  if (engineOf(db) === 'postgres') return withSchemaChangeLock(db, () => runMigrations(db, folder));
  return inSqliteMigrationTransaction(db, (connection) => runMigrations(connection, folder));
}

/**
 * The migrations in the folder that the database has not run (the readiness check). Reads
 * Kysely's bookkeeping table directly, without the Migrator's catalogue checks (see above);
 * throws when the table is missing, i.e. nothing has been migrated.
 */
export async function listPendingMigrations(db: Kysely<any>, options: MigrateOptions = {}): Promise<string[]> {
  const files = await fs.readdir(options.folder ?? MIGRATIONS_DIR);
  // FileMigrationProvider's rule: a migration is a .ts/.js file, named by its name without the extension.
  const names = files
    .filter((f) => /\.(m?[jt]s)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => f.replace(/\.[^.]+$/, ''));
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const done = new Set(rows.map((r) => r.name));
  return names.filter((name) => !done.has(name));
}

async function runMigrations(db: Kysely<any>, folder: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: checkedProvider(db, new FileMigrationProvider({ fs, path, migrationFolder: folder })),
    // On PostgreSQL, Kysely looks for its bookkeeping tables in every schema on the search
    // path unless told which; name ours, so databases with several Warta schemas stay apart.
    ...(engineOf(db) === 'postgres' ? { migrationTableSchema: await currentSchema(db) } : {}),
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  const failed = result.results?.find((r) => r.status === 'Error');
  if (result.error) {
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * SQLite: the whole run on one connection, in one IMMEDIATE transaction, with foreign keys off.
 * Kysely's Migrator opens a transaction only where the adapter claims transactional DDL
 * (PostgreSQL), yet SQLite's DDL is transactional too. Foreign keys go off because a table
 * rebuild drops a parent table (whose implicit delete would cascade into the children), and the
 * pragma cannot change inside a transaction; checkedProvider puts the check back after each
 * migration. IMMEDIATE takes the write lock first, so a second process waits, then finds nothing to do.
 */
async function inSqliteMigrationTransaction<T>(db: Kysely<any>, work: (connection: Kysely<any>) => Promise<T>) {
  return db.connection().execute(async (connection) => {
    const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(connection);
    const hadForeignKeys = rows[0]?.foreign_keys === 1;
    await sql`pragma foreign_keys = off`.execute(connection);
    try {
      await beginImmediate(connection);
      let result: T;
      try {
        result = await work(connection);
      } catch (error) {
        // An error SQLite has already rolled back for (a full disk, say) leaves nothing to undo;
        // the migration's own error is the one to report.
        await sql`rollback`.execute(connection).catch(() => undefined);
        throw error;
      }
      await sql`commit`.execute(connection);
      return result;
    } finally {
      if (hadForeignKeys) await sql`pragma foreign_keys = on`.execute(connection);
    }
  });
}

/** BEGIN IMMEDIATE, trying again while another process holds the write lock (each try waits busy_timeout). */
async function beginImmediate(connection: Kysely<any>): Promise<void> {
  const deadline = Date.now() + SQLITE_WAIT_MS;
  for (;;) {
    try {
      await sql`begin immediate`.execute(connection);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
      await delay(50);
    }
  }
}

/** The files' migrations; on SQLite each ends with a foreign key check, since the keys are off while it runs. */
function checkedProvider(db: Kysely<any>, files: MigrationProvider): MigrationProvider {
  if (engineOf(db) !== 'sqlite') return files;
  return {
    async getMigrations() {
      const checked: Record<string, Migration> = {};
      for (const [name, migration] of Object.entries(await files.getMigrations())) {
        checked[name] = {
          ...migration,
          async up(trx) {
            await migration.up(trx);
            await assertForeignKeysHold(trx);
          },
        };
      }
      return checked;
    },
  };
}

async function assertForeignKeysHold(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ table: string; parent: string }>`pragma foreign_key_check`.execute(db);
  if (rows.length === 0) return;
  const pairs = [...new Set(rows.map((r) => `${r.table} → ${r.parent}`))].join(', ');
  throw new Error(`rows point at missing parents: ${pairs} (${rows.length} in all)`);
}

async function currentSchema(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL has no current schema: check search_path');
  return schema;
}
