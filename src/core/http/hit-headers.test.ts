// A hit reads its headers from the raw list: the same values Node's req.headers would give, in
// any letter case, with duplicates merged as Node merges them.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { describe, it } from 'node:test';
import { hitHeadersOf } from './hit-headers.ts';

const NAMES = ['accept', 'accept-encoding', 'authorization', 'cookie', 'if-none-match'] as const;

/** What a real server sees for one raw request: our reading and Node's, side by side. */
async function bothReadings(rawHead: string) {
  let seen: { ours: Record<string, unknown>; node: Record<string, unknown> } | undefined;
  const server = http.createServer((req, res) => {
    const ours = hitHeadersOf(req.rawHeaders);
    seen = {
      ours: Object.fromEntries(NAMES.map((n) => [n, ours[n]])),
      node: Object.fromEntries(NAMES.map((n) => [n, req.headers[n]])),
    };
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  try {
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.end(`${rawHead}\r\n`));
      socket.on('data', () => {});
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
  } finally {
    server.close();
  }
  assert.ok(seen, 'the server saw the request');
  return seen;
}

describe('hit headers', () => {
  it('read what req.headers reads, in any case, duplicates merged the same way', async () => {
    const heads = [
      'GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n',
      'GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\nAccept: text/html\r\nAccept-Encoding: gzip, br\r\n',
      [
        'GET / HTTP/1.1',
        'Host: a',
        'Connection: close',
        'ACCEPT: application/json',
        'accept: text/html;q=0.5',
        'Cookie: a=1',
        'COOKIE: warta_session=x',
        'Authorization: Bearer first',
        'authorization: Bearer second',
        'If-None-Match: "one"',
        'IF-NONE-MATCH: W/"two"',
        'Accept-Encoding: gzip',
        'accept-ENCODING: br;q=0.5',
        'X-Accept-Cookie: not-a-cookie',
        '',
      ].join('\r\n'),
    ];
    for (const head of heads) {
      const { ours, node } = await bothReadings(head);
      assert.deepEqual(ours, node, head);
    }
  });

  it('reads nothing from names that only look alike', () => {
    const headers = hitHeadersOf(['Accepts', 'text/html', 'cookies', 'a=1', 'x-authorization', 'y']);
    assert.deepEqual(
      NAMES.map((n) => headers[n]),
      [undefined, undefined, undefined, undefined, undefined],
    );
  });
});
