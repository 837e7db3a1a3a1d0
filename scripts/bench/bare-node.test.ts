// The benchmark's bare node:http yardstick answers with exactly the answer it was given, on every
// path and connection, and leaves nothing behind when stopped.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import { describe, it } from 'node:test';
import { startBareNode } from './bare-node.ts';

describe('the bare node:http yardstick', () => {
  it('sends the given bytes and headers, without the connection headers it was given', async () => {
    const body = Buffer.from('<!doctype html><title>Kabar</title><p>Berita — خبر — 新闻</p>');
    const given = new Headers({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'public, max-age=15',
      etag: 'W/"abc"',
      'content-security-policy': "default-src 'self'",
      date: 'Thu, 01 Jan 1970 00:00:00 GMT',
      connection: 'close',
      'content-length': '1',
    });
    const server = await startBareNode(body, given, undefined);
    const dirs = () => fs.readdirSync(os.tmpdir()).filter((d) => d.startsWith('warta-bench-node-'));
    const before = dirs().length;
    try {
      const response = await fetch(`${server.baseUrl}${server.path}`);
      assert.equal(response.status, 200);
      assert.deepEqual(Buffer.from(await response.arrayBuffer()), body);
      for (const name of ['content-type', 'cache-control', 'etag', 'content-security-policy'])
        assert.equal(response.headers.get(name), given.get(name), name);
      assert.equal(response.headers.get('content-length'), String(body.length));
      assert.notEqual(response.headers.get('date'), given.get('date'));
      assert.equal(response.headers.get('connection'), 'keep-alive');
      const head = await fetch(`${server.baseUrl}/any/other/path`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal((await head.arrayBuffer()).byteLength, 0);
    } finally {
      await server.stop();
    }
    assert.equal(dirs().length, before - 1);
  });
});
