// Everything that differs between SQLite and PostgreSQL lives here, so that queries,
// migrations and mappers elsewhere have one code path for both engines.
import { PostgresAdapter, type ColumnDataType, type Kysely } from 'kysely';

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
} {
  return engineOf(db) === 'postgres'
    ? { serial: 'serial', timestamp: 'timestamptz', flag: 'boolean' }
    : { serial: 'integer', timestamp: 'text', flag: 'integer' };
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
