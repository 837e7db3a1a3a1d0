// The feeds domain as the app mounts it: RSS, Atom and JSON Feed, the sitemaps and robots.txt.
// Their cached copies go with every purge (they are site-wide entries of the page cache).
import type { Domain } from '../context.ts';
import { discoveryRoutes } from './index.ts';

/** Feeds and discovery files. */
export const feedsDomain: Domain = { name: 'feeds', publicRoutes: discoveryRoutes };
