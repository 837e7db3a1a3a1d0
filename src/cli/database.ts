// Opening the configured database for a command: migrate, then the first-start seeding.
import type { Config } from '../core/config.ts';
import { openDatabase, type Db } from '../core/db/database.ts';
import { migrateToLatest } from '../core/db/migrate.ts';
import { seedBase } from '../../seed/editions.ts';
import { seedDemo } from '../../seed/demo/index.ts';

/** Opens and migrates the database. */
export async function openMigrated(config: Config): Promise<Db> {
  const db = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(db.kysely);
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

/** Migrates; on the very first start adds the editions and, unless WARTA_DEMO=0, the demo site. */
export async function prepareDatabase(db: Db, config: Config): Promise<Preparation> {
  const isFirstStart = await seedBase(db.kysely);
  let demoArticles = 0;
  if (isFirstStart && config.demo) {
    demoArticles = (await seedDemo(db.kysely, { dataDir: config.dataDir, timezone: config.timezone, now: new Date() }))
      .articles;
  }
  return { isFirstStart, demoArticles };
}
