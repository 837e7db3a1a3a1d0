// Opens the database named by WARTA_DATABASE_URL: an SQLite file (default) or PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.ts';
import { ImmediateSqliteDialect, type Engine } from './dialect.ts';
import { cachingSqliteDatabase, preparingPostgresPool } from './statement-cache.ts';

/** An open database and what engine it runs on. */
export interface Db {
  readonly kysely: Kysely<Database>;
  readonly engine: Engine;
  /**
   * PostgreSQL only: runs `onNotify` for every NOTIFY on `channel`, on a connection of its own
   * that reconnects after a failure. Resolves once listening; the returned function stops it.
   */
  listen?(channel: string, onNotify: () => void, onError: (error: Error) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL only: the schema to use (tests give each run its own). */
  schema?: string;
}

let postgresDriver: Promise<typeof pg> | undefined;

/**
 * The PostgreSQL driver, loaded when a PostgreSQL database is first used: a site on SQLite never
 * compiles or runs it (about 50 ms of every start on this machine's 100,000-story benchmark).
 */
function loadPostgresDriver(): Promise<typeof pg> {
  return (postgresDriver ??= import('pg').then(({ default: driver }) => {
    // COUNT(*) and SUM() come back as int8/numeric text; our counts fit in a JS number.
    driver.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
    driver.types.setTypeParser(1700, (v) => Number.parseFloat(v));
    return driver;
  }));
}

/** Opens a database URL (`sqlite:PATH` or `postgres://…`). */
export function openDatabase(url: string, options: OpenOptions = {}): Db {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  return openPostgres(url, options.schema);
}

function openSqlite(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const native = new SQLite(file);
  // WAL lets readers run while one writer writes; FULL makes a committed write survive power loss.
  native.pragma('journal_mode = WAL');
  native.pragma('synchronous = FULL');
  native.pragma('foreign_keys = ON');
  native.pragma('busy_timeout = 5000');
  // Pages kept in memory: 8 MB, half of better-sqlite3's default. The cache is full soon after a
  // start, and on the 100,000-story archive the pages a request needs are mostly elsewhere either
  // way (a search reads ~70 from the OS page cache at 16 MB, ~75 at 8 MB; an article ~7, ~12):
  // no measurable cost in CPU per request, 8 MB less resident memory (the benchmark's peak).
  native.pragma('cache_size = -8000');
  // BEGIN IMMEDIATE: a transaction that reads then writes waits for another process's write
  // lock (busy_timeout) instead of failing at once with SQLITE_BUSY, as a plain BEGIN would.
  // Each SQL text is prepared once and its statement reused (statement-cache.ts).
  const kysely = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: cachingSqliteDatabase(native) }),
  });
  return { kysely, engine: 'sqlite', close: () => kysely.destroy() };
}

function openPostgres(connectionString: string, schema: string | undefined): Db {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  // Kysely asks for the pool on the first query (and destroys it only if it was made).
  const pool = async () => {
    const driver = await loadPostgresDriver();
    const created = new driver.Pool({
      connectionString,
      max: 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // Named statements: the server plans each query once per connection (statement-cache.ts).
    return preparingPostgresPool(created);
  };
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const clientOptions = { connectionString, ...(schema ? { options: `-c search_path=${schema}` } : {}) };
  return {
    kysely,
    engine: 'postgres',
    listen: (channel, onNotify, onError) => listenPostgres(clientOptions, channel, onNotify, onError),
    close: () => kysely.destroy(),
  };
}

/** LISTEN on a dedicated client; after a lost connection, connects again with growing pauses. */
async function listenPostgres(
  options: pg.ClientConfig,
  channel: string,
  onNotify: () => void,
  onError: (error: Error) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let isStopped = false;
  let retryTimer: NodeJS.Timeout | undefined;
  const connect = async (attempt: number): Promise<void> => {
    const next = new (await loadPostgresDriver()).Client(options);
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify();
    });
    next.on('error', (error) => {
      void next.end().catch(() => undefined);
      // Only the live connection's loss counts: a client reports one loss more than once, and
      // one still connecting fails through connect() below.
      if (client !== next) return;
      client = undefined;
      onError(error);
      scheduleReconnect(1);
    });
    await next.connect();
    try {
      if (!isStopped) await next.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    // Stopped while connecting: the stop found no client to end, so this one must end itself.
    if (isStopped) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    // Anything sent while we were not listening: the caller looks in the outbox now.
    if (attempt > 0) onNotify();
  };
  const scheduleReconnect = (attempt: number) => {
    if (isStopped || retryTimer) return;
    retryTimer = setTimeout(
      () => {
        retryTimer = undefined;
        connect(attempt).catch((error: Error) => {
          onError(error);
          scheduleReconnect(attempt + 1);
        });
      },
      Math.min(30_000, 250 * 2 ** attempt),
    );
    retryTimer.unref();
  };
  await connect(0);
  return async () => {
    isStopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    await client?.end().catch(() => undefined);
  };
}
