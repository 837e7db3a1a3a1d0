// `npm run bench`: starts the demo site as a user would (`warta serve`, SQLite, own data dir),
// loads each page type with autocannon on 127.0.0.1 for a bounded time, and checks the targets
// below. Exits 1 when a target is missed. Numbers are for one process on a 2-core machine.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

/** Targets per page type: throughput floor, 99th-percentile latency ceiling, server memory ceiling. */
const TARGETS = { minRequestsPerSecond: 150, maxP99Ms: 250, maxRssMb: 400 };
const CONNECTIONS = 20;
const SECONDS_PER_PAGE = 8;

const root = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-bench-'));

async function main(): Promise<number> {
  try {
    // The same data dir twice: the first start seeds the demo, the second keeps it.
    const cached = await measure('page cache on (the default)', {});
    const rendered = await measure('page cache off (every request rendered)', { WARTA_PAGE_CACHE_SECONDS: '0' });
    const failures = cached + rendered;
    console.log(
      `\ntargets: ≥ ${TARGETS.minRequestsPerSecond} req/s and p99 ≤ ${TARGETS.maxP99Ms} ms per page, ≤ ${TARGETS.maxRssMb} MB: ${failures === 0 ? 'all met' : `${failures} missed`}`,
    );
    return failures === 0 ? 0 : 1;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One server run: every page type, then the server's memory. Returns how many targets were missed. */
async function measure(label: string, env: Record<string, string>): Promise<number> {
  const { child, baseUrl } = await startServer(env);
  try {
    const pages = await discoverPages(baseUrl);
    let failures = 0;
    console.log(`\n${label}`);
    console.log(
      `page                 req/s   p50 ms   p99 ms   errors  (${CONNECTIONS} connections, ${SECONDS_PER_PAGE} s each)`,
    );
    for (const [name, url] of Object.entries(pages)) {
      const result = await autocannon({ url: baseUrl + url, connections: CONNECTIONS, duration: SECONDS_PER_PAGE });
      const rps = result.requests.average;
      const errors = result.errors + result.timeouts + (name === 'not found' ? 0 : result.non2xx);
      const ok = rps >= TARGETS.minRequestsPerSecond && result.latency.p99 <= TARGETS.maxP99Ms && errors === 0;
      if (!ok) failures++;
      console.log(
        `${name.padEnd(18)} ${rps.toFixed(0).padStart(7)} ${String(result.latency.p50).padStart(8)} ${String(result.latency.p99).padStart(8)} ${String(errors).padStart(8)}  ${ok ? 'ok' : 'MISSED'}`,
      );
    }
    const rssMb = readRssMb(child.pid!);
    const memoryOk = rssMb <= TARGETS.maxRssMb;
    if (!memoryOk) failures++;
    console.log(`server memory (RSS) ${rssMb.toFixed(0)} MB  ${memoryOk ? 'ok' : 'MISSED'}`);
    return failures;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/** `warta serve` on a free port with the demo content; resolves when it listens. */
function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; baseUrl: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/warta.js'), 'serve'], {
      env: {
        PATH: process.env.PATH ?? '',
        WARTA_DATA_DIR: dataDir,
        PORT: '0',
        WARTA_LOG_LEVEL: 'info',
        WARTA_LOG_FORMAT: 'json',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s:\n${output}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // The last start-up line names the address to open (the base URL with the bound port).
      const m = /Warta is ready: open (http:\/\/[^/\s"]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        resolve({ child, baseUrl: m[1]!.replace('//localhost:', '//127.0.0.1:') });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/** One URL per page type, found by following links from the home page. */
async function discoverPages(baseUrl: string): Promise<Record<string, string>> {
  const home = await (await fetch(`${baseUrl}/en`)).text();
  const article = /href="(\/en\/news\/\d+\/[^"]+)"/.exec(home)?.[1];
  const category = /href="(\/en\/category\/[^"]+)"/.exec(home)?.[1];
  if (!article || !category) throw new Error('the demo home page links no article or category');
  return {
    home: '/en',
    article,
    category,
    'static page': '/en/company-profile',
    'arabic home': '/ar',
    'not found': '/en/no-such-page',
  };
}

function readRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(1);
  },
);
