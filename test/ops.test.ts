// What operators and load balancers see: /healthz, /readyz (database reachable, migrations
// current; never cached), request ids in X-Request-Id (a trusted proxy's kept when safe), and
// Prometheus metrics at /metrics, off unless WARTA_METRICS=1, behind a bearer token when one is set.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { checkReadiness } from '../src/ops/health.ts';
import { routeGroupOf } from '../src/ops/metrics.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { createEmptyDatabase } from './helpers/empty-database.ts';
import { makePage } from './helpers/factories.ts';

const TOKEN = 'metrics-token-0123456789';
let plain: TestApp;
let ops: TestApp;

before(async () => {
  plain = await createTestApp();
  ops = await createTestApp({ WARTA_METRICS: '1', WARTA_METRICS_TOKEN: TOKEN, WARTA_TRUST_PROXY: '127.0.0.1' });
});
after(async () => {
  await plain.close();
  await ops.close();
});

describe('health checks', () => {
  it('/healthz answers 200 while the process runs, never cached', async () => {
    const res = await plain.app.inject('/healthz');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.deepEqual(res.json(), { status: 'ok' });
  });

  it('/readyz answers 200 when the database answers and has every migration, never from a cache', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await plain.app.inject('/readyz');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(res.headers['x-cache'], undefined);
      assert.deepEqual(res.json(), { status: 'ready', database: 'ok', migrations: 'current' });
    }
  });

  it('/readyz answers 503 when the database lacks a migration this code has', async () => {
    const newest = await sql<{
      name: string;
      timestamp: string;
    }>`select name, timestamp from kysely_migration order by name desc limit 1`.execute(plain.db);
    const row = newest.rows[0]!;
    await sql`delete from kysely_migration where name = ${row.name}`.execute(plain.db);
    try {
      const res = await plain.app.inject('/readyz');
      assert.equal(res.statusCode, 503);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.deepEqual(res.json(), {
        status: 'not_ready',
        database: 'ok',
        migrations: 'pending',
        pendingMigrations: 1,
      });
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${row.name}, ${row.timestamp})`.execute(
        plain.db,
      );
    }
    assert.equal((await plain.app.inject('/readyz')).statusCode, 200);
  });

  it('says not ready for a database never migrated, and for one that does not answer', async () => {
    const empty = await createEmptyDatabase();
    try {
      assert.deepEqual(await checkReadiness(empty.db.kysely), {
        status: 'not_ready',
        database: 'ok',
        migrations: 'unknown',
      });
      await empty.db.close();
      assert.deepEqual(await checkReadiness(empty.db.kysely), {
        status: 'not_ready',
        database: 'unreachable',
        migrations: 'unknown',
      });
    } finally {
      await empty.cleanup();
    }
  });
});

describe('request ids', () => {
  // (A page cache hit has none: nothing is logged for it, so an id would lead nowhere.)
  it('sends a new id with every answer the app renders, pages and errors alike', async () => {
    const ids = [];
    for (const url of ['/en', '/no-such-edition-page', '/api/nothing', '/healthz', '/healthz']) {
      const res = await plain.app.inject(url);
      assert.match(String(res.headers['x-request-id']), /^[0-9a-f]{16}$/, url);
      ids.push(res.headers['x-request-id']);
    }
    assert.equal(new Set(ids).size, ids.length, 'each request has its own');
  });

  it("keeps a trusted proxy's id when it looks like one, and only then", async () => {
    const ask = (remoteAddress: string, id: string) =>
      ops.app.inject({ url: '/healthz', remoteAddress, headers: { 'x-request-id': id } });
    const fromProxy = await ask('127.0.0.1', 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
    assert.equal(fromProxy.headers['x-request-id'], 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
    for (const unsafe of ['short', 'has space in it', 'x'.repeat(65), 'line\u2028break-00']) {
      const res = await ask('127.0.0.1', unsafe);
      assert.match(String(res.headers['x-request-id']), /^[0-9a-f]{16}$/, unsafe);
    }
    const fromReader = await ask('192.0.2.9', 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
    assert.match(String(fromReader.headers['x-request-id']), /^[0-9a-f]{16}$/, 'a client cannot choose its id');
    const untrustingApp = await plain.app.inject({
      url: '/healthz',
      headers: { 'x-request-id': 'a1b2c3d4e5f60718293a4b5c6d7e8f90' },
    });
    assert.notEqual(untrustingApp.headers['x-request-id'], 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
  });
});

describe('metrics', () => {
  const scrape = () => ops.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });

  it('are off unless WARTA_METRICS=1', async () => {
    assert.equal((await plain.app.inject('/metrics')).statusCode, 404);
  });

  it('need the bearer token when one is set', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789', TOKEN]) {
      const res = await ops.app.inject({ url: '/metrics', headers: authorization ? { authorization } : {} });
      assert.equal(res.statusCode, 401, String(authorization));
      assert.equal(res.headers['www-authenticate'], 'Bearer');
    }
  });

  it('count requests per route group, page cache hits, pending reads and handled events', async () => {
    const page = await makePage(ops.db, { title: 'Contact the newsroom' }); // an event, handled here
    const path = `/en/${page.path}`;
    for (let i = 0; i < 3; i++) assert.equal((await ops.app.inject(path)).statusCode, 200);
    assert.equal((await ops.app.inject('/api/nothing')).statusCode, 404);
    // Signed out, a newsroom address leads to sign-in.
    assert.equal((await ops.app.inject('/newsroom/nothing')).statusCode, 303);
    const article = (await ops.db.selectFrom('articles').select('id').executeTakeFirst()) ?? undefined;
    if (article)
      await ops.app.inject({
        method: 'POST',
        url: `/api/reads/${article.id}`,
        headers: { 'user-agent': 'Mozilla/5.0 Firefox/128.0' },
      });

    const res = await scrape();
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    assert.equal(res.headers['cache-control'], 'no-store');
    const value = (series: string) => {
      const line = res.body.split('\n').find((l) => l.startsWith(`${series} `));
      assert.ok(line, `${series} in:\n${res.body.slice(0, 3000)}`);
      return Number(line.slice(series.length + 1));
    };
    assert.ok(value('warta_http_requests_total{group="public",status="2xx"}') >= 1);
    assert.equal(value('warta_http_requests_total{group="api",status="4xx"}'), 1);
    assert.equal(value('warta_http_requests_total{group="newsroom",status="3xx"}'), 1);
    assert.ok(value('warta_http_request_duration_seconds_count{group="public"}') >= 1);
    assert.ok(value('warta_page_cache_lookups_total{result="hit"}') >= 2, 'the second and third views were hits');
    assert.ok(value('warta_page_cache_hit_ratio') > 0);
    assert.ok(value('warta_page_cache_entries') >= 1);
    assert.ok(value('warta_event_last_handled_timestamp_seconds') > 0);
    assert.ok(value('warta_event_lag_seconds') >= 0);
    assert.ok(value('warta_reads_flush_lag_seconds') >= 0);
    assert.ok(value('warta_reads_pending') >= 0);
    assert.ok(value('process_cpu_seconds_total') > 0, 'with the process figures');
  });

  it('label requests by a few route groups, never by URL', () => {
    assert.equal(routeGroupOf('/en/news/12/a-story?x=1'), 'public');
    assert.equal(routeGroupOf('/'), 'public');
    assert.equal(routeGroupOf('/newsroom'), 'newsroom');
    assert.equal(routeGroupOf('/newsroom/articles/3'), 'newsroom');
    assert.equal(routeGroupOf('/api/reads/3'), 'api');
    assert.equal(routeGroupOf('/assets/site.1234.css'), 'assets');
    assert.equal(routeGroupOf('/media/2024/01/x.webp'), 'media');
    assert.equal(routeGroupOf('/healthz'), 'ops');
    assert.equal(routeGroupOf('/newsroomish'), 'public');
  });
});
