// The banner domain as the app mounts it: the newsroom page, the banner under the masthead of
// every reader page (from memory, no query), and the purges that make it appear and go at once:
// on every banner event (every process hears them), and at its expiry, a minute no command marks.
import type { Domain } from '../context.ts';
import { BANNER_SLOT } from '../core/views/slots.ts';
import { registerSection } from '../newsroom/index.ts';
import { BANNER_EVENTS } from './events.ts';
import { LiveBanners } from './live.ts';
import { findLiveBanners } from './queries.ts';
import { bannerRoutes } from './routes.tsx';
import { bannerHtml } from './views/breaking-banner.tsx';

/** Breaking-news banners. */
export const bannerDomain: Domain = {
  name: 'banner',
  async setup(ctx, app) {
    registerSection('/newsroom/banner');
    const live = new LiveBanners({
      load: (now) =>
        findLiveBanners(
          ctx.db,
          ctx.editions.all().map((e) => e.code),
          now,
        ),
      now: () => ctx.now(),
      // Each process's own timer: the page cache already keeps nothing past the expiry (below);
      // the purge also tells a CDN.
      onExpired: (editions) => ctx.pageCache.purge({ editions }),
    });
    await live.reload();
    app.addHook('onClose', async () => live.close());

    // Reloaded before the purge, so no page rendered after the purge shows the old banner.
    ctx.events.on(BANNER_EVENTS, async (event) => {
      await live.reload();
      ctx.pageCache.purge({ editions: [event.payload.edition] });
    });
    // Every purge reloads these: no cached page, max-age or s-maxage reaches past an expiry.
    ctx.pageCache.trackScheduledChanges(async (now) => {
      await live.settled();
      return live.changesAfter(now);
    });

    ctx.slots.add(BANNER_SLOT, {
      id: 'banner.breaking',
      order: 0,
      render: ({ site }) => {
        const banner = live.current(site.edition.code, site.now);
        return banner ? bannerHtml(banner, site.t) : '';
      },
    });
  },
  newsroomRoutes: bannerRoutes,
};
