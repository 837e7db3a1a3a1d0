// Starts Warta as users do (`node bin/warta.js serve`, one process) on a copy of the archive,
// times its cold start to the first served article, samples its memory while it runs, and stops
// it with SIGTERM so it writes its counts as it would on a deploy.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, memoryOf, pinned, waitForAnswer } from './system.ts';

/** A running server. */
export interface RunningServer {
  baseUrl: string;
  pid: number;
  /** Milliseconds from spawning the process to the first 200 answer for `firstPath`. */
  coldStartMs: number;
  /** Highest resident memory seen so far, in MB (sampled, and the kernel's own high-water mark). */
  peakRssMb(): number;
  /** SIGTERM, then waits for the exit; rejects if it does not exit cleanly. Safe to call twice. */
  stop(): Promise<void>;
}

/** How to start. */
export interface ServerOptions {
  root: string;
  dataDir: string;
  /** Extra environment (WARTA_PAGE_CACHE_SECONDS=0 for the uncached runs). */
  env: Record<string, string>;
  cookieSecret: string;
  /** Where the server's log goes (appended). */
  logFile: string;
  /** A page to ask for until it answers 200: the cold start ends there. */
  firstPath: string;
  cpu: number | undefined;
}

const START_TIMEOUT_MS = 60_000;
const SAMPLE_MS = 100;

/** Starts the server and resolves once it has served `firstPath`. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = fs.openSync(options.logFile, 'a');
  const started = performance.now();
  const [command, args] = pinned(options.cpu, process.execPath, [path.join(options.root, 'bin/warta.js'), 'serve']);
  const child = spawn(command, args, {
    cwd: options.dataDir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      WARTA_BASE_URL: baseUrl,
      WARTA_DATA_DIR: options.dataDir,
      WARTA_DEMO: '0',
      WARTA_WORKERS: '1',
      WARTA_COOKIE_SECRET: options.cookieSecret,
      // Votes and reads arrive from a pool of client addresses through this proxy header.
      WARTA_TRUST_PROXY: '127.0.0.1',
      WARTA_LOG_FORMAT: 'json',
      ...options.env,
    },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  let exited = false;
  let stopping: Promise<void> | undefined;
  const exit = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exited = true;
      resolve(code);
    }),
  );
  try {
    await waitForAnswer(`${baseUrl}${options.firstPath}`, () => exited, START_TIMEOUT_MS);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${tailOf(options.logFile)}`);
  }
  const coldStartMs = performance.now() - started;
  let peak = 0;
  const sample = () => {
    const m = memoryOf(child.pid!);
    if (m) peak = Math.max(peak, m.rssMb, m.peakMb);
  };
  sample();
  const sampler = setInterval(sample, SAMPLE_MS);
  return {
    baseUrl,
    pid: child.pid!,
    coldStartMs,
    peakRssMb: () => (sample(), peak),
    stop: () => (stopping ??= stopServer(child, exit, () => clearInterval(sampler), options.logFile)),
  };
}

async function stopServer(
  child: ChildProcess,
  exit: Promise<number | null>,
  stopSampling: () => void,
  logFile: string,
): Promise<void> {
  child.kill('SIGTERM');
  const code = await exit;
  stopSampling();
  if (code !== 0) throw new Error(`the server exited with ${code}\n${tailOf(logFile)}`);
}

/** Asks every 10 ms; the first 200 ends the wait. */
function tailOf(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '';
  }
}
