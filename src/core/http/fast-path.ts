// The server's first look at a request: a page cache hit is answered right here, before Fastify
// builds its request and reply objects, routes or runs a hook; everything else goes to Fastify.
// Safe because only answers a route accepted (its query, the input guard) are ever stored, under
// their exact URL, with their security headers; see page-cache.ts for what makes a key.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { FastifyServerFactory } from 'fastify';

/** What the fast path asks: answer this raw request, or say it did not. */
export interface RawResponder {
  serveRaw(req: IncomingMessage, res: ServerResponse): boolean;
}

/** Fastify's server options that its own server factory applies, and ours must too. */
interface ServerOptions {
  http?: http.ServerOptions;
  keepAliveTimeout?: number;
  requestTimeout?: number;
  connectionTimeout?: number;
  maxRequestsPerSocket?: number;
}

/**
 * A Fastify `serverFactory`: an HTTP/1.1 server that tries `responder()` before Fastify's handler.
 * The responder is looked up per request, as the page cache is made after the Fastify instance.
 */
export function cacheFirstServer(responder: () => RawResponder | undefined): FastifyServerFactory {
  return (handler, factoryOptions) => {
    const options = factoryOptions as ServerOptions;
    const server = http.createServer(options.http ?? {}, (req, res) => {
      let isServed = false;
      try {
        isServed = responder()?.serveRaw(req, res) === true;
      } catch (error) {
        // Never seen, but a broken entry must not take the process down: Fastify answers instead.
        if (res.headersSent) return void res.destroy(error as Error);
      }
      if (!isServed) handler(req, res);
    });
    // As Fastify's own factory does (lib/server.js), so its timeouts and limits still hold.
    if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
    if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
    server.setTimeout(options.connectionTimeout ?? 0);
    if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    return server;
  };
}
