import { setTimeout as delay } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { prepareDatabase } from '../../src/cli/database.ts';
import { loadConfig } from '../../src/core/config.ts';
import { ImmediateSqliteDialect } from '../../src/core/db/dialect.ts';
import { migrateToLatest } from '../../src/core/db/migrate.ts';
const [url = '', , dataDir = '', demo = '0', startAt = '0'] = process.argv.slice(2);
const config = loadConfig({ WARTA_DATA_DIR: dataDir, WARTA_DATABASE_URL: url, WARTA_DEMO: demo });
await delay(Math.max(0, Number(startAt) - Date.now()));
const native = new SQLite(url.slice(7));
native.pragma('journal_mode = WAL'); native.pragma('foreign_keys = ON'); native.pragma('busy_timeout = 5000');
const kysely = new Kysely<any>({ dialect: new ImmediateSqliteDialect({ database: native }) });
const db = { kysely, engine: 'sqlite' as const, close: () => kysely.destroy() };
try { await migrateToLatest(kysely); process.stdout.write(JSON.stringify(await prepareDatabase(db, config))); } finally { await db.close(); }
