// What a cached page answers with: the encoding the client accepts (compressed once per entry),
// 304 for a matching If-None-Match, headers only for HEAD; the same on the miss that stored it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import zlib from 'node:zlib';
import { chooseEncoding, matchesEtag } from './cached-page.ts';
import { appWithCache, bigPage } from './page-cache-test-app.ts';

const decode = (body: Buffer, encoding: string | undefined) =>
  (encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body).toString();

describe('cached page answers', () => {
  it('sends the encoding Accept-Encoding prefers, the same bytes on the miss and on hits', async () => {
    const { app, counts } = await appWithCache(5);
    const cases: Array<[string | undefined, string | undefined]> = [
      ['gzip, deflate, br', 'br'],
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['gzip;q=0.5, br;q=0.9', 'br'],
      ['deflate', undefined],
      ['identity', undefined],
      [undefined, undefined],
      ['*', 'br'],
    ];
    for (const [accept, expected] of cases) {
      const res = await app.inject({ url: '/big', headers: accept ? { 'accept-encoding': accept } : {} });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-encoding'], expected, `Accept-Encoding: ${accept}`);
      assert.equal(Number(res.headers['content-length']), res.rawPayload.length, `length for ${accept}`);
      assert.equal(decode(res.rawPayload, expected), bigPage(1), `body for ${accept}`);
      assert.match(String(res.headers['vary']), /accept-encoding/i);
      if (expected) assert.ok(res.rawPayload.length < bigPage(1).length / 3, 'compressed');
    }
    assert.equal(counts.renders, 1, 'one render served every encoding');
  });

  it('compresses nothing small or binary, and never varies a small page on the encoding', async () => {
    const { get } = await appWithCache(5);
    await get('/public');
    const hit = await get('/public', { 'accept-encoding': 'br, gzip' });
    assert.equal(hit.headers['x-cache'], 'hit');
    assert.equal(hit.headers['content-encoding'], undefined);
    assert.equal(hit.body, 'page 1');
  });

  it('answers 304 to a matching If-None-Match, on the miss and on hits, with the caching headers', async () => {
    const { get } = await appWithCache(5);
    const first = await get('/big', { 'accept-encoding': 'gzip' });
    const etag = String(first.headers['etag']);
    assert.match(etag, /^W\/".+"$/);
    for (const ifNoneMatch of [etag, etag.slice(2), `"other", ${etag}`, '*']) {
      const res = await get('/big', { 'if-none-match': ifNoneMatch, 'accept-encoding': 'br' });
      assert.equal(res.statusCode, 304, ifNoneMatch);
      assert.equal(res.body, '');
      assert.equal(res.headers['etag'], etag);
      assert.equal(res.headers['cache-control'], first.headers['cache-control']);
      assert.match(String(res.headers['vary']), /accept-encoding/i);
      assert.equal(res.headers['content-encoding'], undefined);
    }
    const changed = await get('/big', { 'if-none-match': '"stale"' });
    assert.equal(changed.statusCode, 200);
    assert.equal(changed.body, bigPage(1));
  });

  it('answers 304 on the very miss that stores the page', async () => {
    const { get, advance } = await appWithCache(5, { staleSeconds: 0 });
    const etag = String((await get('/stable')).headers['etag']);
    advance(5000);
    // Rendered again to the same bytes: the same ETag, so the miss itself answers 304.
    const res = await get('/stable', { 'if-none-match': etag, 'accept-encoding': 'gzip' });
    assert.equal(res.headers['x-cache'], 'miss');
    assert.equal(res.statusCode, 304);
    assert.equal(res.headers['etag'], etag);
    assert.equal(res.body, '');
  });

  it('never answers 304 for a cached 404: preconditions are for 2xx answers', async () => {
    const { get } = await appWithCache(5);
    const first = await get('/en/nope');
    assert.equal(first.statusCode, 404);
    const res = await get('/en/nope', { 'if-none-match': '*' });
    assert.equal(res.headers['x-cache'], 'hit');
    assert.equal(res.statusCode, 404);
  });

  it('answers HEAD with the headers of the chosen variant and no body', async () => {
    const { app, get } = await appWithCache(5);
    const full = await get('/big', { 'accept-encoding': 'br' });
    const head = await app.inject({ method: 'HEAD', url: '/big', headers: { 'accept-encoding': 'br' } });
    assert.equal(head.statusCode, 200);
    assert.equal(head.headers['x-cache'], 'hit');
    assert.equal(head.headers['content-encoding'], 'br');
    assert.equal(head.headers['content-length'], full.headers['content-length']);
    assert.equal(head.body, '');
  });
});

describe('negotiation and validators', () => {
  it('picks br over gzip on a tie and identity when nothing else is acceptable', () => {
    assert.equal(chooseEncoding('gzip, br'), 'br');
    assert.equal(chooseEncoding('gzip, br;q=0.1'), 'gzip');
    assert.equal(chooseEncoding('zstd'), 'identity');
    assert.equal(chooseEncoding(''), 'identity');
  });

  it('compares ETags weakly, in lists, and takes "*"', () => {
    assert.ok(matchesEtag('W/"a"', 'W/"a"'));
    assert.ok(matchesEtag('"a"', 'W/"a"'));
    assert.ok(matchesEtag('"x" ,  W/"a"', 'W/"a"'));
    assert.ok(matchesEtag('*', 'W/"a"'));
    assert.ok(!matchesEtag('"b"', 'W/"a"'));
    assert.ok(!matchesEtag(undefined, 'W/"a"'));
  });
});
