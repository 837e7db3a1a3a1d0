// Serves the publisher logo PNG under its fingerprinted URL.
import type { FastifyInstance } from 'fastify';
import { IMMUTABLE } from '../core/http/cache.ts';
import { PUBLISHER_LOGO, renderPublisherLogo } from './publisher-logo.ts';

/** The discovery plugin: draws the logo when first asked for, then serves it with a year-long cache. */
export async function seoRoutes(app: FastifyInstance): Promise<void> {
  app.get(PUBLISHER_LOGO.path, async (_request, reply) =>
    reply
      .header('cache-control', IMMUTABLE)
      .type('image/png')
      .send(await renderPublisherLogo()),
  );
}
