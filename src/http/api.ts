// The API subtree at /api: JSON only, with one error shape ({ error: { code, message } }) and
// the stable codes of core/http/errors.ts. An unknown /api path is a JSON 404 here, never a
// reader page. /api/v1 is the versioned public API; /api/reads is the page script's beacon.
import type { FastifyInstance } from 'fastify';
import type { AppContext, DomainRoutes } from '../context.ts';
import { installApiErrorHandlers } from '../core/http/error-handler.ts';
import { AppError } from '../core/http/errors.ts';

export interface ApiOptions {
  ctx: AppContext;
  routes: readonly DomainRoutes[];
}

/** The API subtree (register with prefix /api). */
export async function api(app: FastifyInstance, opts: ApiOptions): Promise<void> {
  installApiErrorHandlers(app);
  // Claims /api and everything under it from the public site's `/:edition/*` routes: a path
  // here that no API route takes is this subtree's JSON 404, whatever the method.
  const unknown = async () => {
    throw new AppError('not_found', 'There is no API endpoint at this address.');
  };
  app.all('/', unknown);
  app.all('/*', unknown);
  for (const routes of opts.routes) await app.register(routes, { ctx: opts.ctx });
}
