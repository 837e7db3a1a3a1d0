// How a domain that needs cookies gets them: cookie parsing is registered only inside that
// domain's own plugin, so the rest of the public site neither reads nor sets any.
import type { FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { ensureCookieSecret } from '../secret.ts';

/**
 * Registers cookie parsing (signed with the site's secret) in this plugin's scope, and marks
 * each of its routes as one that may set a cookie (the public site refuses others).
 */
export async function useScopedCookies(
  app: FastifyInstance,
  config: { cookieSecret: string | undefined; dataDir: string },
): Promise<void> {
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, setsCookie: true };
  });
  await app.register(fastifyCookie, { secret: ensureCookieSecret(config.cookieSecret, config.dataDir) });
}
