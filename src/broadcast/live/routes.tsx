// The live radio's reader routes: the live page, and the small status answer that open live pages
// and the player poll. Both answer from this process's memory (the live board): no query and no
// request to a stream server on the request path.
import type { DomainRoutes } from '../../context.ts';
import { cachePublic } from '../../core/http/cache.ts';
import { editionParams } from '../../core/http/route-schemas.ts';
import { requireEdition, siteFor } from '../../editions/index.ts';
import { LivePage } from './live-page.tsx';
import { liveBoardOf } from './setup.tsx';
import { channelsNow, statusJson } from './snapshot.ts';

/**
 * Browsers and CDNs keep the status 10 s (open pages poll every 20 s); the page cache keeps it for
 * its own few seconds, and never past a slot boundary (the scheduled changes cap every answer).
 */
export const STATUS_CACHE = 'public, max-age=10, s-maxage=10';

/** Neither route reads a query parameter: any query string is never cached. */
const route = { schema: { params: editionParams }, config: { cacheQuery: [] } } as const;

/** The live page and its status answer. */
export const liveRoutes: DomainRoutes = async (app, { ctx }) => {
  app.get<{ Params: { edition: string } }>('/:edition/live', route, async (request, reply) => {
    const edition = requireEdition(ctx, request.params.edition);
    const site = await siteFor(ctx, request, edition);
    const items = channelsNow(liveBoardOf(ctx), edition.code, site.now);
    cachePublic(reply).type('text/html; charset=utf-8');
    return <LivePage site={site} items={items} />;
  });

  app.get<{ Params: { edition: string } }>('/:edition/live/status.json', route, async (request, reply) => {
    const edition = requireEdition(ctx, request.params.edition);
    const now = ctx.now();
    cachePublic(reply, STATUS_CACHE).type('application/json; charset=utf-8');
    return JSON.stringify(statusJson(channelsNow(liveBoardOf(ctx), edition.code, now), now));
  });
};
