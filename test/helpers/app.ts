// Builds a complete app on a fresh test database, with the editions and menus seeded.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../src/app.ts';
import { buildAssets, type Assets } from '../../src/core/assets.ts';
import { loadConfig, type Config } from '../../src/core/config.ts';
import type { Database } from '../../src/core/db/schema.ts';
import { seedBase } from '../../seed/editions.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Kysely<Database>;
  config: Config;
  testDb: TestDatabase;
  /** Moves the app's clock (scheduled publication tests). */
  setNow(date: Date): void;
  close(): Promise<void>;
}

let sharedAssets: Promise<Assets> | undefined;

/** A test app; `env` overrides settings. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const config = loadConfig({
    WARTA_DATA_DIR: testDb.dataDir,
    WARTA_DATABASE_URL: testDb.url,
    WARTA_BASE_URL: 'https://warta.test',
    WARTA_LOG_LEVEL: 'silent',
    // Tests change data between requests; the page cache has tests of its own.
    WARTA_PAGE_CACHE_SECONDS: '0',
    WARTA_COOKIE_SECRET: 'test-secret-test-secret-test-secret-0123',
    ...env,
  });
  await seedBase(testDb.db.kysely);
  let now: Date | undefined;
  sharedAssets ??= buildAssets();
  const app = await buildApp(config, testDb.db.kysely, { now: () => now ?? new Date(), assets: await sharedAssets });
  await app.ready();
  return {
    app,
    db: testDb.db.kysely,
    config,
    testDb,
    setNow(date) {
      now = date;
    },
    async close() {
      await app.close();
      await testDb.cleanup();
    },
  };
}
