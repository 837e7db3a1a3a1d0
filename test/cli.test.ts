// The `warta` command as an operator runs it: settings errors, migrate, user create, serve.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { verify } from '@node-rs/argon2';
import { openDatabase } from '../src/core/db/database.ts';

const BIN = path.resolve('bin/warta.js');
const dirs: string[] = [];
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-cli-'));
  dirs.push(dir);
  return dir;
}

/** Runs warta with a clean environment (only what the test gives, plus PATH). */
function warta(args: string[], env: Record<string, string>, input?: string) {
  return spawnSync(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', WARTA_LOG_LEVEL: 'warn', ...env },
    cwd: tempDir(), // no stray .env
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('warta CLI', () => {
  it('stops with one line naming a broken setting', () => {
    const res = warta(['migrate'], { PORT: 'http', WARTA_DATA_DIR: tempDir() });
    assert.equal(res.status, 1);
    const lines = res.stderr.trim().split('\n');
    assert.equal(lines.length, 1, res.stderr);
    assert.match(lines[0]!, /^warta: Setting PORT is invalid/);
  });

  it('migrates an empty data dir and creates the editions', async () => {
    const dataDir = tempDir();
    const res = warta(['migrate'], { WARTA_DATA_DIR: dataDir });
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /database is up to date \(editions created\)/);
    const db = openDatabase(`sqlite:${path.join(dataDir, 'warta.db')}`);
    try {
      const editions = await db.kysely.selectFrom('editions').select('code').orderBy('position').execute();
      assert.deepEqual(
        editions.map((e) => e.code),
        ['en', 'id', 'ar'],
      );
      const mode = await db.kysely.selectFrom('editions').select('code').execute();
      assert.ok(mode.length === 3);
    } finally {
      await db.close();
    }
  });

  it('creates a user with an argon2id password hash, and refuses bad input without writing', async () => {
    const dataDir = tempDir();
    const env = { WARTA_DATA_DIR: dataDir, NEW_PASSWORD: 'correct horse battery staple' };
    const ok = warta(
      [
        'user',
        'create',
        '--email',
        'Editor@Warta.Example',
        '--name',
        'Sari Dewi',
        '--role',
        'editor',
        '--password-env',
        'NEW_PASSWORD',
      ],
      env,
    );
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /created user \d+ <editor@warta.example> as editor/);
    const fromStdin = warta(
      ['user', 'create', '--email', 'desk@warta.example', '--name', 'Desk', '--role', 'author'],
      { WARTA_DATA_DIR: dataDir },
      'another long password\n',
    );
    assert.equal(fromStdin.status, 0, fromStdin.stderr);
    const bad = warta(
      ['user', 'create', '--email', 'not-an-email', '--name', '', '--role', 'king', '--password-env', 'SHORT'],
      { ...env, SHORT: 'short' },
    );
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /email is not an e-mail address/);
    assert.match(bad.stderr, /role must be one of admin, editor, author, contributor, integrity_officer/);
    assert.match(bad.stderr, /password must be at least 12 characters/);
    const dup = warta(
      [
        'user',
        'create',
        '--email',
        'editor@warta.example',
        '--name',
        'Again',
        '--role',
        'author',
        '--password-env',
        'NEW_PASSWORD',
      ],
      env,
    );
    assert.equal(dup.status, 1);
    assert.match(dup.stderr, /already in use/);

    const db = openDatabase(`sqlite:${path.join(dataDir, 'warta.db')}`);
    try {
      const users = await db.kysely.selectFrom('users').selectAll().orderBy('id').execute();
      assert.equal(users.length, 2, 'bad input wrote nothing');
      const editor = users[0]!;
      assert.equal(editor.slug, 'sari-dewi');
      assert.match(editor.password_hash!, /^\$argon2id\$/);
      assert.ok(await verify(editor.password_hash!, 'correct horse battery staple'));
      assert.ok(await verify(users[1]!.password_hash!, 'another long password'));
    } finally {
      await db.close();
    }
  });

  it('serves an empty site with WARTA_DEMO=0, keeps data across restarts, and stops on SIGTERM', async () => {
    const dataDir = tempDir();
    const env = { WARTA_DATA_DIR: dataDir, WARTA_DEMO: '0', PORT: '0' };
    const first = await runServer(env);
    assert.match(first, /first start: empty site created/);
    const secretFile = path.join(dataDir, 'cookie-secret');
    const secret = fs.readFileSync(secretFile, 'utf8');
    assert.ok(secret.trim().length >= 32);
    assert.equal(fs.statSync(secretFile).mode & 0o777, 0o600);
    const db = openDatabase(`sqlite:${path.join(dataDir, 'warta.db')}`);
    await db.kysely.insertInto('tags').values({ edition: 'en', slug: 'kept', name: 'Kept' }).execute();
    await db.close();
    const second = await runServer(env);
    assert.doesNotMatch(second, /first start/);
    assert.equal(fs.readFileSync(secretFile, 'utf8'), secret, 'the secret is kept');
    const again = openDatabase(`sqlite:${path.join(dataDir, 'warta.db')}`);
    const tag = await again.kysely.selectFrom('tags').select('name').where('slug', '=', 'kept').executeTakeFirst();
    const articles = await again.kysely.selectFrom('articles').select('id').execute();
    await again.close();
    assert.equal(tag?.name, 'Kept');
    assert.equal(articles.length, 0);
  });
});

/** Starts `warta serve`, waits until it listens, fetches the home page, then sends SIGTERM. */
function runServer(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: { PATH: process.env.PATH ?? '', WARTA_LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${output}`));
    }, 60_000);
    const onData = async (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m && !output.includes('[checked]')) {
        output += '[checked]';
        const res = await fetch(`${m[1]}/en`);
        output += `[home ${res.status}]`;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0 && output.includes('[home 200]') && output.includes('shutting down')) resolve(output);
      else reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}
