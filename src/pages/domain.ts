// The page tree as the app mounts it: its routes are a catch-all under each edition, so they
// are a fallback, registered after every other route by construction.
import type { Domain } from '../context.ts';
import { PAGE_EVENTS } from './events.ts';
import { pagesNewsroomRoutes } from './newsroom/routes.tsx';
import { pageRoutes } from './routes.tsx';

/** Static pages (Company Profile). */
export const pagesDomain: Domain = {
  name: 'pages',
  setup(ctx) {
    // A page shows in its tree's side navigation on every page of that tree: drop the edition.
    ctx.events.on(PAGE_EVENTS, (event) => {
      ctx.pageCache.purge({ editions: [event.payload.edition] });
    });
  },
  fallbackRoutes: pageRoutes,
  newsroomRoutes: pagesNewsroomRoutes,
};
