// Where the lookup sits: only where nothing else answered. A live page never pays for it.
// - Every public GET/HEAD route gets a route-level error handler (through the root's onRoute hook,
//   so no domain's routes change): when the route fails with a 404 (the page tree's catch-all
//   under an edition, an unknown story id) or its path parameters fail their schema (an old path
//   that happens to look like a route), the old address is looked up; nothing found, the error
//   goes on to the site's error handler as before.
// - The site's root (`/`, which answers every request with the default edition) looks a request
//   with a query up first: WordPress's old links are `/?p=123`.
// - A request no route matched (Fastify's not-found handler, e.g. `/indonesian/index.php/…`) is
//   looked up in an onRequest hook that runs for those requests only.
// A found redirect is a 301 with a Cache-Control a CDN can hold; its Location comes from the
// table or from our own path helpers, never from the request.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../core/http/errors.ts';
import type { RedirectResolver } from './resolve.ts';

/** Browsers keep a 301 an hour; a CDN a day (it is purged when a redirect changes). */
export const REDIRECT_CACHE = 'public, max-age=3600, s-maxage=86400, stale-if-error=86400';

/** Paths that are never an old address of the public site. */
const PRIVATE = /^\/(?:newsroom|api)(?:[/?]|$)/;

/** Installs the lookup on the root instance (call before the subtrees are registered). */
export function installRedirectLookup(app: FastifyInstance, resolver: RedirectResolver): void {
  const answer = async (request: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
    let found;
    try {
      found = await resolver.resolve(request.url);
    } catch (error) {
      // A failed lookup must not turn a 404 into a 500: the not-found answer stands.
      request.log.error({ err: error }, 'redirect lookup failed');
      return false;
    }
    if (!found) return false;
    reply.header('cache-control', REDIRECT_CACHE).redirect(found.location, 301);
    return true;
  };

  app.addHook('onRoute', (route: RouteOptions) => {
    if (!isPublicRead(route) || route.errorHandler) return;
    if (route.url === '/') {
      // The site's root answers every request (it sends readers to an edition), so WordPress's
      // `/?p=123` would never reach a 404: a root address with a query is looked up first.
      const handler = route.handler;
      route.handler = async function (request, reply) {
        if (request.url.includes('?') && (await answer(request, reply))) return reply;
        return handler.call(this, request, reply);
      };
    }
    route.errorHandler = async function (error: FastifyError, request, reply) {
      if (isNotFound(error) && (await answer(request, reply))) return reply;
      throw error; // the site's own error handler answers, as without redirects
    };
  });

  // Callback style: every request passes here and nearly all go on at once, without an async
  // hook's promise. One that answers (a redirect) does not call done, as Fastify asks.
  app.addHook('onRequest', (request, reply, done) => {
    if (!request.is404 || (request.method !== 'GET' && request.method !== 'HEAD')) return done();
    if (PRIVATE.test(request.url)) return done();
    answer(request, reply).then((isAnswered) => {
      if (!isAnswered) done();
    }, done);
  });
}

function isPublicRead(route: RouteOptions): boolean {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  if (!methods.every((m) => m === 'GET' || m === 'HEAD')) return false;
  return !PRIVATE.test(route.url);
}

/** A 404 of any domain, or path parameters an old address could not satisfy. */
function isNotFound(error: FastifyError): boolean {
  if (error instanceof AppError) return error.status === 404;
  if (error.validation) return error.validationContext === 'params';
  return error.statusCode === 404;
}
