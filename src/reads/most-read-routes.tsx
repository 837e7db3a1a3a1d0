// GET /{edition}/most-read?period=24h|7d|30d: the longer most-read list, one period at a time.
import type { FastifyInstance } from 'fastify';
import { editionParams } from '../core/http/route-schemas.ts';
import { MOST_READ_PERIODS, type MostReadPeriod } from '../articles/index.ts';
import type { AppContext } from '../context.ts';
import { cachePublic } from '../core/http/cache.ts';
import { ASIDE_SLOT } from '../core/views/slots.ts';
import { requireEdition, siteFor } from '../editions/index.ts';
import { mostReadCacheOf } from './most-read-cache.ts';
import { DEFAULT_PERIOD, MostReadPage } from './views/most-read-page.tsx';

const PAGE_LIMIT = 20;

/** The most-read page plugin. */
export async function mostReadRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  app.get<{ Params: { edition: string }; Querystring: { period?: MostReadPeriod } }>(
    '/:edition/most-read',
    {
      config: { cacheQuery: ['period'] },
      schema: {
        params: editionParams,
        // An unknown period is a 400 with the reason, not a silent fallback to another list.
        querystring: { type: 'object', properties: { period: { type: 'string', enum: [...MOST_READ_PERIODS] } } },
      },
    },
    async (request, reply) => {
      const edition = requireEdition(ctx, request.params.edition);
      const period = request.query.period ?? DEFAULT_PERIOD;
      const site = await siteFor(ctx, request, edition);
      // Strict: under "last 7 days" only stories read in the last 7 days, however few.
      const articles = await mostReadCacheOf(ctx).list(edition.code, { period, limit: PAGE_LIMIT, isStrict: true });
      const aside = await ctx.slots.render(ASIDE_SLOT, { site, page: 'most-read' });
      cachePublic(reply).type('text/html; charset=utf-8');
      return <MostReadPage site={site} period={period} articles={articles} safeAside={aside} />;
    },
  );
}
