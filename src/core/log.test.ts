// Request logging keeps no personal data: no address (unless turned on), cookie, header or query.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { loadConfig } from './config.ts';
import { createLogger, loggerOptions, withoutCredentials } from './log.ts';
import { formatLogLine } from './log-pretty.ts';

const READER = '203.0.113.7';
const SECRETS = [READER, '127.0.0.1', 'kucing', 'session=abc123', 'abc123', 'Bearer', 'hunter2'];

/** An app like Warta's, logging into `lines`: a search route, a failing one, a silent one. */
async function buildLoggedApp(env: Record<string, string> = {}) {
  const lines: string[] = [];
  const config = loadConfig({ WARTA_LOG_FORMAT: 'json', ...env });
  const app = Fastify({ ...loggerOptions(config, { stream: { write: (l) => lines.push(l) } }), trustProxy: true });
  app.get('/en/search', async () => 'results');
  app.get('/boom', async (request) => {
    request.log.error({ err: new Error('database is down') }, 'request failed');
    throw new Error('database is down');
  });
  app.post('/integrity/report', { config: { logRequests: false } }, async () => 'thank you');
  await app.ready();
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { app, lines, records };
}

const visitor = {
  cookie: 'session=abc123',
  authorization: 'Bearer hunter2',
  'x-forwarded-for': READER,
  'user-agent': 'test',
};

describe('request logs', () => {
  it('carry method, path without query, status and time, and no address, cookie or header', async () => {
    const { app, lines, records } = await buildLoggedApp();
    const res = await app.inject({ url: '/en/search?q=kucing&page=2', headers: visitor });
    assert.equal(res.statusCode, 200);
    const completed = records().find((r) => r.msg === 'request completed');
    assert.deepEqual(completed?.req, { method: 'GET', path: '/en/search' });
    assert.deepEqual(completed?.res, { statusCode: 200 });
    assert.equal(typeof completed?.responseTime, 'number');
    assert.equal(records().length, 1, 'one line per request ("incoming request" is debug)');
    for (const secret of SECRETS) assert.ok(!lines.join('').includes(secret), `${secret} is not logged`);
    await app.close();
  });

  it('carry the client address (as the trusted proxy reports it) with WARTA_LOG_CLIENT_ADDRESSES=1', async () => {
    const { app, records, lines } = await buildLoggedApp({ WARTA_LOG_CLIENT_ADDRESSES: '1' });
    await app.inject({ url: '/en/search?q=kucing', headers: visitor });
    const completed = records().find((r) => r.msg === 'request completed');
    assert.deepEqual(completed?.req, { method: 'GET', path: '/en/search', remoteAddress: READER });
    assert.ok(!lines.join('').includes('kucing'), 'still no query string');
    assert.ok(!lines.join('').includes('abc123'), 'still no cookie');
    await app.close();
  });

  it('log errors with the request id and the error only', async () => {
    const { app, lines, records } = await buildLoggedApp();
    const res = await app.inject({ url: '/boom?token=hunter2', headers: visitor });
    assert.equal(res.statusCode, 500);
    const failed = records().find((r) => r.msg === 'request failed');
    assert.ok(failed);
    assert.deepEqual(Object.keys(failed).sort(), ['err', 'hostname', 'level', 'msg', 'pid', 'reqId', 'time']);
    // Fastify's own error line (default handler) goes through the same serializers.
    assert.ok(records().some((r) => r.msg === 'database is down'));
    for (const secret of SECRETS) assert.ok(!lines.join('').includes(secret), `${secret} is not logged`);
    await app.close();
  });

  it('write nothing for a route with config.logRequests = false', async () => {
    const { app, lines } = await buildLoggedApp({ WARTA_LOG_CLIENT_ADDRESSES: '1', WARTA_LOG_LEVEL: 'trace' });
    const res = await app.inject({
      method: 'POST',
      url: '/integrity/report',
      headers: visitor,
      payload: { text: 'x' },
    });
    assert.equal(res.body, 'thank you');
    assert.deepEqual(lines, []);
    await app.close();
  });

  it('log a missing page without its query string', async () => {
    const { app, lines } = await buildLoggedApp();
    await app.inject({ url: '/nowhere?q=kucing', headers: visitor });
    assert.match(lines.join(''), /"path":"\/nowhere"/);
    for (const secret of SECRETS) assert.ok(!lines.join('').includes(secret), `${secret} is not logged`);
    await app.close();
  });

  it('redact credentials someone logs by hand', () => {
    const lines: string[] = [];
    const log = createLogger(loadConfig({ WARTA_LOG_FORMAT: 'json' }), { stream: { write: (l) => lines.push(l) } });
    log.info({ headers: { cookie: 'session=abc123', 'set-cookie': 'a=abc123', accept: 'text/html' } }, 'headers');
    log.info({ upstream: { headers: { authorization: 'Bearer hunter2' } } }, 'nested');
    assert.ok(!lines.join('').includes('abc123') && !lines.join('').includes('hunter2'), lines.join(''));
    assert.match(lines[0]!, /"accept":"text\/html"/);
  });

  it('redact credential headers in any case, in an error too, and leave the logged objects as they were', () => {
    const lines: string[] = [];
    const log = createLogger(loadConfig({ WARTA_LOG_FORMAT: 'json' }), { stream: { write: (l) => lines.push(l) } });
    const upstream = { status: 401, headers: { Authorization: 'Basic czNjcjN0', 'Proxy-Authorization': 'pw-abc123' } };
    const error = Object.assign(new Error('webhook refused'), { headers: { 'Set-Cookie': 'sid=abc123' } });
    const headers = { COOKIE: 'session=abc123', accept: 'text/html' };
    log.info({ upstream, headers, count: 3, list: [{ headers: { cookie: 'in-an-array' } }] }, 'by hand');
    log.error({ err: error }, 'delivery failed');
    const [line, errorLine] = lines.map((l) => JSON.parse(l) as Record<string, any>);
    assert.deepEqual(line!.upstream, {
      status: 401,
      headers: { Authorization: '[redacted]', 'Proxy-Authorization': '[redacted]' },
    });
    assert.deepEqual(line!.headers, { COOKIE: '[redacted]', accept: 'text/html' });
    assert.equal(line!.count, 3);
    // Two levels only, as before: an array's items are not walked.
    assert.deepEqual(line!.list, [{ headers: { cookie: 'in-an-array' } }]);
    // Still an error: its message and stack, with the cookie censored.
    assert.equal(errorLine!.err.message, 'webhook refused');
    assert.match(errorLine!.err.stack, /webhook refused/);
    assert.deepEqual(errorLine!.err.headers, { 'Set-Cookie': '[redacted]' });
    assert.ok(!lines.join('').includes('abc123') && !lines.join('').includes('czNjcjN0'), lines.join(''));
    // The objects the caller logged are not changed.
    assert.equal(upstream.headers.Authorization, 'Basic czNjcjN0');
    assert.equal(headers.COOKIE, 'session=abc123');
    assert.deepEqual(error.headers, { 'Set-Cookie': 'sid=abc123' });
  });

  it('pass a request line through as it is', () => {
    const line = { req: { headers: { cookie: 'x' } }, res: { statusCode: 200 }, responseTime: 1.5 };
    assert.equal(withoutCredentials(line), line);
  });
});

describe('log format', () => {
  it('is readable text when pretty, or when auto and writing to a terminal', () => {
    for (const [format, isTerminal] of [
      ['pretty', false],
      ['auto', true],
    ] as const) {
      const lines: string[] = [];
      const log = createLogger(loadConfig({ WARTA_LOG_FORMAT: format }), {
        stream: { write: (l) => lines.push(l) },
        isTerminal,
      });
      log.info({ engine: 'sqlite' }, 'Warta is ready');
      assert.match(lines[0]!, /^\d\d:\d\d:\d\d INFO {2}Warta is ready engine=sqlite\n$/);
    }
  });

  it('is JSON lines when json, or when auto and not writing to a terminal', () => {
    for (const format of ['json', 'auto']) {
      const lines: string[] = [];
      createLogger(loadConfig({ WARTA_LOG_FORMAT: format }), { stream: { write: (l) => lines.push(l) } }).info('hi');
      assert.equal((JSON.parse(lines[0]!) as { msg: string }).msg, 'hi');
    }
  });

  it('shows a request as one short line and an error with its stack', () => {
    const request = {
      level: 30,
      time: 0,
      reqId: 'req-1',
      req: { method: 'GET', path: '/en' },
      res: { statusCode: 200 },
    };
    const line = formatLogLine(JSON.stringify({ ...request, responseTime: 12.3, msg: 'request completed' }));
    assert.match(line, / INFO {2}GET \/en 200 12 ms req=req-1\n$/);
    const error = formatLogLine(
      JSON.stringify({
        level: 50,
        time: 0,
        msg: 'request failed',
        err: { type: 'Error', stack: 'Error: x\n    at y' },
      }),
    );
    assert.match(error, / ERROR request failed\n {2}Error: x\n {6}at y\n$/);
  });
});
