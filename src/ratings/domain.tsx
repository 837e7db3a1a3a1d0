// The ratings domain as the app mounts it: the vote endpoints (with their path-scoped voter
// cookie) and the star widget beside an article's byline.
import { ARTICLE_META_SLOT } from '../articles/index.ts';
import type { Domain } from '../context.ts';
import { useScopedCookies } from '../core/http/cookie-scope.ts';
import { sweepVoteAddressWindow } from './address-window.ts';
import { ratingRoutes } from './routes.tsx';
import { RatingWidget } from './views/widget.tsx';

/** Reader star ratings. */
export const ratingsDomain: Domain = {
  name: 'ratings',
  setup(ctx) {
    ctx.slots.add(ARTICLE_META_SLOT, {
      id: 'ratings.widget',
      order: 10,
      render: ({ site, article }) => (
        <RatingWidget site={site} articleId={article.id} sum={article.ratingSum} count={article.ratingCount} />
      ),
    });
    // The keyed address hashes behind the hourly vote limit are kept only while it needs them.
    ctx.jobs.add({
      name: 'ratings.sweep-address-window',
      everyMs: 5 * 60_000,
      run: async ({ now }) => `${await sweepVoteAddressWindow(ctx.db, now)} expired address hashes deleted`,
    });
  },
  publicRoutes: async (app, opts) => {
    await useScopedCookies(app, opts.ctx.config);
    await app.register(ratingRoutes, opts);
  },
};
