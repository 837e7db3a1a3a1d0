// `warta serve`: migrate, seed on first start (saying so as it goes), listen, and shut down cleanly
// on a signal. With more than one worker the process becomes a node:cluster primary that prepares
// the database once, then runs the workers (src/ops/workers.ts); each worker is an app process.
// The last start-up line is the address to open, for whoever just typed `npm start`.
import cluster from 'node:cluster';
import v8 from 'node:v8';
import type { Logger } from 'pino';
import type { Config } from '../core/config.ts';
import { openDatabase } from '../core/db/database.ts';
import { createLogger } from '../core/log.ts';
import { buildApp } from '../app.ts';
import { superviseWorkers } from '../ops/workers.ts';
import { holdServingLock } from '../ops/serving-lock.ts';
import { listPendingMigrations, migrateToLatest } from '../core/db/migrate.ts';
import type { Database } from '../core/db/schema.ts';
import type { Kysely } from 'kysely';
import { prepareDatabase } from './database.ts';
import { allowTypeScriptImports } from './typescript-imports.ts';

/**
 * How long a stopping process may take to finish its requests and write its counts before it
 * exits anyway (a request stuck on a dead database must not hold a deploy forever).
 */
const SHUTDOWN_TIMEOUT_MS = 30_000;

/**
 * How far the old generation may grow past what survived the last full collection before V8
 * collects it again. V8 picks this factor itself, up to 4 when the heap limit it derives from the
 * machine's memory is large (4 GB on a 24 GB machine), and under load it does: an uncached article
 * on the 100,000-story archive leaves ~20 KB per request in the old generation (render data that
 * outlived two scavenges, cache entries replaced), so over ~50 MB live the old generation reached
 * 210 MB and the process 290-360 MB, past the 250 MB it is to serve in (issue 7). At 50% it stays
 * under ~80 MB and the process near 220 MB. The GC's CPU per request stays the same: the extra full
 * collections (one per ~2,000 articles, ~45 ms each) are paid back by cheaper scavenges of a smaller
 * heap. `--max-old-space-size` would be read only at start-up (every way of starting would have to
 * pass it) and is a hard limit; this flag is read at every full collection, so setting it here,
 * first thing, covers `npm start`, `warta serve` and each worker alike.
 */
const OLD_GENERATION_GROWTH_PERCENT = 50;

export interface ServeOptions {
  /** App processes to run (`--workers`); WARTA_WORKERS when omitted. */
  workers?: number;
}

/** Starts the web server, or the cluster of workers; resolves once it is started. */
export async function serve(config: Config, options: ServeOptions = {}): Promise<void> {
  v8.setFlagsFromString(`--heap-growing-percent=${OLD_GENERATION_GROWTH_PERCENT}`);
  // Held for the process's life: `warta restore` refuses to replace the database meanwhile.
  await holdServingLock(config.databaseUrl, () => console.error('warta: waiting for a restore to finish'));
  if (cluster.isWorker) return serveApp(config, { isWorker: true });
  const workers = options.workers ?? config.workers;
  if (workers > 1) return serveWorkers(config, workers);
  return serveApp(config, { isWorker: false });
}

/** Migrates and seeds (once per site, under a lock), telling the log what it does. */
async function prepare(config: Config, log: Logger): Promise<void> {
  const db = openDatabase(config.databaseUrl);
  try {
    // The migration files are loaded only when one is due: most starts find the schema up to date.
    if (await isMigrationDue(db.kysely)) {
      await allowTypeScriptImports();
      await migrateToLatest(db.kysely);
    }
    const prepared = await prepareDatabase(db, config, (message) => log.info(message));
    if (prepared.demoArticles) log.info({ demoArticles: prepared.demoArticles }, 'first start: demo site created');
    else if (prepared.isFirstStart) log.info('first start: empty site created');
  } finally {
    await db.close();
  }
}

/** Whether a migration is pending (or none has run yet: the bookkeeping table is missing). */
async function isMigrationDue(db: Kysely<Database>): Promise<boolean> {
  try {
    return (await listPendingMigrations(db)).length > 0;
  } catch {
    return true;
  }
}

/** One app process: the whole server, or one worker of a cluster (whose primary prepared the database). */
async function serveApp(config: Config, { isWorker }: { isWorker: boolean }): Promise<void> {
  const log = createLogger(config);
  if (!isWorker) await prepare(config, log);
  // The app logs through its own logger from here on; let these lines out first, in order.
  await new Promise<void>((resolve) => log.flush(() => resolve()));
  const db = openDatabase(config.databaseUrl);
  const app = await buildApp(config, db.kysely, { listen: db.listen });
  let isClosing = false;
  const shutdown = async (reason: string) => {
    if (isClosing) return;
    isClosing = true;
    app.log.info({ reason }, 'shutting down: finishing the requests in flight');
    const force = setTimeout(() => {
      app.log.error(`still shutting down after ${SHUTDOWN_TIMEOUT_MS / 1000} s; exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    force.unref();
    let code = 0;
    try {
      // Closes the listening socket and idle keep-alive connections, answers 503 to requests that
      // still arrive on busy ones, waits for those in flight, then runs the onClose hooks (jobs,
      // events, the read counter's last write) before the database closes.
      // Node closes the connections idle when close() starts; one busy then (a request in flight)
      // stays open on keep-alive once it is answered, and close() would wait for the client to
      // hang up. Closing idle connections again until close() resolves lets such a one go too.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
      try {
        await app.close();
      } finally {
        clearInterval(sweep);
      }
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      code = 1;
    }
    await db.close();
    app.log.info('stopped');
    process.exit(code);
  };
  // `on`, not `once`: a second signal (a terminal's Ctrl-C after the primary's SIGTERM) must not
  // fall back to the default action and kill the process half-way through its shutdown.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // A worker whose primary has gone (killed, say) stops too, rather than serve unsupervised.
  if (isWorker) cluster.worker?.on('disconnect', () => void shutdown('primary gone'));
  const listening = await app.listen({ port: config.port, host: config.host });
  if (isWorker) app.log.info({ engine: db.engine }, 'worker ready');
  else app.log.info({ engine: db.engine }, `Warta is ready: open ${addressToOpen(config.baseUrl, listening)}`);
}

/** The cluster primary: prepares the database once, then runs and supervises the workers. */
async function serveWorkers(config: Config, count: number): Promise<void> {
  const log = createLogger(config);
  await prepare(config, log);
  if (config.metrics) (await import('../ops/cluster-metrics.ts')).answerMetricsRequests();
  const supervisor = superviseWorkers({
    count,
    log,
    stopTimeoutMs: SHUTDOWN_TIMEOUT_MS + 5000,
    onReady: (port) =>
      log.info({ workers: count }, `Warta is ready: open ${addressToOpen(config.baseUrl, `http://127.0.0.1:${port}`)}`),
  });
  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log.info({ signal }, 'stopping the workers');
    const isClean = await supervisor.stop();
    log.info('all workers stopped');
    log.flush();
    process.exit(isClean ? 0 : 1);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGHUP', () => void supervisor.rollingRestart());
}

/** The base URL to open; with PORT=0 (any free port) the port bound replaces the 0 it names. */
function addressToOpen(baseUrl: string, listening: string): string {
  const url = new URL(`${baseUrl}/`);
  if (url.port === '0') url.port = new URL(listening).port;
  return url.href;
}
