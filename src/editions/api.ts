// GET /api/v1/editions: the site's language editions, for apps and partners.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';

/** The editions endpoint of the public API. */
export async function editionsApi(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  app.get('/v1/editions', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return {
      editions: ctx.editions.all().map((e) => ({
        code: e.code,
        name: e.name,
        locale: e.locale,
        direction: e.direction,
        url: `${ctx.config.baseUrl}/${e.code}`,
      })),
    };
  });
}
