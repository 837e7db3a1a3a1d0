// What README.md promises an operator, checked on the real `warta` command: `seed --demo`, and
// the settings HOST, WARTA_DEFAULT_EDITION and WARTA_LOG_LEVEL. Each run gets a clean environment
// and a data dir of its own.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { openDatabase } from '../src/core/db/database.ts';
import { mediaDir } from '../src/media/index.ts';

const BIN = path.resolve('bin/warta.js');
/** A first start migrates before it listens; a busy machine makes that slow. */
const START_TIMEOUT_MS = 120_000;
const dirs: string[] = [];
const running = new Set<ChildProcess>();
after(() => {
  // A test that failed half-way leaves no server behind to hold the run open.
  for (const child of running) child.kill('SIGKILL');
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-readme-'));
  dirs.push(dir);
  return dir;
}

/**
 * Spawns `warta` from the checkout, as `npm start` does, with a clean environment: only what
 * the test gives, PATH, and an env file that does not exist (a developer's .env stays out).
 */
function spawnWarta(
  args: string[],
  env: Record<string, string>,
): ChildProcess & { stdout: Readable; stderr: Readable } {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', WARTA_ENV_FILE: path.join(tempDir(), 'none.env'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a `warta` command to its end. */
function warta(args: string[], env: Record<string, string>, timeoutMs = 300_000): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawnWarta(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`warta ${args.join(' ')} did not finish:\n${stdout}${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A running `warta serve`: where it answers, and how to stop it with what it printed. */
interface Server {
  baseUrl: string;
  stop(): Promise<Finished>;
}

/**
 * Starts `warta serve` on a fresh data dir with JSON logs. With PORT=0 the port is read from
 * the ready line, which only info-level logging prints; otherwise PORT names it and the server
 * is asked until it answers.
 */
async function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawnWarta(['serve'], { WARTA_DATA_DIR: tempDir(), WARTA_DEMO: '0', ...env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const host = env.HOST ?? '127.0.0.1';
  const deadline = Date.now() + START_TIMEOUT_MS;
  let port: string | undefined;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`warta serve exited with ${child.exitCode}:\n${stdout}${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`warta serve did not start:\n${stdout}${stderr}`);
    }
    if (env.PORT === '0') {
      port = /Warta is ready: open http:\/\/[^/"\s]+:(\d+)\//.exec(stdout)?.[1];
    } else if (await answers(`http://${host}:${env.PORT}/en`)) {
      port = env.PORT;
    }
    if (port) break;
    await delay(100);
  }
  return {
    baseUrl: `http://${host}:${port}`,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      const code = await exited;
      clearTimeout(timer);
      return { code, stdout, stderr };
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

/** A TCP port free on 127.0.0.1 just now. */
function freePort(): Promise<string> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(String(port)));
    });
  });
}

/** The JSON log records a run printed. */
function records(stdout: string): { level: number; msg: string }[] {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { level: number; msg: string });
}

/** A clean first start: nothing on stderr, no warning or error logged, a clean exit on SIGTERM. */
function assertCleanRun(run: Finished): void {
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.equal(run.stderr, '', 'nothing on stderr');
  assert.deepEqual(
    records(run.stdout).filter((r) => r.level >= 40),
    [],
    'no warning or error logged',
  );
}

describe('README claims', () => {
  it('seed --demo fills an empty database with the demo site, and refuses a second time', async () => {
    const dataDir = tempDir();
    const env = { WARTA_DATA_DIR: dataDir, WARTA_LOG_LEVEL: 'warn' };
    const first = await warta(['seed', '--demo'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stderr, '');
    const made = Number(/^demo site created: (\d+) articles$/m.exec(first.stdout)?.[1]);
    assert.ok(made > 120, `over 120 stories, as README says: ${first.stdout}`);

    const second = await warta(['seed', '--demo'], env);
    assert.equal(second.code, 1);
    assert.match(
      second.stderr,
      /^warta: the database already has articles; demo content goes only into an empty site$/m,
    );

    const db = openDatabase(`sqlite:${path.join(dataDir, 'warta.db')}`);
    try {
      const articles = await db.kysely.selectFrom('articles').select('id').execute();
      assert.equal(articles.length, made, 'the refused second run added nothing');
      const editions = await db.kysely.selectFrom('editions').select('code').execute();
      assert.equal(editions.length, 8, 'eight editions, as README says');
      const media = await db.kysely.selectFrom('media').select(['storage_key', 'variants']).execute();
      assert.ok(media.length > 0);
      for (const m of media)
        for (const width of JSON.parse(m.variants) as number[])
          assert.ok(fs.existsSync(path.join(mediaDir(dataDir), `${m.storage_key}-${width}.webp`)), m.storage_key);
    } finally {
      await db.close();
    }
  });

  it('HOST: the server listens on that address only, and says so', async () => {
    // All of 127.0.0.0/8 is loopback on Linux: a second address without another interface.
    const server = await startServer({ HOST: '127.0.0.2', PORT: '0' });
    const port = new URL(server.baseUrl).port;
    const there = await fetch(`http://127.0.0.2:${port}/en`).then((res) => res.status, String);
    const elsewhere = await fetch(`http://127.0.0.1:${port}/en`).then(
      (res) => res.status,
      () => 'refused',
    );
    const run = await server.stop();
    assert.equal(there, 200, run.stdout + run.stderr);
    assert.equal(elsewhere, 'refused', 'nothing listens on 127.0.0.1');
    assertCleanRun(run);
    assert.ok(
      records(run.stdout).some((r) => r.msg === `Server listening at http://127.0.0.2:${port}`),
      run.stdout,
    );
    assert.ok(
      records(run.stdout).some((r) => r.msg === `Warta is ready: open http://127.0.0.2:${port}/`),
      'the address to open is one that answers',
    );
  });

  it('WARTA_DEFAULT_EDITION: / redirects to that edition', async () => {
    const server = await startServer({ WARTA_DEFAULT_EDITION: 'id', PORT: '0' });
    const root = await fetch(`${server.baseUrl}/`, { redirect: 'manual' }).catch(String);
    const edition = await fetch(`${server.baseUrl}/id`).then((res) => res.status, String);
    const run = await server.stop();
    if (typeof root === 'string') assert.fail(root);
    assert.ok(root.status >= 300 && root.status < 400, `status ${root.status}`);
    assert.equal(new URL(root.headers.get('location') ?? '', server.baseUrl).pathname, '/id');
    assert.equal(edition, 200);
    assertCleanRun(run);
  });

  it('WARTA_LOG_LEVEL=warn prints no info lines', async () => {
    const server = await startServer({ WARTA_LOG_LEVEL: 'warn', PORT: await freePort() });
    const status = await fetch(`${server.baseUrl}/en`).then((res) => res.status, String);
    const run = await server.stop();
    assert.equal(status, 200, run.stdout + run.stderr);
    assertCleanRun(run);
    // At info, the same start, request and stop print a dozen lines.
    assert.deepEqual(
      records(run.stdout).filter((r) => r.level < 40),
      [],
    );
  });

  it('WARTA_LOG_LEVEL=silent prints nothing at all', async () => {
    const server = await startServer({ WARTA_LOG_LEVEL: 'silent', PORT: await freePort() });
    const status = await fetch(`${server.baseUrl}/en`).then((res) => res.status, String);
    const run = await server.stop();
    assert.equal(status, 200);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, '');
  });
});
