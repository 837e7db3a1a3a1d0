// A second Warta process for test/first-start.test.ts: at the given instant it migrates and
// prepares the database named by its arguments, as `warta serve` does, and prints what it did.
import { setTimeout as delay } from 'node:timers/promises';
import { prepareDatabase } from '../../src/cli/database.ts';
import { loadConfig } from '../../src/core/config.ts';
import { openDatabase } from '../../src/core/db/database.ts';
import { migrateToLatest } from '../../src/core/db/migrate.ts';
import { useDemoPhotoCache } from './demo.ts';

const [url = '', schema = '', dataDir = '', demo = '0', startAt = '0'] = process.argv.slice(2);
const config = loadConfig({ WARTA_DATA_DIR: dataDir, WARTA_DATABASE_URL: url, WARTA_DEMO: demo });
// Every worker starts at the same instant, after its slow imports, so they really race.
await delay(Math.max(0, Number(startAt) - Date.now()));
useDemoPhotoCache(); // the demo's photos are drawn once per test run, not once per worker
const db = openDatabase(url, { schema: schema || undefined });
try {
  await migrateToLatest(db.kysely);
  process.stdout.write(JSON.stringify(await prepareDatabase(db, config)));
} finally {
  await db.close();
}
