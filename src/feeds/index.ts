// Feeds and discovery files: RSS, Atom and JSON Feed per edition and section, sitemaps, robots.txt.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { feedRoutes } from './routes.ts';
import { sitemapRoutes } from './sitemap-routes.ts';

/** Registers the feeds, the sitemaps and robots.txt. */
export async function discoveryRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  await app.register(feedRoutes, opts);
  await app.register(sitemapRoutes, opts);
}
export { el, xmlDocument, type XmlChild } from './xml.ts';
