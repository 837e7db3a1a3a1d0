// The settings domain as the app mounts it: the settings page, and the reload that makes a saved
// change reach every page in every process (the editions hold the site name and time zone).
import type { Domain } from '../context.ts';
import { registerSection } from '../newsroom/index.ts';
import { siteSettingsRoutes } from './newsroom/routes.tsx';
import { SITE_SETTINGS_KEY } from './site-settings.ts';
import { SITE_SETTINGS_PATH } from '../newsroom/index.ts';
import './store.ts';

/** Site settings. */
export const settingsDomain: Domain = {
  name: 'settings',
  setup(ctx) {
    registerSection(SITE_SETTINGS_PATH);
    ctx.events.on('settings.changed', async (event) => {
      if (event.payload.key !== SITE_SETTINGS_KEY) return;
      await ctx.settings.reload();
      await ctx.editions.reload();
      ctx.pageCache.purge('all');
    });
    // The logo's image gains its AVIF sizes or new text: the logo is read again.
    ctx.events.on(['media.updated', 'media.deleted'], async (event) => {
      if (event.payload.mediaId !== ctx.settings.values.logoMediaId) return;
      await ctx.settings.reload();
      ctx.pageCache.purge('all');
    });
  },
  newsroomRoutes: siteSettingsRoutes,
};
