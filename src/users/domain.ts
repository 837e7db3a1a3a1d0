// The users domain as the app mounts it: an author's name and bio appear on story pages of
// every edition, so a change drops every cached page.
import type { Domain } from '../context.ts';
import { AUTHOR_EVENTS } from './events.ts';

/** Authors and staff. */
export const usersDomain: Domain = {
  name: 'users',
  setup(ctx) {
    ctx.events.on(AUTHOR_EVENTS, () => {
      ctx.pageCache.purge('all');
    });
  },
};
