// The sections whose own issues are still open (live radio, programs, integrity zone): honest
// "coming soon" pages, and the "On air now" card in the side column of news pages.
import type { Domain } from '../context.ts';
import { ASIDE_SLOT } from '../core/views/slots.ts';
import { comingSoonRoutes } from './coming-soon.tsx';
import { LiveCard } from './live-card.tsx';

/** The upcoming sections. */
export const sectionsDomain: Domain = {
  name: 'sections',
  setup(ctx) {
    ctx.slots.add(ASIDE_SLOT, {
      id: 'sections.live-card',
      // First on the front page, under the most-read box elsewhere (as the reference site).
      order: ({ page }) => (page === 'home' ? 0 : 20),
      render: ({ site }) => <LiveCard site={site} />,
    });
  },
  publicRoutes: comingSoonRoutes,
};
