// The public site: every reader page, feed and file. Cacheable by a CDN and cookie-free; the
// only cookies here are those a feature scopes to its own path (the voter cookie of ratings),
// set by routes that say so with `config: { setsCookie: true }`.
import type { FastifyInstance } from 'fastify';
import fastifyFormbody from '@fastify/formbody';
import type { AppContext, DomainRoutes } from '../context.ts';

export interface PublicSiteOptions {
  ctx: AppContext;
  routes: readonly DomainRoutes[];
  /** Registered after all `routes`, whatever their order: the page tree's catch-all. */
  fallbacks: readonly DomainRoutes[];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route sets a cookie scoped to its own path (the public site refuses others). */
    setsCookie?: boolean;
  }
}

/** The public subtree (an encapsulated plugin at the root prefix). */
export async function publicSite(app: FastifyInstance, opts: PublicSiteOptions): Promise<void> {
  const { ctx } = opts;
  await app.register(fastifyFormbody, { bodyLimit: 16 * 1024 });

  // Callback style, as every answer passes here: no async hook's promise per request.
  app.addHook('onSend', (request, reply, payload, done) => {
    // A cookie on a cacheable page would be served to every reader: never, by construction.
    if (reply.hasHeader('set-cookie') && request.routeOptions.config.setsCookie !== true) {
      request.log.error({ route: request.routeOptions.url }, 'a public route tried to set a cookie; removed');
      reply.removeHeader('set-cookie');
    }
    done(null, payload);
  });

  for (const routes of opts.routes) await app.register(routes, { ctx });
  for (const routes of opts.fallbacks) await app.register(routes, { ctx });
}
