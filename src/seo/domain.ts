// The seo domain as the app mounts it: the publisher logo file (head tags are built by pages).
import type { Domain } from '../context.ts';
import { seoRoutes } from './routes.ts';

/** Structured data and share cards. */
export const seoDomain: Domain = { name: 'seo', publicRoutes: seoRoutes };
