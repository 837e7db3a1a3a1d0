// `npm run bench [-- --update-readme] [--seconds S] [--runs R] [--articles N] [--archive DIR] [--rebuild] [--tool wrk|autocannon] [--lighthouse]`:
// builds (or reuses, see scripts/bench/archive-cache.ts) an archive of 100,000 articles, starts
// `warta serve` on a copy of it as users do, and loads each scenario on 127.0.0.1 for a bounded
// time, the server and the load generator pinned to different cores. The cached article's answer
// is also served by a bare node:http server and, when installed, by nginx, and Warta's throughput
// is shown as a share of nginx's. Prints a table, writes bench-results/latest.json, and exits 1
// when a target is missed.
// `--lighthouse` then also runs the phone-emulation audits of scripts/lighthouse.ts (3–4 minutes).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serverBundle } from '../bin/server-bundle.js';
import { buildAssets } from '../src/core/assets.ts';
import { openDatabase } from '../src/core/db/database.ts';
import { buildSecondsOf, copyArchive, ensureArchive } from './bench/archive-cache.ts';
import {
  compareTotals,
  inconsistentRatings,
  readTotals,
  sendExactCounts,
  type SentCounts,
  type Totals,
} from './bench/exact-counts.ts';
import { defaultLoadTool, runLoad, type LoadResult } from './bench/load.ts';
import { startBareNode } from './bench/bare-node.ts';
import { hasNginx, startNginx } from './bench/nginx.ts';
import { formatReport, updateReadme, writeReport, type BenchReport, type ScenarioResult } from './bench/report.ts';
import type { RequestPlan } from './bench/requests.ts';
import { loadScenarioData, pagePlan, readPlan, votePlan, type ScenarioData } from './bench/scenarios.ts';
import { startServer, type ServerOptions } from './bench/server.ts';
import { cpuPlan, directoryBytes, pinThisProcess, readThrough, waitUntilIdle } from './bench/system.ts';
import { checkTargets } from './bench/targets.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '6' },
    runs: { type: 'string', default: '3' },
    archive: { type: 'string' },
    rebuild: { type: 'boolean', default: false },
    tool: { type: 'string' },
    'update-readme': { type: 'boolean', default: false },
    lighthouse: { type: 'boolean', default: false },
  },
});
const SECONDS = Number(args.seconds);
/**
 * Timed runs per scenario; the table shows the median of each figure over the runs, each taken
 * on its own (a run's p99 can be its outlier while its throughput is the middle one). On a shared
 * virtual machine the speed of a core changes from one minute to the next (nginx measured 34,000
 * to 79,000 req/s on this one across sessions): one run could land on a slow or a fast spell.
 */
const RUNS = Math.max(1, Math.floor(Number(args.runs)));
const WARMUP_SECONDS = 2;
/** The longest warm-up that goes on until each path was asked for once (see measure). */
const MAX_WARMUP_SECONDS = 30;
const CONNECTIONS = 50;
// Closed-loop load: latency is about connections / throughput, so a p95 under 50 ms at 300 req/s
// can only be seen with at most ~15 connections.
const SEARCH_CONNECTIONS = 10;

const tool = args.tool === 'autocannon' || args.tool === 'wrk' ? args.tool : defaultLoadTool();
const cpus = cpuPlan();
// This process stays off the server's core whatever the tool: autocannon runs in it, and with wrk
// it still polls for the cold start, samples the server's memory every 100 ms and reads wrk's
// reports, none of which belongs to the server's measured time.
if (cpus.load !== undefined) pinThisProcess(cpus.load);
/** Where each plan's numbering continues (its pairs of cookie and article never repeat). */
const offsets = new Map<RequestPlan, number>();
/** Requests of each plan answered without error, warm-ups included. */
const answered = new Map<RequestPlan, number>();

/**
 * A warm-up, then the timed runs. With `untilEachPath`, the warm-up goes on in 2 s runs until
 * every path of the plan was asked for once (at most MAX_WARMUP_SECONDS): a just-started process
 * fills what the news pages keep between changes (each of 3,000 tags' and 14 sections' newest
 * stories, the related cards) during its first pass over 5,000 articles, at several times the
 * steady cost per request, and lets the JIT settle meanwhile. The timed runs measure rendering
 * as on a site that has been up for a while, not that first fill.
 */
async function measure(
  name: string,
  target: { baseUrl: string; pid?: number },
  plan: RequestPlan,
  pageCache: ScenarioResult['pageCache'],
  connections = CONNECTIONS,
  untilEachPath = false,
): Promise<ScenarioResult> {
  const scenario = loadScenario(name, target, plan, pageCache, connections);
  await scenario.warmUp(untilEachPath);
  for (let i = 0; i < RUNS; i++) await scenario.timedRun();
  return scenario.result();
}

/**
 * The cached article and the same bytes from the yardsticks, their timed runs taken in turn
 * (nginx, node:http, Warta, nginx…): a share of nginx is the median of each round's ratio, so a
 * core that is slower in one minute than in the next slows every side of a round alike.
 */
async function measureBesideYardsticks(
  warta: LoadScenario,
  node: LoadScenario,
  nginx: LoadScenario | undefined,
): Promise<{ cached: ScenarioResult; node: ScenarioResult; nginx: ScenarioResult | undefined }> {
  for (const scenario of [nginx, node, warta]) await scenario?.warmUp();
  for (let i = 0; i < RUNS; i++) for (const scenario of [nginx, node, warta]) await scenario?.timedRun();
  const shareOf = (name: string, scenario: LoadScenario) => {
    if (!nginx) return undefined;
    const shares = scenario.runs.map((run, i) => (100 * run.requestsPerSecond) / nginx.runs[i]!.requestsPerSecond);
    console.error(`${name}, share of nginx in each round: ${shares.map((x) => `${x.toFixed(1)} %`).join(', ')}`);
    return median(shares);
  };
  return {
    cached: { ...warta.result(), percentOfNginx: shareOf('cached article', warta) },
    node: { ...node.result(), percentOfNginx: shareOf('node:http', node) },
    nginx: nginx?.result(),
  };
}

/** One scenario's load: warm-up runs, then timed runs, then the result of those. */
interface LoadScenario {
  readonly runs: readonly LoadResult[];
  warmUp(untilEachPath?: boolean): Promise<void>;
  timedRun(): Promise<void>;
  result(): ScenarioResult;
}

function loadScenario(
  name: string,
  target: { baseUrl: string; pid?: number },
  plan: RequestPlan,
  pageCache: ScenarioResult['pageCache'],
  connections = CONNECTIONS,
): LoadScenario {
  const runs: LoadResult[] = [];
  let warmedUp = 0;
  const run = async (seconds: number) => {
    // Each run starts on an idle server, not one still working through the last run's requests.
    if (target.pid !== undefined) await waitUntilIdle(target.pid);
    const offset = offsets.get(plan) ?? 0;
    const result = await runLoad({ baseUrl: target.baseUrl, plan, connections, seconds, offset, cpu: cpus.load, tool });
    // Requests still in flight when the run stopped may have been served: skip past them.
    offsets.set(plan, offset + result.requests + connections);
    answered.set(plan, (answered.get(plan) ?? 0) + result.requests - result.errors);
    return result;
  };
  return {
    runs,
    async warmUp(untilEachPath = false) {
      const start = offsets.get(plan) ?? 0;
      do {
        await run(WARMUP_SECONDS);
        warmedUp += WARMUP_SECONDS;
      } while (untilEachPath && (offsets.get(plan) ?? 0) - start < plan.paths.length && warmedUp < MAX_WARMUP_SECONDS);
    },
    async timedRun() {
      runs.push(await run(SECONDS));
    },
    result() {
      const spread = runs
        .map((x) => `${Math.round(x.requestsPerSecond)} req/s p99 ${x.p99Ms.toFixed(1)} ms`)
        .join(', ');
      console.error(
        `${name}: median of ${runs.length}: ${spread}; errors ${sumOf(runs, 'errors')} (warm-up ${warmedUp} s)`,
      );
      return {
        tool: runs[0]!.tool,
        requestsPerSecond: median(runs.map((x) => x.requestsPerSecond)),
        p50Ms: median(runs.map((x) => x.p50Ms)),
        p95Ms: median(runs.map((x) => x.p95Ms)),
        p99Ms: median(runs.map((x) => x.p99Ms)),
        // Every request of every run counts: an error in any run is an error.
        requests: sumOf(runs, 'requests'),
        seconds: sumOf(runs, 'seconds'),
        errors: sumOf(runs, 'errors'),
        runs: runs.map(({ requestsPerSecond, p50Ms, p95Ms, p99Ms }) => ({ requestsPerSecond, p50Ms, p95Ms, p99Ms })),
        name,
        pageCache,
        connections,
        percentOfNginx: undefined,
      };
    },
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function sumOf(runs: readonly LoadResult[], key: 'requests' | 'seconds' | 'errors'): number {
  return runs.reduce((total, run) => total + run[key], 0);
}

/** Stored totals of the articles the votes and reads go to, before the server starts. */
interface Baseline {
  loaded: Totals;
  checked: Totals;
}

/**
 * The site as configured by default (page cache on): cold start, the cached article, votes and
 * reads (timed, then the exact-count batch), and a stop that writes the last counts.
 */
async function measureDefaultSite(options: Omit<ServerOptions, 'env'>, data: ScenarioData) {
  const server = await startServer({ ...options, env: {} });
  try {
    console.error(`cold start: ${Math.round(server.coldStartMs)} ms`);
    const url = server.baseUrl;
    const { cached, node, nginx } = await measureCachedArticle(server, data.cachedArticle);
    const votes = votePlan(data.loaded, url, options.cookieSecret);
    const reads = readPlan(data.loaded, url, options.cookieSecret);
    const voting = await measure('rating POST', server, votes, 'on');
    const reading = await measure('read beacon', server, reads, 'on');
    const sent = await sendExactCounts(url, data.checked, options.cookieSecret);
    return { server, scenarios: [cached, voting, reading], node, nginx, sent, votes, reads };
  } finally {
    await server.stop();
  }
}

/**
 * The cached article, and beside it on the server's core its exact bytes and headers from a bare
 * node:http server and, when installed, its bytes as a static file from nginx.
 */
async function measureCachedArticle(
  server: { baseUrl: string; pid: number },
  articlePath: string,
): Promise<{ cached: ScenarioResult; node: ScenarioResult; nginx: ScenarioResult | undefined }> {
  // The answer wrk receives (it asks for no compression), for the yardsticks to serve the same.
  const page = await fetch(`${server.baseUrl}${articlePath}`, { headers: { 'accept-encoding': 'identity' } });
  const bytes = Buffer.from(await page.arrayBuffer());
  if (!hasNginx()) console.error('nginx is not installed: no ratio to nginx');
  const node = await startBareNode(bytes, page.headers, cpus.server);
  const nginx = hasNginx()
    ? await startNginx(bytes, page.headers.get('content-type') ?? 'text/html', cpus.server).catch(async (error) => {
        await node.stop();
        throw error;
      })
    : undefined;
  try {
    return await measureBesideYardsticks(
      loadScenario('cached article', server, pagePlan([articlePath]), 'on'),
      loadScenario('node:http, same answer', node, pagePlan([node.path]), ''),
      nginx && loadScenario('nginx, same bytes', nginx, pagePlan([nginx.path]), ''),
    );
  } finally {
    await Promise.all([node.stop(), nginx?.stop()]);
  }
}

/** Whether every accepted vote and read is stored, now that the server has stopped. */
async function checkStoredCounts(
  file: string,
  data: ScenarioData,
  before: Baseline,
  sent: SentCounts,
  timed: { votes: number; reads: number },
): Promise<{ votes: string[]; reads: string[] }> {
  const db = openDatabase(`sqlite:${file}`);
  try {
    const loadedIds = data.loaded.map((a) => a.id);
    const checkedIds = data.checked.map((a) => a.id);
    const problems = compareTotals(before.checked, await readTotals(db.kysely, checkedIds), sent);
    const loaded = await readTotals(db.kysely, loadedIds);
    const storedVotes = sum(loaded.ratingCount) - sum(before.loaded.ratingCount);
    problems.votes.push(...bounded('votes', storedVotes, timed.votes));
    problems.reads.push(...bounded('reads', sum(loaded.reads) - sum(before.loaded.reads), timed.reads));
    const inconsistent = await inconsistentRatings(db.kysely, [...loadedIds, ...checkedIds]);
    if (inconsistent.length)
      problems.votes.push(`rating totals differ from the vote rows of ${inconsistent.length} articles`);
    return problems;
  } finally {
    await db.close();
  }
}

/** Every page rendered (page cache off): articles, home, sections, search. */
async function measureRendering(options: Omit<ServerOptions, 'env'>, data: ScenarioData) {
  const server = await startServer({ ...options, env: { WARTA_PAGE_CACHE_SECONDS: '0' } });
  try {
    const render = (name: string, paths: readonly string[], connections = CONNECTIONS, untilEachPath = false) => {
      // Each run starts with the database in the page cache (see readThrough).
      readThrough(path.join(options.dataDir, 'warta.db'));
      return measure(name, server, pagePlan(paths), 'off', connections, untilEachPath);
    };
    const scenarios = [
      await render('uncached article', data.articles, CONNECTIONS, true),
      await render('home', data.homes),
      await render('section', data.sections),
      await render('search', data.searches, SEARCH_CONNECTIONS),
    ];
    return { server, scenarios };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<number> {
  const archive = args.archive
    ? path.resolve(args.archive)
    : await ensureArchive(root, Number(args.articles), args.rebuild);
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-bench-run-'));
  try {
    copyArchive(archive, runDir);
    // An archive built before the latest migrations gets them now, so the cold start is a start.
    const migrated = performance.now();
    execFileSync(process.execPath, [path.join(root, 'bin/warta.js'), 'migrate'], {
      env: { PATH: process.env.PATH ?? '', WARTA_DATA_DIR: runDir, WARTA_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    console.error(`migrated the copy in ${((performance.now() - migrated) / 1000).toFixed(1)} s`);
    // `warta serve` builds its bundle and the site's assets on the first start after a source
    // changed (a second or two, once per install or edit): built here, so the cold start
    // measures a start.
    const bundled = performance.now();
    await serverBundle(root, 'src/main.ts');
    await buildAssets();
    console.error(`server bundle and assets ready in ${((performance.now() - bundled) / 1000).toFixed(1)} s`);
    const file = path.join(runDir, 'warta.db');
    const databaseBytes = fs.statSync(file).size;
    const db = openDatabase(`sqlite:${file}`);
    const data = await loadScenarioData(db.kysely);
    const before: Baseline = {
      loaded: await readTotals(
        db.kysely,
        data.loaded.map((a) => a.id),
      ),
      checked: await readTotals(
        db.kysely,
        data.checked.map((a) => a.id),
      ),
    };
    await db.close();
    // Kept after the run (bench-results/ is git-ignored), for when a number looks wrong.
    const logFile = path.join(root, 'bench-results', 'server.log');
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    fs.writeFileSync(logFile, '');
    const options = {
      root,
      logFile,
      dataDir: runDir,
      cookieSecret: randomBytes(32).toString('base64url'),
      firstPath: data.cachedArticle,
      cpu: cpus.server,
    };

    const site = await measureDefaultSite(options, data);
    const timed = { votes: answered.get(site.votes)!, reads: answered.get(site.reads)! };
    const checks = await checkStoredCounts(file, data, before, site.sent, timed);
    const { node, nginx } = site;
    const rendering = await measureRendering(options, data);

    const scenarios = [...site.scenarios, ...rendering.scenarios];
    // The cached article has its share from its pairs of runs; the others against nginx's median throughput.
    for (const s of scenarios) {
      if (nginx && s.percentOfNginx === undefined)
        s.percentOfNginx = (100 * s.requestsPerSecond) / nginx.requestsPerSecond;
    }
    const peakRssMb = Math.max(site.server.peakRssMb(), rendering.server.peakRssMb());
    const report: BenchReport = {
      date: new Date().toISOString(),
      commit: gitDescribe(),
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model.trim() ?? 'unknown',
        node: process.versions.node,
        pinned: cpus.server !== undefined,
        tool,
      },
      archive: {
        articles: data.articleCount,
        databaseBytes,
        mediaBytes: directoryBytes(path.join(runDir, 'media')),
        buildSeconds: buildSecondsOf(archive),
      },
      coldStartMs: site.server.coldStartMs,
      peakRssMb,
      servers: [
        { name: 'page cache on', coldStartMs: site.server.coldStartMs, peakRssMb: site.server.peakRssMb() },
        { name: 'page cache off', coldStartMs: rendering.server.coldStartMs, peakRssMb: rendering.server.peakRssMb() },
      ],
      nginx,
      node,
      scenarios,
      checks,
      targets: checkTargets({
        scenarios: new Map(scenarios.map((s) => [s.name, s])),
        nginx,
        coldStartMs: site.server.coldStartMs,
        peakRssMb,
        voteProblems: checks.votes,
        readProblems: checks.reads,
      }),
    };
    const markdown = formatReport(report);
    console.log(`\n${markdown}\n`);
    console.log(`written to ${path.relative(root, writeReport(root, report))}`);
    if (args['update-readme']) await updateReadme(root, markdown);
    const missed = report.targets.filter((t) => t.ok === false).length;
    console.log(missed === 0 ? 'every target met' : `${missed} targets missed`);
    // Lighthouse on the demo site, in its own process: it prints its table and fails on its own goals.
    const lighthouseFailed =
      args.lighthouse &&
      spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/lighthouse.ts')], {
        cwd: root,
        stdio: 'inherit',
      }).status !== 0;
    return missed === 0 && !lighthouseFailed ? 0 : 1;
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

/** A timed run's stored growth lies between what was answered and that plus what was in flight. */
function bounded(what: string, stored: number, answeredCount: number): string[] {
  const inFlight = (1 + RUNS) * CONNECTIONS; // a warm-up and the measured runs, each stopped with requests in flight
  if (stored >= answeredCount && stored <= answeredCount + inFlight) return [];
  return [`timed runs: ${answeredCount} ${what} answered, ${stored} stored`];
}

function sum(values: Map<number, number>): number {
  let total = 0;
  for (const v of values.values()) total += v;
  return total;
}

function gitDescribe(): string {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
