// `warta user reset-password`: the reset on the test database (both engines), and the `warta`
// binary as an operator runs it (SQLite in a temporary data dir).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { openDatabase } from '../core/db/database.ts';
import type { Database } from '../core/db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { writerFor } from '../../test/helpers/writer.ts';
import { createSession } from '../accounts/sessions.ts';
import { createUser, verifyPassword } from '../users/index.ts';
import { ResetPasswordError, resetUserPassword } from './user-reset-password.ts';

const OLD_PASSWORD = 'correct horse battery staple 42';
const NEW_PASSWORD = 'the operator typed this one';

describe('resetUserPassword', () => {
  let testDb: TestDatabase;
  let db: Kysely<Database>;
  before(async () => {
    testDb = await createTestDatabase();
    db = testDb.db.kysely;
  });
  after(() => testDb.cleanup());

  const hashOf = async (id: number) =>
    (await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow())
      .password_hash!;

  test('sets the password from an environment variable, ends every session, and says so', async () => {
    const user = await createUser(writerFor(db), {
      email: 'locked@warta.test',
      name: 'Locked Out',
      role: 'editor',
      password: OLD_PASSWORD,
    });
    await createSession(db, user.id, 'active', new Date());
    await createSession(db, user.id, 'second_factor', new Date());

    const line = await resetUserPassword(
      db,
      { email: ' Locked@Warta.test ', passwordEnv: 'NEW_PASSWORD' },
      { NEW_PASSWORD },
    );
    assert.equal(line, `password of user ${user.id} <locked@warta.test> reset; every session ended`);
    const hash = await hashOf(user.id);
    assert.ok(await verifyPassword(hash, NEW_PASSWORD));
    assert.equal(await verifyPassword(hash, OLD_PASSWORD), false);
    assert.deepEqual(
      await db.selectFrom('staff_sessions').select('id_hash').where('user_id', '=', user.id).execute(),
      [],
    );
    const event = await db
      .selectFrom('outbox_events')
      .select(['payload', 'actor_id'])
      .where('type', '=', 'user.password_changed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(event.payload), { userId: user.id });
    assert.equal(event.actor_id, null, 'the operator, not the user, acted');
  });

  test('refuses an unknown account, a weak password and a missing variable, changing nothing', async () => {
    const user = await createUser(writerFor(db), {
      email: 'keep@warta.test',
      name: 'Keep',
      role: 'author',
      password: OLD_PASSWORD,
    });
    await assert.rejects(
      resetUserPassword(db, { email: 'nobody@warta.test', passwordEnv: 'P' }, { P: NEW_PASSWORD }),
      (e: unknown) =>
        e instanceof ResetPasswordError && /no account has the e-mail address nobody@warta.test/.test(e.message),
    );
    await assert.rejects(
      resetUserPassword(db, { email: 'keep@warta.test', passwordEnv: 'P' }, { P: 'short' }),
      (e: unknown) => e instanceof ResetPasswordError && /password must be at least 12 characters/.test(e.message),
    );
    await assert.rejects(
      resetUserPassword(db, { email: 'keep@warta.test', passwordEnv: 'UNSET' }, {}),
      /the environment variable UNSET is not set/,
    );
    await assert.rejects(resetUserPassword(db, { passwordEnv: 'P' }, { P: NEW_PASSWORD }), /--email/);
    assert.ok(await verifyPassword(await hashOf(user.id), OLD_PASSWORD));
  });
});

describe('warta user reset-password', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  /** Runs warta with a clean environment (only what the test gives, plus PATH). */
  function warta(args: string[], env: Record<string, string>, input?: string) {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-cli-'));
    dirs.push(cwd);
    return spawnSync(process.execPath, [path.resolve('bin/warta.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', WARTA_LOG_LEVEL: 'warn', ...env },
      cwd, // no stray .env
      input,
      encoding: 'utf8',
      timeout: 120_000,
    });
  }

  test('resets from the environment or from standard input, never from argv; refuses an unknown account', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-data-'));
    dirs.push(dataDir);
    const env = { WARTA_DATA_DIR: dataDir };
    const created = warta(
      ['user', 'create', '--email', 'desk@warta.example', '--name', 'Desk', '--role', 'editor', '--password-env', 'P'],
      { ...env, P: OLD_PASSWORD },
    );
    assert.equal(created.status, 0, created.stderr);

    const fromEnv = warta(['user', 'reset-password', '--email', 'desk@warta.example', '--password-env', 'P'], {
      ...env,
      P: NEW_PASSWORD,
    });
    assert.equal(fromEnv.status, 0, fromEnv.stderr);
    assert.match(fromEnv.stdout, /^password of user \d+ <desk@warta.example> reset; every session ended$/m);

    const fromStdin = warta(
      ['user', 'reset-password', '--email', 'desk@warta.example'],
      env,
      'typed at the prompt twelve\n',
    );
    assert.equal(fromStdin.status, 0, fromStdin.stderr);

    const unknown = warta(['user', 'reset-password', '--email', 'nobody@warta.example', '--password-env', 'P'], {
      ...env,
      P: NEW_PASSWORD,
    });
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /^warta: no account has the e-mail address nobody@warta.example$/m);

    const argv = warta(['user', 'reset-password', '--email', 'desk@warta.example', '--password', NEW_PASSWORD], env);
    assert.equal(argv.status, 1, 'there is no --password option');
    assert.match(argv.stderr, /Unknown option '--password'/);

    const help = warta(['--help'], env);
    assert.match(help.stdout, /user reset-password --email E \[--password-env VAR\]/);

    const db = openDatabase(`sqlite:${path.join(dataDir, 'warta.db')}`);
    try {
      const user = await db.kysely.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
      assert.ok(await verifyPassword(user.password_hash, 'typed at the prompt twelve'));
    } finally {
      await db.close();
    }
  });
});
