// Runs one timed load on loopback with wrk when it is installed (the numbers came from
// wrk, and it needs far less CPU than a Node load generator), else autocannon, and reports the
// same numbers from either: requests per second, p50/p95/p99 and errors.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { luaScriptFor, requestAt, type RequestPlan } from './requests.ts';
import { commandExists } from './system.ts';

/** What one load run measured. */
export interface LoadResult {
  tool: 'wrk' | 'autocannon';
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  /** autocannon has no 95th percentile: it reports its 97.5th, which can only be higher. */
  p95Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and answers other than 2xx/3xx. */
  errors: number;
}

/** How to load. */
export interface LoadOptions {
  baseUrl: string;
  plan: RequestPlan;
  connections: number;
  seconds: number;
  /** Number of the first request (see requestAt): runs of one plan continue where the last ended. */
  offset: number;
  /** Runs wrk pinned to this CPU (the server has the other). */
  cpu?: number;
  tool: 'wrk' | 'autocannon';
}

/**
 * Seconds each wrk connection waits, once open, before its first request; wrk's -d takes whole
 * seconds, and the rate is counted over the rest of the run (see ConnectionHold).
 */
const HOLD_SECONDS = 1;

/** wrk when it is on the PATH, else autocannon. */
export function defaultLoadTool(): 'wrk' | 'autocannon' {
  return commandExists('wrk') ? 'wrk' : 'autocannon';
}

/** One timed run. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return options.tool === 'wrk' ? runWrk(options) : runAutocannon(options);
}

async function runWrk(options: LoadOptions): Promise<LoadResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-bench-wrk-'));
  const script = path.join(dir, 'plan.lua');
  fs.writeFileSync(
    script,
    luaScriptFor(options.plan, options.offset, { connections: options.connections, seconds: HOLD_SECONDS }),
  );
  const args = [
    '-t1',
    `-c${options.connections}`,
    `-d${options.seconds + HOLD_SECONDS}s`,
    // Long enough that a slow server shows its latency rather than a count of timeouts.
    '--timeout',
    '30s',
    '-s',
    script,
    options.baseUrl,
  ];
  const [command, ...rest] =
    options.cpu !== undefined && commandExists('taskset')
      ? ['taskset', '-c', String(options.cpu), 'wrk', ...args]
      : ['wrk', ...args];
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(command!, rest, { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`wrk exited with ${code}:\n${out}`))));
    });
    const line = /WRK_RESULT (\{.*\})/.exec(output)?.[1];
    if (!line) throw new Error(`wrk printed no result:\n${output}`);
    const r = JSON.parse(line) as Record<string, number>;
    // The hold is part of wrk's duration; no request was sent in it.
    const seconds = r.durationUs! / 1e6 - HOLD_SECONDS;
    return {
      tool: 'wrk',
      requests: r.requests!,
      seconds,
      requestsPerSecond: r.requests! / seconds,
      p50Ms: r.p50! / 1000,
      p95Ms: r.p95! / 1000,
      p99Ms: r.p99! / 1000,
      errors: r.connect! + r.read! + r.write! + r.status! + r.timeout!,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function runAutocannon(options: LoadOptions): Promise<LoadResult> {
  let i = options.offset;
  const first = requestAt(options.plan, i);
  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: [
      {
        method: first.method as 'GET' | 'POST',
        path: first.path,
        setupRequest: (request) => {
          const next = requestAt(options.plan, i++);
          return Object.assign(request, {
            method: next.method as 'GET' | 'POST',
            path: next.path,
            headers: next.headers,
            body: next.body,
          });
        },
      },
    ],
  });
  const seconds = result.duration;
  return {
    tool: 'autocannon',
    requests: result.requests.total,
    seconds,
    requestsPerSecond: result.requests.total / seconds,
    p50Ms: result.latency.p50,
    p95Ms: result.latency.p97_5,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}
