// The editions domain as the app mounts it: the editions and main menus held in memory follow
// their events in every process, and /newsroom/editions manages them (administrators); the
// public API lists them (src/api).
import type { Domain } from '../context.ts';
import '../menus/index.ts';
import { registerSection } from '../newsroom/index.ts';
import './events.ts';
import { editionNewsroomRoutes } from './newsroom/routes.tsx';

/** Editions (languages of the site) and their menus. */
export const editionsDomain: Domain = {
  name: 'editions',
  setup(ctx) {
    registerSection('/newsroom/editions');
    ctx.events.on('edition.changed', async () => {
      await ctx.editions.reload();
      ctx.pageCache.purge('all');
    });
    ctx.events.on('menu.changed', async (event) => {
      await ctx.editions.reloadMenus(event.payload.edition);
      ctx.pageCache.purge({ editions: [event.payload.edition] });
    });
  },
  newsroomRoutes: editionNewsroomRoutes,
};
