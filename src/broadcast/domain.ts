// The broadcast domain as the app mounts it: the live radio (players, what is on air, the status
// of the stream servers), the programs and their schedule, on-demand episodes and podcasts, and
// the newsroom pages that manage them. Each part has its own folder; this file only joins them.
import type { Domain, DomainRoutes } from '../context.ts';
import { registerSection } from '../newsroom/index.ts';
import { episodeNewsroomRoutes } from './episodes/newsroom-routes.tsx';
import { episodeRoutes } from './episodes/routes.tsx';
import { setupEpisodes } from './episodes/setup.tsx';
import { BROADCAST_EVENTS } from './events.ts';
import { setupPlayer } from './live/player.tsx';
import { liveRoutes } from './live/routes.tsx';
import { setupLive } from './live/setup.tsx';
import { radioNewsroomRoutes } from './newsroom/routes.tsx';
import { picksNewsroomRoutes } from './programs/newsroom-routes.tsx';
import { programRoutes } from './programs/routes.tsx';
import { setupPrograms } from './programs/setup.tsx';

const publicRoutes: DomainRoutes = async (app, opts) => {
  await app.register(liveRoutes, opts);
  await app.register(programRoutes, opts);
  await app.register(episodeRoutes, opts);
};

const newsroomRoutes: DomainRoutes = async (app, opts) => {
  await app.register(radioNewsroomRoutes, opts);
  await app.register(episodeNewsroomRoutes, opts);
  await app.register(picksNewsroomRoutes, opts);
};

/** The radio. */
export const broadcastDomain: Domain = {
  name: 'broadcast',
  async setup(ctx, app) {
    registerSection('/newsroom/radio');
    registerSection('/newsroom/episodes');
    // Channels, programs, the schedule, episodes and picks show on the live, programs, program,
    // episode and home pages and in feeds of their edition: drop the edition's cached pages.
    ctx.events.on(BROADCAST_EVENTS, (event) => {
      ctx.pageCache.purge({ editions: [event.payload.edition] });
    });
    await setupLive(ctx, app);
    await setupPlayer(ctx, app);
    await setupPrograms(ctx, app);
    await setupEpisodes(ctx, app);
  },
  publicRoutes,
  newsroomRoutes,
};
