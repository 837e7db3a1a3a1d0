// Real `warta serve` processes on a test database, for tests of what only a process shows
// (workers, signals, several app servers on one database). Every process started here is
// killed by killLeftovers() if a test ends without stopping it.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { TestDatabase } from './database.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** How long a process may take to start listening. */
export const START_TIMEOUT_MS = 90_000;
/** How long a process may take to stop before it is killed. */
export const STOP_TIMEOUT_MS = 60_000;
/** The cookie secret every process started here signs with. */
export const TEST_COOKIE_SECRET = 'test-secret-test-secret-test-secret-0123';

/**
 * The database URL a separate process needs. For a PostgreSQL test schema, libpq's `options`
 * parameter (which node-postgres reads from the URL) sets the search_path of every connection.
 */
export function processDatabaseUrl(db: Pick<TestDatabase, 'url' | 'schema'>): string {
  if (!db.schema) return db.url;
  const url = new URL(db.url);
  url.search = `options=${encodeURIComponent(`-c search_path=${db.schema}`)}`;
  return url.href;
}

/** A port of 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const running = new Set<ChildProcess>();

/** Kills every process started here that is still running (for `after`). */
export function killLeftovers(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** How to start one process. */
export interface ServeOptions {
  /** Its data dir's name under the test database's data dir. */
  name: string;
  /** More arguments after `serve`. */
  args?: string[];
  env?: Record<string, string>;
}

/** A started `warta serve`. */
export interface ServeProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Its JSON log records so far. */
  records(): Record<string, unknown>[];
  /** Its log records at warning level and above, as JSON text. */
  problems(): string[];
  /** Waits until its output (from offset `from`) matches `pattern`. */
  waitFor(pattern: RegExp, options?: { from?: number; ms?: number }): Promise<RegExpExecArray>;
  /** Its exit code, or the signal that ended it. */
  exited: Promise<number | string | null>;
  /** Sends `signal` (SIGTERM by default), kills it after STOP_TIMEOUT_MS, and resolves with how it ended. */
  stop(signal?: NodeJS.Signals): Promise<number | string | null>;
}

/** Starts `node bin/warta.js serve` on a free port of 127.0.0.1, on the test database. */
export function startServe(db: TestDatabase, options: ServeOptions): ServeProcess {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/warta.js'), 'serve', ...(options.args ?? [])], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      TZ: 'UTC',
      PORT: '0',
      HOST: '127.0.0.1',
      WARTA_ENV_FILE: path.join(db.dataDir, 'no-such.env'),
      WARTA_DATA_DIR: path.join(db.dataDir, options.name),
      WARTA_DATABASE_URL: processDatabaseUrl(db),
      WARTA_DEMO: '0',
      WARTA_COOKIE_SECRET: TEST_COOKIE_SECRET,
      WARTA_LOG_LEVEL: 'info',
      WARTA_LOG_FORMAT: 'json',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal);
    }),
  );
  // Only whole lines: a worker's record may be half read when the test looks.
  const records = () =>
    output
      .slice(0, output.lastIndexOf('\n') + 1)
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    child,
    output: () => output,
    records,
    problems: () =>
      records()
        .filter((r) => Number(r.level) >= 40)
        .map((r) => JSON.stringify(r)),
    async waitFor(pattern, { from = 0, ms = START_TIMEOUT_MS } = {}) {
      for (const end = Date.now() + ms; ; await delay(50)) {
        const match = pattern.exec(output.slice(from));
        if (match) return match;
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`${options.name} exited before printing ${pattern}:\n${output.slice(-4000)}`);
        if (Date.now() > end)
          throw new Error(`${options.name} did not print ${pattern} in time:\n${output.slice(-4000)}`);
      }
    },
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Starts a process and waits until it listens; resolves with it and its port. */
export async function startListening(
  db: TestDatabase,
  options: ServeOptions,
): Promise<{ server: ServeProcess; port: number }> {
  const server = startServe(db, options);
  const match = await server.waitFor(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/);
  return { server, port: Number(match[1]) };
}
