// Opening the configured database for a command: migrate, then the first-start seeding.
import type { Config } from '../core/config.ts';
import { openDatabase, type Db } from '../core/db/database.ts';
import { withProcessLock } from '../core/db/dialect.ts';
import { migrateToLatest } from '../core/db/migrate.ts';
import { seedBase } from '../../seed/editions.ts';
import { createCliWriter } from './writer.ts';

/** Opens and migrates the database. */
export async function openMigrated(config: Config, onMigrated?: (names: string[]) => void): Promise<Db> {
  const db = openDatabase(config.databaseUrl);
  try {
    const applied = await migrateToLatest(db.kysely);
    onMigrated?.(applied);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** What preparing the database did, for the start-up log. */
export interface Preparation {
  isFirstStart: boolean;
  demoArticles: number;
}

/** Says what a long first start is doing, one sentence at a time (the CLI logs each). */
export type ProgressReporter = (message: string) => void;

/**
 * Migrates; on the very first start adds the editions and, unless WARTA_DEMO=0, the demo site,
 * telling `onProgress` what it is doing: the demo takes long enough to look like a hang.
 */
export async function prepareDatabase(
  db: Db,
  config: Config,
  onProgress: ProgressReporter = () => {},
): Promise<Preparation> {
  // Processes starting together on an empty database take turns: the first seeds, the others
  // wait for it to finish, then find the editions and seed nothing.
  return withProcessLock(db.kysely, 'first-start', async () => {
    const writer = createCliWriter(db.kysely);
    const isFirstStart = await seedBase(writer);
    let demoArticles = 0;
    if (isFirstStart && config.demo) {
      onProgress('first start: building the demo site (under a minute)…');
      const options = { dataDir: config.dataDir, timezone: config.timezone, now: new Date() };
      // The demo's stories and pictures are loaded only on the first start that builds it.
      const { seedDemo } = await import('../../seed/demo/index.ts');
      demoArticles = (await seedDemo(writer, { ...options, onProgress: reportArticles(onProgress) })).articles;
    }
    return { isFirstStart, demoArticles };
  });
}

/** Every tenth article and the last, so a first start shows a few lines rather than 70. */
function reportArticles(onProgress: ProgressReporter): (done: number, total: number) => void {
  return (done, total) => {
    if (done % 10 === 0 || done === total) onProgress(`demo: ${done} of ${total} articles`);
  };
}
