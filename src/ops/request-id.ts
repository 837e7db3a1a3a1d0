// Request ids: every request gets one, in its log lines and in an `X-Request-Id` answer header,
// so a reader's report or a proxy's log line leads to our lines. A trusted proxy's id is kept
// (the same id along the whole path), but only when it looks like an id: anything else could
// smuggle text into the logs.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyInstance } from 'fastify';

/** The header read from a trusted proxy and sent back on every answer. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What a proxy's id may be: nginx's $request_id, a UUID, a trace id; short, no spaces. */
const SAFE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * Fastify's `genReqId`: the proxy's X-Request-Id when the peer is a proxy WARTA_TRUST_PROXY
 * names and the id is safe, else 16 random hex digits.
 */
export function createRequestIdGenerator(trustProxy: boolean | string): (request: IncomingMessage) => string {
  const isTrusted = trustFunction(trustProxy);
  return (request) => {
    const given = request.headers[REQUEST_ID_HEADER];
    if (typeof given === 'string' && SAFE_ID.test(given)) {
      const peer = request.socket?.remoteAddress;
      if (peer !== undefined && isTrusted(peer)) return given;
    }
    return randomId();
  };
}

/** Random bytes drawn from the system at once, for many ids: one call per request costs more. */
const POOL_SIZE = 4096;
const ID_BYTES = 8;
let pool = Buffer.alloc(0);
let offset = 0;

/** 16 random hex digits. */
function randomId(): string {
  if (offset + ID_BYTES > pool.length) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  const id = pool.toString('hex', offset, offset + ID_BYTES);
  offset += ID_BYTES;
  return id;
}

/** The same trust rule as Fastify's `trustProxy` (true, false or a list of addresses/networks). */
function trustFunction(trustProxy: boolean | string): (address: string) => boolean {
  if (typeof trustProxy === 'boolean') return () => trustProxy;
  const trust = proxyAddr.compile(trustProxy.split(',').map((p) => p.trim()));
  return (address) => trust(address, 0);
}

/**
 * Sends the request id with every answer. In onSend, so it runs after the page cache has stored
 * an answer's headers (a cached page must not repeat the id of the request that filled it).
 */
export function installRequestIdHeader(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done(null, payload);
  });
}
