// Prometheus metrics at GET /metrics (WARTA_METRICS=1), through prom-client: requests and their
// latency per route group (a handful of groups, never raw URLs, so the series stay few), the
// page cache's hit ratio, how far behind the read counter's writes are, and how late events
// from other processes arrive. Under `--workers N` any worker answers with the sum of all of them.
import { createHash, timingSafeEqual } from 'node:crypto';
import cluster from 'node:cluster';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { askPrimaryForMetrics } from './cluster-metrics.ts';

/** Where a request belongs, for the labels: the three subtrees, split by what they serve. */
export type RouteGroup = 'public' | 'newsroom' | 'api' | 'assets' | 'media' | 'ops';

const OPS_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** The route group of a request URL (its path only). */
export function routeGroupOf(url: string): RouteGroup {
  const path = url.split('?', 1)[0]!;
  const first = path.split('/', 2)[1] ?? '';
  if (first === 'newsroom' || first === 'api' || first === 'assets' || first === 'media') return first;
  return OPS_PATHS.has(path) ? 'ops' : 'public';
}

/** What the metrics read from the rest of the app when scraped. */
export interface MetricSources {
  /** The page cache's size, and its hits and misses since start. */
  pageCacheStats(): { entries: number; bytes: number; hits: number; misses: number };
  /** The read counter, when the reads domain is mounted. */
  readCounter?(): { pendingTotal: number; lastFlushedAt: Date } | undefined;
  /** The newest event this process's listeners have handled, and when. */
  lastEvent(): { createdAt: Date; handledAt: Date } | undefined;
}

export interface MetricsOptions {
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  token: string | undefined;
  sources: MetricSources;
}

/** Registers the metrics, the hook that measures each request, and GET /metrics. */
export function installMetrics(app: FastifyInstance, options: MetricsOptions): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const { sources } = options;

  const requests = new Counter({
    name: 'warta_http_requests_total',
    help: 'Requests answered by the app (page cache hits aside), by route group and status class.',
    labelNames: ['group', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'warta_http_request_duration_seconds',
    help: 'Time from receiving a request to having sent its answer, by route group.',
    labelNames: ['group'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // Read from the cache's own counters: its hits are mostly answered before Fastify (and so
  // before the request metrics above) sees the request.
  new Counter({
    name: 'warta_page_cache_lookups_total',
    help: 'Cacheable requests served from the page cache (hit) or rendered (miss).',
    labelNames: ['result'] as const,
    registers: [registry],
    collect() {
      const { hits, misses } = sources.pageCacheStats();
      this.reset();
      this.inc({ result: 'hit' }, hits);
      this.inc({ result: 'miss' }, misses);
    },
  });
  new Gauge({
    name: 'warta_page_cache_hit_ratio',
    help: 'Share of cacheable requests served from the page cache since start (0 to 1).',
    aggregator: 'average',
    registers: [registry],
    collect() {
      const { hits, misses } = sources.pageCacheStats();
      this.set(hits + misses === 0 ? 0 : hits / (hits + misses));
    },
  });
  new Gauge({
    name: 'warta_page_cache_entries',
    help: 'Answers held in the page cache.',
    registers: [registry],
    collect() {
      this.set(sources.pageCacheStats().entries);
    },
  });
  new Gauge({
    name: 'warta_page_cache_bytes',
    help: 'Bytes held in the page cache.',
    registers: [registry],
    collect() {
      this.set(sources.pageCacheStats().bytes);
    },
  });
  new Gauge({
    name: 'warta_reads_pending',
    help: 'Reads counted in memory and not yet written to the database.',
    registers: [registry],
    collect() {
      this.set(sources.readCounter?.()?.pendingTotal ?? 0);
    },
  });
  new Gauge({
    name: 'warta_reads_flush_lag_seconds',
    help: 'Age of the oldest read not yet written (0 when none is pending); grows while writes fail.',
    aggregator: 'max',
    registers: [registry],
    collect() {
      const counter = sources.readCounter?.();
      const pending = counter?.pendingTotal ?? 0;
      this.set(counter && pending > 0 ? (Date.now() - counter.lastFlushedAt.getTime()) / 1000 : 0);
    },
  });
  new Gauge({
    name: 'warta_event_lag_seconds',
    help: 'How long after its commit the newest event reached this process (NOTIFY or outbox poll).',
    aggregator: 'max',
    registers: [registry],
    collect() {
      const event = sources.lastEvent();
      this.set(event ? Math.max(0, (event.handledAt.getTime() - event.createdAt.getTime()) / 1000) : 0);
    },
  });
  new Gauge({
    name: 'warta_event_last_handled_timestamp_seconds',
    help: 'Commit time of the newest event this process has handled (Unix seconds; 0: none yet).',
    aggregator: 'min',
    registers: [registry],
    collect() {
      this.set((sources.lastEvent()?.createdAt.getTime() ?? 0) / 1000);
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const group = routeGroupOf(request.url);
    requests.inc({ group, status: `${Math.floor(reply.statusCode / 100)}xx` });
    duration.observe({ group }, reply.elapsedTime / 1000);
  });

  // A worker's numbers are a part; the primary gathers every worker's (prom-client's cluster support).
  const isWorker = cluster.isWorker && typeof process.send === 'function';
  if (isWorker) {
    // Making one installs prom-client's side of the exchange in this worker (it answers the primary).
    new AggregatorRegistry();
    AggregatorRegistry.setRegistries([registry]);
  }
  const isAuthorized = tokenCheck(options.token);
  app.get('/metrics', { config: { logRequests: false } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!isAuthorized(request)) {
      return reply.code(401).header('www-authenticate', 'Bearer').type('text/plain').send('unauthorized\n');
    }
    const text = isWorker ? await askPrimaryForMetrics() : await registry.metrics();
    return reply.type(registry.contentType).send(text);
  });
  return registry;
}

/** Whether a request carries the bearer token (always, when none is set); constant-time. */
function tokenCheck(token: string | undefined): (request: FastifyRequest) => boolean {
  if (token === undefined) return () => true;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  const expected = digest(`Bearer ${token}`);
  return (request) => timingSafeEqual(digest(request.headers.authorization ?? ''), expected);
}
