// `warta import k2` as an operator runs it: its arguments checked (every problem, nothing
// opened), and the `warta` binary importing a small K2 install into a fresh SQLite site.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import {
  createK2Database,
  createK2Schema,
  insertK2Site,
  k2Files,
  makeJoomlaFolder,
  makeJpeg,
  type K2Database,
} from '../imports/k2/test-fixtures.ts';
import { checkArguments } from './import-k2.ts';

const IS_CI = process.env.CI === 'true' || process.env.CI === '1';
const dirs: string[] = [];
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** Runs warta with a clean environment (only what the test gives, plus PATH). */
function warta(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [path.resolve('bin/warta.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', WARTA_LOG_LEVEL: 'warn', ...env },
    cwd: tempDir('warta-cli-'), // no stray .env
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('checkArguments', () => {
  const media = tempDir('warta-joomla-');
  const good = { edition: 'en', db: 'mysql://root@127.0.0.1/joomla', prefix: 'jos_', media };

  test('accepts a complete command line', () => {
    assert.deepEqual(checkArguments(good), []);
    assert.deepEqual(checkArguments({ ...good, 'base-url': 'https://old.example/english' }), []);
  });

  test('lists every problem at once', () => {
    assert.deepEqual(checkArguments({ prefix: 'jos_' }), [
      '--edition is required',
      '--db must be a mysql://user:password@host/database URL',
      '--media (the Joomla folder) is required',
    ]);
    assert.deepEqual(
      checkArguments({ ...good, db: 'postgres://x/y', prefix: 'jos-; drop', media: path.join(media, 'none') }),
      [
        '--db must be a mysql://user:password@host/database URL',
        '--prefix "jos-; drop" is not a table prefix (letters, digits, _)',
        `--media ${path.join(media, 'none')} is not a folder`,
      ],
    );
    assert.deepEqual(checkArguments({ ...good, 'base-url': 'ftp://old.example' }), [
      '--base-url ftp://old.example is not an http(s) address',
    ]);
  });

  test('refuses NUL bytes and text that is not UTF-8', () => {
    assert.deepEqual(checkArguments({ ...good, edition: 'en\0' }), [
      '--edition holds a NUL byte or text that is not UTF-8',
    ]);
    assert.deepEqual(checkArguments({ ...good, media: 'caf\uFFFD' }), [
      '--media holds a NUL byte or text that is not UTF-8',
    ]);
  });
});

describe('warta import k2', () => {
  test('prints its usage, and refuses a command line it cannot run', () => {
    const help = warta(['import', 'k2', '--help']);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^Usage: warta import k2 --edition CODE/);
    const bad = warta(['import', 'k2', '--edition', 'en']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--db must be a mysql:\/\/user:password@host\/database URL/);
    assert.match(bad.stderr, /--media \(the Joomla folder\) is required/);
  });

  test('imports an install into a site, dry first, and prints the summary', async (t) => {
    const k2 = await createK2Database();
    if ('unreachable' in k2) {
      if (IS_CI) throw new Error(`MariaDB at 127.0.0.1:3306 is required under CI: ${k2.unreachable}`);
      t.skip(`MariaDB at 127.0.0.1:3306 is unreachable: ${k2.unreachable}`);
      return;
    }
    const joomla = await makeJoomlaFolder();
    try {
      await seedInstall(k2);
      await joomla.put(k2Files.original(7), await makeJpeg(40, 30, [90, 90, 20]));
      const dataDir = tempDir('warta-data-');
      const env = { WARTA_DATA_DIR: dataDir, WARTA_DEMO: '0' };
      const migrated = warta(['migrate'], env);
      assert.equal(migrated.status, 0, migrated.stderr);
      const args = ['import', 'k2', '--edition', 'en', '--db', k2.url, '--prefix', 'jos_', '--media', joomla.root];

      const dry = warta([...args, '--dry-run'], env);
      assert.equal(dry.status, 0, dry.stderr);
      assert.match(dry.stdout, /dry run: nothing was written/);
      assert.match(dry.stdout, /^ {2}article +1 new, 0 updated, 0 unchanged, 0 skipped$/m);

      const real = warta([...args, '--base-url', 'https://old.example/english/'], env);
      assert.equal(real.status, 0, real.stderr);
      assert.match(real.stdout, /^Import of k2 into edition "en"$/m);
      assert.match(real.stdout, /^ {2}article +1 new, 0 updated, 0 unchanged, 0 skipped$/m);
      assert.match(real.stdout, /^ {2}image +1 new/m);
      assert.match(real.stdout, /^ {2}7: dateline "Surabaya"$/m);

      const again = warta([...args], env);
      assert.equal(again.status, 0, again.stderr);
      assert.match(again.stdout, /^ {2}article +0 new, 0 updated, 1 unchanged, 0 skipped$/m);

      const missing = warta(['import', 'k2', ...args.slice(2, 8), '--prefix', 'nothere_', '--media', joomla.root], env);
      assert.equal(missing.status, 1);
      assert.match(
        missing.stderr,
        /^warta import k2: cannot read the K2 database: this database has no nothere_users, nothere_k2_users, .*\(is the prefix right\?\)$/m,
      );
      assert.doesNotMatch(missing.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      await joomla.remove();
      await k2.drop();
    }
  });
});

async function seedInstall(k2: K2Database): Promise<void> {
  await createK2Schema(k2.connection, 'jos_');
  await insertK2Site(k2.connection, 'jos_', {
    users: [{ id: 5, name: 'Dewi Lestari', username: 'dewi', email: 'dewi@example.test' }],
    categories: [{ id: 3, name: 'City', alias: 'city', parent: 0 }],
    tags: [],
    items: [
      {
        id: 7,
        title: 'New bus lane opens',
        alias: 'new-bus-lane',
        catid: 3,
        introtext: '<p>SURABAYA: A bus lane along the main road opened on Monday.</p>',
        created: '2024-05-06 02:00:00',
        created_by: 5,
      },
    ],
    itemTags: {},
    ratings: [],
  });
}
