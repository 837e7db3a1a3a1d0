// GET /{edition}/integrity: the integrity zone's front page, cacheable (page saves purge the
// edition's pages). The privacy notice is mounted here too, as the zone is where it belongs.
import type { DomainRoutes } from '../../context.ts';
import { cachePublic } from '../../core/http/cache.ts';
import { requireEdition, siteFor } from '../../editions/index.ts';
import { findPublishedPage, listPublishedChildren } from '../../pages/index.ts';
import { privacyRoutes } from '../privacy/routes.tsx';
import { LandingPage } from './landing-page.tsx';

/** The root page of the zone in the page tree: editors write the zone's pages under it. */
export const ZONE_ROOT_PATH = 'integrity';

export const landingRoutes: DomainRoutes = async (app, opts) => {
  const { ctx } = opts;
  await app.register(privacyRoutes, opts);
  app.get<{ Params: { edition: string } }>('/:edition/integrity', async (request, reply) => {
    const edition = requireEdition(ctx, request.params.edition);
    const root = await findPublishedPage(ctx.db, edition.code, ZONE_ROOT_PATH);
    const [site, pages] = await Promise.all([
      siteFor(ctx, request, edition),
      root ? listPublishedChildren(ctx.db, root.id) : [],
    ]);
    cachePublic(reply).type('text/html; charset=utf-8');
    return <LandingPage site={site} root={root} pages={pages} />;
  });
};
