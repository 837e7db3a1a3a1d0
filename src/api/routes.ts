// The read API's routes under /api: news, site, radio, oEmbed, the document and its reference page,
// with the shared schemas and the rules of read-route.ts over all of them.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { docsRoutes } from './docs/routes.ts';
import { oembedRoutes } from './oembed.ts';
import { installReadRules, preflight } from './read-route.ts';
import { newsRoutes } from './routes/news.ts';
import { radioRoutes } from './routes/radio.ts';
import { siteRoutes } from './routes/site.ts';
import { SHARED_SCHEMAS } from './schemas.ts';

/** The read API (register under /api). */
export async function readApiRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  installReadRules(app);
  // Every /api/v1 address answers the CORS preflight (reads only); not an endpoint of the document.
  app.options('/v1/*', { schema: { hide: true } }, preflight);
  await newsRoutes(app, ctx);
  await siteRoutes(app, ctx);
  await radioRoutes(app, ctx);
  await oembedRoutes(app, ctx);
  await docsRoutes(app, ctx);
}
