// Two app processes starting at the same moment on one empty database: both migrate and prepare
// it without error, exactly one seeds, and the site ends up with one set of editions and menus.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { TEST_ENGINE } from './helpers/database.ts';
import { createEmptyDatabase, type EmptyDatabase } from './helpers/empty-database.ts';
import type { Preparation } from '../src/cli/database.ts';

const WORKER = path.resolve('test/helpers/prepare-database-worker.ts');
// Long enough for each worker to load the app before the starting gun.
const HEAD_START_MS = 5000;

let t: EmptyDatabase | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

interface Outcome extends Preparation {
  durationMs: number;
}

/** Runs one worker process to its end. */
function runWorker(db: EmptyDatabase, demo: boolean, startAt: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const args = [db.url, db.schema ?? '', db.dataDir, demo ? '1' : '0', String(startAt)];
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], {
      env: { PATH: process.env.PATH ?? '', TZ: 'UTC' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`worker exited with ${code}:\n${err}`));
      if (Date.now() < startAt) return reject(new Error('worker finished before the start'));
      resolve({ ...(JSON.parse(out) as Preparation), durationMs: Date.now() - startAt });
    });
  });
}

/** Starts two workers together and returns their outcomes, the seeding one first. */
async function race(db: EmptyDatabase, demo: boolean): Promise<Outcome[]> {
  const startAt = Date.now() + HEAD_START_MS;
  const outcomes = await Promise.all([runWorker(db, demo, startAt), runWorker(db, demo, startAt)]);
  return outcomes.sort((a, b) => Number(b.isFirstStart) - Number(a.isFirstStart));
}

async function count(db: EmptyDatabase, table: 'editions' | 'menus' | 'menu_items' | 'articles' | 'users') {
  const row = await db.db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('first start with two processes', () => {
  it('migrates and seeds once: one process seeds, the other finds it done', async () => {
    t = await createEmptyDatabase();
    const [first, second] = await race(t, false);
    assert.equal(first!.isFirstStart, true);
    assert.equal(second!.isFirstStart, false, 'the second process seeds nothing');
    assert.equal(await count(t, 'editions'), 8);
    assert.equal(await count(t, 'menus'), 8);
    assert.equal(await count(t, 'menu_items'), 24, 'three links in each edition’s menu, once');
  });

  // PostgreSQL only, where the lock is held on a connection of its own while the demo's long
  // transaction uses the pool; the SQLite lock is the same file lock as above, and the demo is slow.
  it(
    'with the demo site: the second process waits for the whole demo, then seeds nothing',
    {
      skip: TEST_ENGINE !== 'postgres',
    },
    async () => {
      t = await createEmptyDatabase();
      const [first, second] = await race(t, true);
      assert.equal(first!.isFirstStart, true);
      assert.ok(first!.demoArticles > 0);
      assert.deepEqual([second!.isFirstStart, second!.demoArticles], [false, 0]);
      assert.ok(second!.durationMs >= first!.durationMs - 1000, 'the second finished only after the first');
      assert.equal(await count(t, 'articles'), first!.demoArticles);
      assert.equal(await count(t, 'editions'), 8);
      assert.equal(await count(t, 'menus'), 8);
    },
  );
});
