// Prepared statements kept per SQL text, so a query the site runs on every page is parsed and
// planned once per process (SQLite) or once per connection (PostgreSQL), not on every call:
// Kysely hands the driver SQL text each time, and the drivers would prepare it again.
import { createHash } from 'node:crypto';
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement, PostgresPool, PostgresPoolClient } from 'kysely';
import { LRUCache } from 'lru-cache';

/** Distinct SQL texts kept prepared (queries with IN lists make one text per list length). */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The database object Kysely's SQLite driver is given: `prepare(sql)` returns the statement
 * prepared for that text before (an LRU bounded in size). `all` and `run` finish before they
 * return (better-sqlite3 is synchronous), so one statement serves every caller in turn; only
 * `iterate` keeps a statement busy until the loop ends, so a stream gets a statement of its own.
 * A statement that changes the schema empties the cache, so no kept statement reads rows by
 * the columns it had before.
 */
export function cachingSqliteDatabase(native: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new LRUCache<string, SqliteStatement>({ max: size });
  return {
    close: () => native.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        if (SCHEMA_CHANGE.test(sql)) statements.clear();
        const prepared = native.prepare(sql);
        const rows = prepared.reader ? rowReader(prepared) : undefined;
        statement = {
          reader: prepared.reader,
          all: rows ?? ((parameters) => prepared.all(parameters)),
          run: (parameters) => prepared.run(parameters),
          iterate: (parameters) => native.prepare(sql).iterate(parameters),
        };
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/** DDL: after it, a statement kept from before may return other columns. */
const SCHEMA_CHANGE = /^\s*(create|alter|drop)\b/i;

/**
 * Rows of a statement as objects, as `all()` gives them, made faster: better-sqlite3 builds each
 * row object from C++ one property at a time (a lookup and a map transition per column, about a
 * sixth of an article page's query), while a row read as an array (raw mode) and passed to an
 * object literal compiled once for the statement's columns gets its final shape at once. A later
 * column with the same name wins, as in better-sqlite3's objects.
 */
function rowReader(statement: SQLite.Statement): (parameters: readonly unknown[]) => unknown[] {
  const raw = statement.raw(true);
  let width = -1;
  let toObject: (row: readonly unknown[]) => Record<string, unknown> = () => ({});
  return (parameters) => {
    const rows = raw.all(parameters) as unknown[][];
    // Built on the first row, and again if SQLite prepared the statement anew after another
    // connection changed the schema and its rows now have another number of columns.
    if (rows.length > 0 && rows[0]!.length !== width) {
      const names = raw.columns().map((column) => column.name);
      width = names.length;
      toObject = objectBuilder(names);
    }
    return rows.map(toObject);
  };
}

/** A function from a row array to an object with these keys, compiled to one object literal. */
function objectBuilder(names: readonly string[]): (row: readonly unknown[]) => Record<string, unknown> {
  // A `__proto__` key in a literal would set the prototype; fromEntries makes it a property.
  if (names.includes('__proto__')) return (row) => Object.fromEntries(names.map((name, i) => [name, row[i]]));
  const fields = names.map((name, i) => `${JSON.stringify(name)}: row[${i}]`).join(', ');
  // The keys are column names, each quoted by JSON.stringify: nothing else reaches the code.
  return new Function('row', `return { ${fields} };`) as (row: readonly unknown[]) => Record<string, unknown>;
}

/**
 * Named prepared statements per connection for PostgreSQL: each single-statement query is sent
 * with a stable name made from its text, so the server parses and plans it once per connection
 * and later calls only bind and execute. A connection names at most `perConnection` texts (the
 * server keeps each until the connection closes); past that, queries run unnamed as before.
 */
export function preparingPostgresPool(pool: PostgresPool, perConnection = STATEMENT_CACHE_SIZE): PostgresPool {
  const namedBy = new WeakMap<PostgresPoolClient, Set<string>>();
  return {
    end: () => pool.end(),
    async connect() {
      const client = await pool.connect();
      let named = namedBy.get(client);
      if (!named) {
        named = new Set();
        namedBy.set(client, named);
      }
      const names = named;
      // pg's own client takes a { name, text, values } query config; Kysely's type of it does not say so.
      const send = client.query.bind(client) as (query: unknown, values?: readonly unknown[]) => unknown;
      const query = (text: unknown, values?: readonly unknown[]) => {
        // Cursors (streams) pass through; so do texts that may hold several statements, or one
        // that a prepared statement cannot carry (DDL in migrations).
        if (typeof text !== 'string' || !isPreparable(text)) return send(text, values);
        const name = statementName(text);
        if (!names.has(name)) {
          if (names.size >= perConnection) return send(text, values);
          names.add(name);
        }
        return send({ name, text, values });
      };
      return { release: () => client.release(), query } as PostgresPoolClient;
    },
  };
}

/** A data statement: one SELECT, INSERT, UPDATE, DELETE or WITH (no `;` that could start another). */
function isPreparable(text: string): boolean {
  return /^\s*(select|insert|update|delete|with)\b/i.test(text) && !text.includes(';');
}

/** A name the server keeps per connection; the same text always gets the same name. */
function statementName(text: string): string {
  return `w_${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
}
