// Serves the publisher logo PNG under its fingerprinted URL.
import type { FastifyInstance } from 'fastify';
import { IMMUTABLE } from '../core/http/cache.ts';
import { PUBLISHER_LOGO, renderPublisherLogo } from './publisher-logo.ts';

/** The discovery plugin: draws the logo once at startup, then serves it with a year-long cache. */
export async function seoRoutes(app: FastifyInstance): Promise<void> {
  const png = await renderPublisherLogo();
  app.get(PUBLISHER_LOGO.path, async (_request, reply) =>
    reply.header('cache-control', IMMUTABLE).type('image/png').send(png),
  );
}
