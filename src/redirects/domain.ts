// The redirects domain as the app mounts it: old addresses (K2 forms of imported sites, and the
// table the newsroom and the importers fill) answered with a 301 where nothing else answered, and
// the newsroom's page. Every process reloads the imported sites (on the imports domain's
// `import.finished`) and purges the cached answers of a changed old path when the events arrive.
import type { AppContext, Domain } from '../context.ts';
import { registerSection } from '../newsroom/index.ts';
import { REDIRECT_EVENTS } from './events.ts';
import { LegacySites } from './legacy-sites.ts';
import { redirectNewsroomRoutes } from './newsroom/routes.tsx';
import { installRedirectLookup } from './not-found-hook.ts';
import { firstSegmentOf } from './paths.ts';
import { RedirectResolver } from './resolve.ts';

const resolvers = new WeakMap<AppContext, RedirectResolver>();

function resolverOf(ctx: AppContext): RedirectResolver {
  const resolver = resolvers.get(ctx);
  if (!resolver) throw new Error('the redirects domain was not set up');
  return resolver;
}

/** Old addresses that keep working. */
export const redirectsDomain: Domain = {
  name: 'redirects',
  async setup(ctx, app) {
    registerSection('/newsroom/redirects');
    const sites = new LegacySites(ctx.db, () => ctx.now().getTime());
    await sites.reload();
    const resolver = new RedirectResolver(ctx.db, () => sites.current(), ctx.now);
    resolvers.set(ctx, resolver);
    installRedirectLookup(app, resolver);

    // A path that answered 404 a moment ago may be cached so (here and at a CDN): drop the answers
    // of the old path's first segment (its edition, or the site-wide entries for any other).
    const purgeFor = (path: string) => {
      const segment = firstSegmentOf(path);
      ctx.pageCache.purge({ editions: ctx.editions.get(segment) ? [segment] : [] });
    };
    ctx.events.on(REDIRECT_EVENTS, (event) => {
      purgeFor(event.payload.fromPath);
      if (event.payload.formerFromPath !== undefined) purgeFor(event.payload.formerFromPath);
    });
    // An import run recorded its old site's address (legacy_sites): its K2 paths resolve now, and
    // they may sit under an edition's code, so every cached answer goes.
    ctx.events.on(['import.finished'], async () => {
      await sites.reload();
      ctx.pageCache.purge('all');
    });
  },
  newsroomRoutes: redirectNewsroomRoutes(resolverOf),
};
