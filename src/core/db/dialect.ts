// Everything that differs between SQLite and PostgreSQL lives here, so that queries,
// migrations and mappers elsewhere have one code path for both engines.
import { setTimeout as delay } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  PostgresAdapter,
  sql,
  SqliteDialect,
  SqliteDriver,
  type ColumnDataType,
  type DatabaseConnection,
  type Driver,
  type Kysely,
  type SqliteDialectConfig,
} from 'kysely';

export type Engine = 'sqlite' | 'postgres';

/** Which engine a Kysely instance talks to. */
export function engineOf(db: Kysely<any>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Column types that need a different spelling per engine (used by migrations). */
export function columnTypes(db: Kysely<any>): {
  serial: ColumnDataType;
  timestamp: ColumnDataType;
  flag: ColumnDataType;
  /** Raw bytes (sealed values): a Buffer from either engine. */
  bytes: ColumnDataType;
} {
  return engineOf(db) === 'postgres'
    ? { serial: 'serial', timestamp: 'timestamptz', flag: 'boolean', bytes: 'bytea' }
    : { serial: 'integer', timestamp: 'text', flag: 'integer', bytes: 'blob' };
}

/** Reads a timestamp column: Date from PostgreSQL, ISO text from SQLite. */
export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/** Reads a nullable timestamp column. */
export function toDateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : toDate(value);
}

/** Reads a flag column: boolean from PostgreSQL, 0/1 from SQLite. */
export function toBool(value: number | boolean): boolean {
  return value === true || value === 1;
}

/** Writes a time the same way on both engines: ISO 8601 in UTC, so text sorts in time order. */
export function toDbTime(date: Date): string {
  return date.toISOString();
}

/**
 * Locks the selected rows until the transaction ends (read-modify-write): FOR UPDATE on
 * PostgreSQL; SQLite needs nothing, as it lets one writer in at a time.
 */
export function forUpdate<Q extends { forUpdate(): Q }>(db: Kysely<any>, query: Q): Q {
  return engineOf(db) === 'postgres' ? query.forUpdate() : query;
}

/**
 * Serialises transactions that take the same key, until each ends (PostgreSQL advisory lock);
 * for limits that span many rows, which no row lock covers. SQLite already has one writer.
 */
export async function lockKey(trx: Kysely<any>, key: string): Promise<void> {
  if (engineOf(trx) !== 'postgres') return;
  await trx
    .selectNoFrom((eb) =>
      eb.fn('pg_advisory_xact_lock', [eb.fn('hashtextextended', [eb.val(key), eb.lit(0)])]).as('locked'),
    )
    .execute();
}

/**
 * Kysely's SQLite dialect with transactions that BEGIN IMMEDIATE: they take the write lock at
 * once, waiting up to busy_timeout for another process's writer. A plain BEGIN that reads and
 * then writes fails at once with SQLITE_BUSY when another process holds that lock, because
 * SQLite does not wait to turn a read transaction into a write one.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * Runs `work` while no other process holds the same named lock on this database: for start-up
 * steps that must happen once, such as first-start seeding. Both locks end if the process dies.
 * PostgreSQL: a session advisory lock held on a connection of its own while `work` uses the pool.
 * SQLite: an exclusive transaction on a small file beside the database, because a write lock on
 * the database itself would also shut out `work`'s own writes.
 */
export async function withProcessLock<T>(db: Kysely<any>, name: string, work: () => Promise<T>): Promise<T> {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`invalid lock name ${name}`);
  if (engineOf(db) === 'postgres') {
    return db.connection().execute(async (connection) => {
      // Keyed by schema too, so databases holding several Warta schemas (tests) do not wait on each other.
      const key = sql`hashtextextended(current_schema() || ${`:${name}`}, 0)`;
      await sql`select pg_advisory_lock(${key})`.execute(connection);
      try {
        return await work();
      } finally {
        await sql`select pg_advisory_unlock(${key})`.execute(connection);
      }
    });
  }
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  const file = rows.find((r) => r.name === 'main')?.file;
  if (!file) return work(); // in memory: no other process can open it
  const lock = new SQLite(`${file}-${name}.lock`, { timeout: 0 });
  try {
    // Polled: a busy_timeout would wait inside SQLite and block this process's event loop.
    for (;;) {
      try {
        lock.exec('begin exclusive');
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
        await delay(100);
      }
    }
    return await work();
  } finally {
    lock.close(); // ends the transaction, and with it the lock
  }
}
