// The newsroom subtree at /newsroom: staff pages and forms. Never cached (private, no-store,
// and the page cache skips it), and every state-changing request must come from our own
// origin and carry its form token (accounts' guard: sessions, sign-in, CSRF).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import type { AppContext, DomainRoutes } from '../context.ts';
import { AppError } from '../core/http/errors.ts';
import { installPageErrorHandlers, type ErrorPageRenderer } from '../core/http/error-handler.ts';
import { isSiteOrigin } from '../core/http/origin.ts';
import { ensureCookieSecret } from '../core/secret.ts';
import { installStaffGuard } from '../accounts/index.ts';

/** Methods that change nothing; every other one must pass the same-origin check. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface NewsroomOptions {
  ctx: AppContext;
  routes: readonly DomainRoutes[];
  renderErrorPage: ErrorPageRenderer;
}

/** The newsroom subtree (register with prefix /newsroom). */
export async function newsroom(app: FastifyInstance, opts: NewsroomOptions): Promise<void> {
  const { ctx } = opts;
  installPageErrorHandlers(app, opts.renderErrorPage);
  await app.register(fastifyCookie, { secret: ensureCookieSecret(ctx.config.cookieSecret, ctx.config.dataDir) });
  await app.register(fastifyFormbody, { bodyLimit: 1024 * 1024 });
  const siteOrigin = new URL(ctx.config.baseUrl).origin;

  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (!isSameOrigin(request, siteOrigin)) {
      throw new AppError('cross_site_request', 'This form must be sent from the newsroom itself.');
    }
  });
  installStaffGuard(app, ctx);
  // Also on error pages: nothing from the newsroom may be stored by a browser or a proxy.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'private, no-store');
    return payload;
  });

  for (const routes of opts.routes) await app.register(routes, { ctx });
}

/**
 * Whether a state-changing request comes from a page of this site: the browser's `Origin`
 * header when it sends one, else `Sec-Fetch-Site`; a request with neither is refused, since
 * every browser that can run the newsroom sends at least one of them on a POST.
 */
export function isSameOrigin(request: FastifyRequest, siteOrigin: string): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) return isSiteOrigin(origin, siteOrigin, request.headers.host);
  return request.headers['sec-fetch-site'] === 'same-origin';
}
