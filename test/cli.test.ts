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
    // Names every migration it ran, the first included; a second run runs none.
    assert.match(res.stdout, /^migrated: 0001-/m);
    const again = warta(['migrate'], { WARTA_DATA_DIR: dataDir });
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stdout.trim(), 'database is up to date');
    const db = openDatabase(`sqlite:${path.join(dataDir, 'warta.db')}`);
    try {
      const editions = await db.kysely.selectFrom('editions').select('code').orderBy('position').execute();
      assert.deepEqual(
        editions.map((e) => e.code),
        ['en', 'id', 'ar', 'fr', 'de', 'es', 'zh', 'ja'],
      );
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

  it('rotates the integrity key: refuses a bad setting and a missing key file, then retires the old key', () => {
    const dataDir = tempDir();
    const bad = warta(['integrity', 'rotate-key'], { WARTA_DATA_DIR: dataDir, WARTA_INTEGRITY_KEY: 'short' });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /WARTA_INTEGRITY_KEY is invalid/);
    const none = warta(['integrity', 'rotate-key'], { WARTA_DATA_DIR: dataDir });
    assert.equal(none.status, 1, none.stderr);
    assert.match(none.stderr, /no key file at .*integrity-key to rotate; nothing was changed/);
    const keyFile = path.join(dataDir, 'integrity-key');
    fs.writeFileSync(keyFile, 'IYPKm5tNEw24ORN9PuS4qpcs68_z-_WYpUOYWg6csew\n', { mode: 0o600 });
    const done = warta(['integrity', 'rotate-key'], { WARTA_DATA_DIR: dataDir });
    assert.equal(done.status, 0, done.stderr);
    assert.match(
      done.stdout,
      /rotated the integrity key: 0 reports, 0 messages, 0 attachments and 0 files sealed again/,
    );
    assert.match(done.stdout, /The new key is in .*integrity-key; the old key is gone/);
    assert.notEqual(fs.readFileSync(keyFile, 'utf8').trim(), 'IYPKm5tNEw24ORN9PuS4qpcs68_z-_WYpUOYWg6csew');
    assert.equal(fs.existsSync(path.join(dataDir, 'integrity-key.next')), false);
  });

  it('serves an empty site with WARTA_DEMO=0, keeps data across restarts, and stops on SIGTERM', async () => {
    const dataDir = tempDir();
    const env = { WARTA_DATA_DIR: dataDir, WARTA_DEMO: '0', PORT: '0' };
    const first = await runServer(env);
    assert.match(first.output, /first start: empty site created/);
    assert.equal(first.stderr, '', 'a first start prints nothing on stderr');
    assert.deepEqual(warnings(first.stdout), [], 'a first start logs no warning or error');
    const secretFile = path.join(dataDir, 'cookie-secret');
    const secret = fs.readFileSync(secretFile, 'utf8');
    assert.ok(secret.trim().length >= 32);
    assert.equal(fs.statSync(secretFile).mode & 0o777, 0o600);
    const db = openDatabase(`sqlite:${path.join(dataDir, 'warta.db')}`);
    await db.kysely.insertInto('tags').values({ edition: 'en', slug: 'kept', name: 'Kept' }).execute();
    await db.close();
    const second = await runServer(env);
    assert.doesNotMatch(second.output, /first start/);
    assert.equal(second.stderr, '');
    assert.deepEqual(warnings(second.stdout), []);
    assert.equal(fs.readFileSync(secretFile, 'utf8'), secret, 'the secret is kept');
    const again = openDatabase(`sqlite:${path.join(dataDir, 'warta.db')}`);
    const tag = await again.kysely.selectFrom('tags').select('name').where('slug', '=', 'kept').executeTakeFirst();
    const articles = await again.kysely.selectFrom('articles').select('id').execute();
    await again.close();
    assert.equal(tag?.name, 'Kept');
    assert.equal(articles.length, 0);
  });

  it('logs JSON lines when stdout is not a terminal, ending the start with the address to open', async () => {
    const run = await runServer({ WARTA_DATA_DIR: tempDir(), WARTA_DEMO: '0', PORT: '0' });
    const records = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string; req?: unknown });
    const port = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(run.stdout)![1];
    const firstRequest = records.findIndex((r) => r.req !== undefined);
    assert.equal(records[firstRequest - 1]?.msg, `Warta is ready: open http://localhost:${port}/`);
    // The home page request is logged without its query string, cookie or client address.
    assert.deepEqual(records[firstRequest]?.req, { method: 'GET', path: '/en' });
    assert.doesNotMatch(run.stdout, /secret|remoteAddress|remotePort/);
    assert.equal(run.stderr, '');
  });

  it('logs readable lines with WARTA_LOG_FORMAT=pretty and says what a first start with the demo does', async () => {
    const run = await runServer(
      {
        WARTA_DATA_DIR: tempDir(),
        PORT: '0',
        WARTA_LOG_FORMAT: 'pretty',
        WARTA_BASE_URL: 'https://warta.example',
      },
      300_000, // the demo takes about 20 s, and much longer on a busy CI machine
    );
    const lines = startLines(run.stdout);
    for (const line of run.stdout.trimEnd().split('\n')) assert.match(line, /^\d\d:\d\d:\d\d INFO {2}\S/);
    assert.match(lines[0]!, /INFO {2}first start: building the demo site \(under a minute\)…$/);
    assert.ok(lines.some((l) => /INFO {2}demo: 10 of \d+ articles$/.test(l)));
    assert.ok(lines.some((l) => /first start: demo site created demoArticles=\d+$/.test(l)));
    assert.match(lines.at(-1)!, /INFO {2}Warta is ready: open https:\/\/warta\.example\/ engine=sqlite$/);
    assert.match(run.stdout, /INFO {2}GET \/en 200 \d+ ms req=[0-9a-f]{16}\n/);
    assert.doesNotMatch(run.stdout, /secret/);
    assert.equal(run.stderr, '', 'a first start prints no warnings');
  });
});

/** What a `warta serve` run printed: stdout and stderr apart, and everything with the test's marks. */
interface ServerRun {
  output: string;
  stdout: string;
  stderr: string;
}

/** Starts `warta serve`, waits until it listens, fetches the home page, then sends SIGTERM. */
function runServer(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: { PATH: process.env.PATH ?? '', WARTA_LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${output}`));
    }, timeoutMs);
    const onData = async (chunk: Buffer) => {
      output += chunk.toString();
      stdout += chunk.toString();
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m && !output.includes('[checked]')) {
        output += '[checked]';
        const res = await fetch(`${m[1]}/en?q=secret-search`, { headers: { cookie: 'session=secret-cookie' } });
        output += `[home ${res.status}]`;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString();
      stderr += c.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0 && output.includes('[home 200]') && output.includes('shutting down')) {
        resolve({ output, stdout, stderr });
      } else reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

/** The readable lines printed while starting: those before the first request and the shutdown. */
function startLines(stdout: string): string[] {
  const lines = stdout.trimEnd().split('\n');
  const end = lines.findIndex((l) => / GET \/en |shutting down/.test(l));
  return end === -1 ? lines : lines.slice(0, end);
}

/** The JSON log lines at level warn (40) or above. */
function warnings(stdout: string): string[] {
  return stdout
    .trimEnd()
    .split('\n')
    .filter((line) => (JSON.parse(line) as { level: number }).level >= 40);
}
