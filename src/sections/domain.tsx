// The sections whose own issues are still open (the integrity zone): an honest "coming soon" page.
import type { Domain } from '../context.ts';
import { comingSoonRoutes } from './coming-soon.tsx';

/** The upcoming sections. */
export const sectionsDomain: Domain = {
  name: 'sections',
  publicRoutes: comingSoonRoutes,
};
