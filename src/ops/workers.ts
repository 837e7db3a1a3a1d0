// `warta serve --workers N`: a node:cluster primary that runs N app processes sharing one port,
// so every core of a small server serves readers. The primary serves nothing itself: it starts
// the workers, starts another (after a pause that grows with repeated failures) when one dies,
// replaces them one at a time on SIGHUP (a rolling restart: new code, no dropped request), and on
// SIGTERM/SIGINT asks each to stop gracefully and waits for them.
import cluster, { type Worker } from 'node:cluster';
import { once } from 'node:events';
import type { Logger } from 'pino';

export interface SupervisorOptions {
  count: number;
  log: Logger;
  /** Called once, when the first N workers all listen, with the port they share. */
  onReady(port: number): void;
  /** How long a worker may take to stop before it is killed (its own limit, plus a margin). */
  stopTimeoutMs: number;
  /** How long a new worker may take to listen. */
  startTimeoutMs?: number;
}

/** The running cluster, as the process's signal handlers use it. */
export interface Supervisor {
  /** Replaces every worker, one after another, each once its successor listens. */
  rollingRestart(): Promise<void>;
  /** Stops every worker gracefully; resolves true when all of them exited cleanly. */
  stop(): Promise<boolean>;
}

/** Deaths within this window make the next restart wait longer. */
const CRASH_WINDOW_MS = 60_000;
const FIRST_RESTART_DELAY_MS = 500;
const MAX_RESTART_DELAY_MS = 30_000;

/** Forks `count` workers (this process must be the cluster primary) and looks after them. */
export function superviseWorkers(options: SupervisorOptions): Supervisor {
  const { log } = options;
  const startTimeoutMs = options.startTimeoutMs ?? 120_000;
  /** Workers being replaced or stopped on purpose: their exit is no crash. */
  const leaving = new WeakSet<Worker>();
  const crashes: number[] = [];
  let isStopping = false;
  let restarting: Promise<void> | undefined;

  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.once('exit', (code, signal) => {
      if (isStopping || leaving.has(worker)) return;
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && crashes[0]! < now - CRASH_WINDOW_MS) crashes.shift();
      const delayMs = Math.min(MAX_RESTART_DELAY_MS, FIRST_RESTART_DELAY_MS * 2 ** (crashes.length - 1));
      log.error({ pid: worker.process.pid, code, signal, restartInMs: delayMs }, 'worker died; starting another');
      setTimeout(() => {
        if (!isStopping) fork();
      }, delayMs);
    });
    return worker;
  };

  /** Resolves with the port once `worker` listens; rejects if it exits or takes too long. */
  const listening = (worker: Worker): Promise<number> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('worker did not start listening')), startTimeoutMs);
      const onExit = () => {
        clearTimeout(timer);
        reject(new Error('worker exited before listening'));
      };
      worker.once('exit', onExit);
      worker.once('listening', (address) => {
        clearTimeout(timer);
        worker.off('exit', onExit);
        resolve(address.port);
      });
    });

  /** Each worker being stopped, and whether it exited cleanly. */
  const stopping = new WeakMap<Worker, Promise<boolean>>();
  /** Asks a worker to stop (it finishes its requests and writes its counts), killing it after the limit. */
  const stopWorker = (worker: Worker): Promise<boolean> => {
    leaving.add(worker);
    let stopped = stopping.get(worker);
    if (stopped) return stopped;
    if (worker.isDead()) return Promise.resolve(worker.process.exitCode === 0);
    const exited = once(worker, 'exit') as Promise<[number | null, string | null]>;
    worker.process.kill('SIGTERM');
    const timer = setTimeout(() => {
      log.error({ pid: worker.process.pid }, 'worker did not stop in time; killing it');
      worker.process.kill('SIGKILL');
    }, options.stopTimeoutMs);
    stopped = exited.then(([code]) => {
      clearTimeout(timer);
      return code === 0;
    });
    stopping.set(worker, stopped);
    return stopped;
  };

  const current = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !leaving.has(w));

  const first = Array.from({ length: options.count }, fork);
  Promise.all(first.map(listening)).then(
    (ports) => options.onReady(ports[0]!),
    // A worker that failed to start is restarted by its exit handler; say so once here.
    (error: unknown) => log.error({ err: error }, 'not every worker started'),
  );
  log.info({ workers: options.count, pids: first.map((w) => w.process.pid) }, 'workers started');

  return {
    rollingRestart() {
      restarting ??= (async () => {
        const old = current();
        log.info({ workers: old.length }, 'rolling restart: replacing workers one at a time');
        for (const worker of old) {
          if (isStopping) break;
          const fresh = fork();
          try {
            await listening(fresh);
          } catch (error) {
            log.error({ err: error }, 'rolling restart stopped: a new worker did not start; the others keep serving');
            return;
          }
          await stopWorker(worker);
        }
        log.info('rolling restart done');
      })().finally(() => (restarting = undefined));
      return restarting;
    },
    async stop() {
      isStopping = true;
      // Workers already leaving (a rolling restart) are waited for too.
      const all = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
      const results = await Promise.all(all.map(stopWorker));
      return results.every(Boolean);
    },
  };
}
