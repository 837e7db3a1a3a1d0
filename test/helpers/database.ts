// A fresh, migrated database per test file: a temporary SQLite file, or, when the suite runs
// on PostgreSQL (WARTA_TEST_PG_URL set by scripts/test.mjs), a schema of its own that is dropped
// afterwards. Every query through it can be watched (query budgets), and the demo seeds into it
// from the shared photo cache.
import type { KyselyPlugin, QueryId, RootOperationNode } from 'kysely';
import type { Db } from '../../src/core/db/database.ts';
import { migrateToLatest } from '../../src/core/db/migrate.ts';
import { useDemoPhotoCache } from './demo.ts';
import { createEmptyDatabase } from './empty-database.ts';

/** Called with the SQL of each query the database runs, once it has run. */
export type QueryListener = (sql: string) => void;

/** A test database and the data dir beside it. */
export interface TestDatabase {
  db: Db;
  url: string;
  schema: string | undefined;
  dataDir: string;
  /** Calls `listener` for every query run through `db.kysely` (the app's too) until the returned stop is called. */
  onQuery(listener: QueryListener): () => void;
  cleanup(): Promise<void>;
}

/** The engine this test run uses. */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.WARTA_TEST_PG_URL ? 'postgres' : 'sqlite';

/** Creates, opens and migrates a private database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  useDemoPhotoCache();
  const empty = await createEmptyDatabase();
  try {
    await migrateToLatest(empty.db.kysely);
  } catch (error) {
    await empty.cleanup();
    throw error;
  }
  const watcher = watchQueries(empty.db);
  return {
    db: watcher.db,
    url: empty.url,
    schema: empty.schema,
    dataDir: empty.dataDir,
    onQuery: watcher.onQuery,
    cleanup: () => empty.cleanup(),
  };
}

/**
 * The database behind a plugin that reports each executed query. Only results are counted:
 * Kysely also transforms every subquery it compiles, so transformQuery would count those too.
 */
function watchQueries(db: Db): { db: Db; onQuery(listener: QueryListener): () => void } {
  const listeners = new Set<QueryListener>();
  const nodes = new WeakMap<QueryId, RootOperationNode>();
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }) {
      if (listeners.size > 0) nodes.set(queryId, node);
      return node;
    },
    async transformResult({ result, queryId }) {
      const node = nodes.get(queryId);
      // Compiled again only while someone listens: most tests never count queries.
      if (node && listeners.size > 0) {
        const { sql } = kysely.getExecutor().compileQuery(node, queryId);
        for (const listener of listeners) listener(sql);
      }
      return result;
    },
  };
  const kysely = db.kysely.withPlugin(plugin);
  return {
    db: { ...db, kysely },
    onQuery(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
