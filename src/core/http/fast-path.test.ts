// The cache-first server: over real HTTP, a hit is answered before Fastify runs a hook, with the
// stored security headers; what the input guard refuses is never stored, so never a hit; while
// the server drains, hits close their connection.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { appWithCache, gate } from './page-cache-test-app.ts';

type App = Awaited<ReturnType<typeof appWithCache>>;

/** One HTTP/1.1 request over a fresh connection; the raw body, undecoded. */
function request(port: number, path: string, options: { method?: string; headers?: http.OutgoingHttpHeaders } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, agent: false, ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** One raw HTTP/1.1 request (the lines as given, in their letter case); the raw answer head. */
function rawRequest(port: number, lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = net.connect(port, '127.0.0.1', () =>
      socket.write([...lines, 'Connection: close', '', ''].join('\r\n')),
    );
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer.split('\r\n\r\n', 1)[0]!));
    socket.on('error', reject);
  });
}

describe('cache-first server', () => {
  let t: App;
  let port: number;
  before(async () => {
    t = await appWithCache(5);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as net.AddressInfo).port;
  });
  after(() => t.app.close());

  it('answers a hit without entering Fastify, with the headers the miss stored', async () => {
    const miss = await request(port, '/big', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(miss.headers['x-cache'], 'miss');
    const before = t.counts.fastifyRequests;
    const hit = await request(port, '/big', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(t.counts.fastifyRequests, before, 'no Fastify hook ran');
    assert.equal(hit.status, 200);
    assert.equal(hit.headers['x-cache'], 'hit');
    assert.equal(hit.headers['content-encoding'], 'gzip');
    assert.equal(hit.headers['etag'], miss.headers['etag']);
    assert.equal(hit.headers['x-content-type-options'], 'nosniff');
    assert.equal(hit.headers['x-frame-options'], 'SAMEORIGIN');
    assert.equal(hit.headers['content-security-policy'], miss.headers['content-security-policy']);
    assert.ok(hit.headers['date'], 'Node adds the Date');
    assert.equal(hit.body, miss.body);
    const notModified = await request(port, '/big', { headers: { 'if-none-match': String(miss.headers['etag']) } });
    assert.equal(notModified.status, 304);
    assert.equal(t.counts.fastifyRequests, before);
    const head = await request(port, '/big', { method: 'HEAD' });
    assert.equal(head.headers['x-cache'], 'hit');
    assert.equal(head.body, '');
  });

  it('passes to Fastify what it must not answer: signed-in staff, unknown queries, other methods', async () => {
    await request(port, '/public');
    for (const [path, options] of [
      ['/public', { headers: { authorization: 'Bearer x' } }],
      ['/public', { headers: { cookie: 'warta_session=abc' } }],
      ['/public?utm_source=x', {}],
      ['/public', { method: 'POST' }],
    ] as const) {
      const before = t.counts.fastifyRequests;
      const res = await request(port, path, options);
      assert.notEqual(res.headers['x-cache'], 'hit', `${path} ${JSON.stringify(options)}`);
      assert.equal(t.counts.fastifyRequests, before + 1);
    }
  });

  it("reads a hit's headers in any letter case and with duplicates, as a routed request would", async () => {
    const miss = await request(port, '/big');
    const etag = String(miss.headers['etag']);
    const raw = (headerLines: string[]) =>
      rawRequest(port, ['GET /big HTTP/1.1', 'Host: warta.example', ...headerLines]);
    const before = t.counts.fastifyRequests;
    assert.match(await raw(['ACCEPT-ENCODING: gzip']), /^content-encoding: gzip$/im);
    assert.match(await raw(['If-None-Match: "other"', 'IF-NONE-MATCH: ' + etag]), /^HTTP\/1\.1 304/);
    assert.equal(t.counts.fastifyRequests, before, 'both were hits');
    // Signed-in staff and credentials, however the client spells the header, go to Fastify.
    for (const lines of [['COOKIE: a=1', 'cookie: warta_session=abc'], ['AUTHORIZATION: Bearer x']]) {
      const counted = t.counts.fastifyRequests;
      assert.doesNotMatch(await raw(lines), /^x-cache: hit$/im, lines.join(' / '));
      assert.equal(t.counts.fastifyRequests, counted + 1, lines.join(' / '));
    }
  });

  it('counts Age and tells a stale hit from a fresh one as the clock moves', async () => {
    const miss = await request(port, '/robots.txt');
    assert.equal(miss.headers['x-cache'], 'miss');
    const ages: string[] = [];
    for (const step of [0, 0, 2000, 1000, 3000]) {
      t.advance(step);
      const hit = await request(port, '/robots.txt');
      ages.push(`${hit.headers['age']} ${hit.headers['x-cache']}`);
    }
    // The TTL is 5 s: past it the page is served stale while it is rendered again.
    assert.deepEqual(ages, ['0 hit', '0 hit', '2 hit', '3 hit', '6 stale']);
  });

  it('never stores what the input guard refuses, so it is refused every time', async () => {
    for (const path of ['/en%00', '/public?page=%FF', '/en/news/%C0%AF']) {
      for (let i = 0; i < 2; i++) {
        const res = await request(port, path);
        assert.notEqual(res.headers['x-cache'], 'hit', path);
        assert.ok(res.status >= 400, `${path}: ${res.status}`);
      }
    }
  });
});

describe('cache-first server while draining', () => {
  it('closes the connection after a hit once the app is closing', async () => {
    const t = await appWithCache(5);
    const closing = gate();
    t.app.addHook('preClose', async () => closing.open());
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as net.AddressInfo).port;
    assert.equal((await request(port, '/public')).headers['x-cache'], 'miss');

    // A request under way when the close begins: its connection is not idle, so it is not cut.
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('GET /public HTTP/1.1\r\nHost: warta.example\r\n');
    const closed = t.app.close();
    await closing.opened;
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    const ended = new Promise((resolve) => socket.once('close', resolve));
    socket.write('\r\n');
    await ended;
    await closed;
    assert.match(answer, /^HTTP\/1\.1 200 /);
    assert.match(answer, /\r\nx-cache: hit\r\n/i);
    assert.match(answer, /\r\nconnection: close\r\n/i);
    assert.match(answer, /\r\n\r\npage 1$/);
  });
});
