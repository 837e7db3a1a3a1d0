// Builds a complete app on a fresh test database, with the editions and menus seeded.
import type { FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import type { Kysely } from 'kysely';
import { buildApp } from '../../src/app.ts';
import { buildAssets, type Assets } from '../../src/core/assets.ts';
import { loadConfig, type Config } from '../../src/core/config.ts';
import type { Database } from '../../src/core/db/schema.ts';
import { seedBase } from '../../seed/editions.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { bindWriter } from './writer.ts';
import { writerFor } from './writer.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Kysely<Database>;
  config: Config;
  testDb: TestDatabase;
  /** Signs a cookie value with the app's secret, as the voter and reader cookies are signed. */
  signCookie(value: string): string;
  /** Checks a signed cookie value. */
  unsignCookie(value: string): { valid: boolean; value: string | null };
  /** Moves the app's clock (scheduled publication tests); undefined goes back to the real clock. */
  setNow(date: Date | undefined): void;
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
    // The page cache stays on, as deployed: content made through commands purges it.
    WARTA_COOKIE_SECRET: 'test-secret-test-secret-test-secret-0123',
    ...env,
  });
  await seedBase(writerFor(testDb.db.kysely));
  let now: Date | undefined;
  sharedAssets ??= buildAssets();
  const app = await buildApp(config, testDb.db.kysely, {
    now: () => now ?? new Date(),
    assets: await sharedAssets,
    listen: testDb.db.listen,
  });
  await app.ready();
  bindWriter(testDb.db.kysely, app.ctx.writer);
  return {
    app,
    db: testDb.db.kysely,
    config,
    testDb,
    setNow(date) {
      now = date;
    },
    // Cookie parsing is scoped to the domains that use it, so the root app has no signCookie.
    signCookie: (value) => fastifyCookie.sign(value, config.cookieSecret!),
    unsignCookie: (value) => fastifyCookie.unsign(value, config.cookieSecret!),
    async close() {
      await app.close();
      await testDb.cleanup();
    },
  };
}
