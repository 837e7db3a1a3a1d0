// The media domain as the app mounts it: the job that adds AVIF sizes in the background, the
// purge that lets pages showing an image offer them, the consumer that keeps where each image is
// used, and the newsroom's media library.
import type { Domain } from '../context.ts';
import { avifJob } from './avif.ts';
import { mediaNewsroomRoutes } from './newsroom/routes.tsx';
import { recordUsages, USAGE_CONSUMER, USAGE_EVENTS } from './usages.ts';
import './events.ts';

/** Images: their stored sizes and formats, and the library. */
export const mediaDomain: Domain = {
  name: 'media',
  consumers(events) {
    events.consumeBatches(USAGE_CONSUMER, USAGE_EVENTS, recordUsages);
  },
  setup(ctx) {
    // An image may be on any page of any edition (a story, its cards, an author's photo).
    // A new upload needs no purge: no page shows it until a story that uses it is saved.
    ctx.events.on(['media.updated', 'media.deleted'], () => {
      ctx.pageCache.purge('all');
    });
    ctx.jobs.add(avifJob(ctx));
  },
  newsroomRoutes: mediaNewsroomRoutes,
};
