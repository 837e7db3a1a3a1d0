// Write throughput of one `warta serve` process on SQLite: rating POSTs (each durable before its
// answer) and read beacons, from a pool of client addresses behind the trusted-proxy header with
// a distinct voter or reader cookie per request, so the per-address limits stay as configured.
// Bounded in requests and seconds, on 127.0.0.1 only; checks the totals stored afterwards.
// Run: node --import tsx scripts/bench-writes.ts [votes|reads]
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import autocannon from 'autocannon';
import { openMigrated } from '../src/cli/database.ts';
import { loadConfig } from '../src/core/config.ts';
import { seedBase } from '../seed/editions.ts';
import { makeArticle } from '../test/helpers/factories.ts';
import { writerFor } from '../test/helpers/writer.ts';

const TARGETS = { votesPerSecond: 1500, readsPerSecond: 5000 };
const SECRET = 'bench-secret-bench-secret-bench-secret-01';
const ARTICLES = 10;
const CONNECTIONS = 64;
const SECONDS = 10;
/** Requests per address: under both default limits (30 new votes an hour, 30 reads per article). */
const PER_ADDRESS = 25;
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-bench-writes-'));
const env = {
  WARTA_DATA_DIR: dataDir,
  WARTA_DEMO: '0',
  WARTA_COOKIE_SECRET: SECRET,
  WARTA_TRUST_PROXY: '127.0.0.1',
  WARTA_BASE_URL: 'http://127.0.0.1:8080',
};

/** An address of the pool: 10.a.b.c, distinct for n below 2^24. */
const address = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
const signed = (value: string) => fastifyCookie.sign(value, SECRET);

async function prepare(): Promise<number[]> {
  const db = await openMigrated(loadConfig(env));
  try {
    await seedBase(writerFor(db.kysely));
    const ids: number[] = [];
    for (let i = 0; i < ARTICLES; i++) ids.push((await makeArticle(db.kysely)).id);
    return ids;
  } finally {
    await db.close();
  }
}

function startServer(): Promise<{ child: ChildProcess; baseUrl: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), path.join(root, 'bin/warta.js'), 'serve'],
      {
        env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', WARTA_LOG_FORMAT: 'json', ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        resolve({ child, baseUrl: m[1]! });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** CPU time (user + system) a process has used, in ms: on a busy machine, the fair measure of cost. */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Sends requests for SECONDS s, the n-th built by `build(n)`; returns the 2xx count and rate,
 * and the server's CPU time per request.
 */
async function load(
  server: ChildProcess,
  baseUrl: string,
  build: (n: number) => { path: string; headers: Record<string, string>; body?: string },
): Promise<{ ok: number; rps: number; p99: number; other: number; cpuUsPerRequest: number }> {
  let n = 0;
  const cpuBefore = cpuMs(server.pid!);
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const r = build(n++);
          return { ...request, method: 'POST', path: r.path, headers: r.headers, body: r.body };
        },
      },
    ],
  });
  const cpuUsPerRequest = ((cpuMs(server.pid!) - cpuBefore) * 1000) / Math.max(1, n);
  return {
    cpuUsPerRequest,
    ok: result['2xx'],
    rps: result['2xx'] / (result.duration || SECONDS),
    p99: result.latency.p99,
    other: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * Every answered request is stored; the only extra ones are those still in flight when the run
 * stopped (the server finished them, the client no longer listened): at most one per connection.
 */
function answeredAreStored(stored: number, answered: number): boolean {
  return stored >= answered && stored <= answered + CONNECTIONS;
}

async function benchVotes(ids: number[]): Promise<boolean> {
  const { child, baseUrl } = await startServer();
  let run;
  try {
    run = await load(child, baseUrl, (n) => ({
      path: `/en/news/ratings/${ids[n % ids.length]}`,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        cookie: `warta_voter=${signed(randomBytes(16).toString('base64url'))}`,
        'x-forwarded-for': address(Math.floor(n / PER_ADDRESS)),
      },
      body: JSON.stringify({ rating: (n % 5) + 1 }),
    }));
  } finally {
    await stopServer(child);
  }
  const db = await openMigrated(loadConfig(env));
  try {
    const votes = await db.kysely
      .selectFrom('article_votes')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('rating').as('sum')])
      .executeTakeFirstOrThrow();
    const totals = await db.kysely
      .selectFrom('articles')
      .select((eb) => [eb.fn.sum<number>('rating_count').as('n'), eb.fn.sum<number>('rating_sum').as('sum')])
      .executeTakeFirstOrThrow();
    const exact =
      answeredAreStored(Number(votes.n), run.ok) &&
      Number(totals.n) === Number(votes.n) &&
      Number(totals.sum) === Number(votes.sum);
    const fast = run.rps >= TARGETS.votesPerSecond;
    console.log(
      `votes  ${run.rps.toFixed(0).padStart(6)} req/s  p99 ${run.p99} ms  server CPU ${run.cpuUsPerRequest.toFixed(0)} µs/req  2xx ${run.ok}  other ${run.other}  ` +
        `stored ${votes.n} (totals ${totals.n}/${totals.sum} vs rows ${votes.sum})  ${exact ? 'exact' : 'NOT EXACT'}  ${fast ? 'ok' : 'MISSED'}`,
    );
    return exact && fast && run.other === 0;
  } finally {
    await db.close();
  }
}

async function benchReads(ids: number[]): Promise<boolean> {
  const { child, baseUrl } = await startServer();
  let run;
  try {
    run = await load(child, baseUrl, (n) => ({
      path: `/api/reads/${ids[n % ids.length]}`,
      headers: {
        'user-agent': BROWSER,
        origin: env.WARTA_BASE_URL,
        cookie: `warta_reader=${signed(randomBytes(16).toString('base64url'))}`,
        // Each address reads each article PER_ADDRESS times at most.
        'x-forwarded-for': address(Math.floor(n / (ids.length * PER_ADDRESS))),
      },
    }));
  } finally {
    await stopServer(child); // the shutdown flush writes what is pending
  }
  const db = await openMigrated(loadConfig(env));
  try {
    const hits = await db.kysely
      .selectFrom('articles')
      .select((eb) => eb.fn.sum<number>('hit_count').as('n'))
      .executeTakeFirstOrThrow();
    const exact = answeredAreStored(Number(hits.n), run.ok);
    const fast = run.rps >= TARGETS.readsPerSecond;
    console.log(
      `reads  ${run.rps.toFixed(0).padStart(6)} req/s  p99 ${run.p99} ms  server CPU ${run.cpuUsPerRequest.toFixed(0)} µs/req  2xx ${run.ok}  other ${run.other}  ` +
        `stored ${hits.n}  ${exact ? 'exact' : 'NOT EXACT'}  ${fast ? 'ok' : 'MISSED'}`,
    );
    return exact && fast && run.other === 0;
  } finally {
    await db.close();
  }
}

async function main(): Promise<number> {
  const which = process.argv[2];
  try {
    const ids = await prepare();
    let ok = true;
    if (which !== 'reads') ok = (await benchVotes(ids)) && ok;
    if (which !== 'votes') ok = (await benchReads(ids)) && ok;
    return ok ? 0 : 1;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(1);
  },
);
