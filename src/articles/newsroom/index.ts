// The articles domain's newsroom pages as one plugin (a domain mounts one): the articles, and
// the sections and tags.
import type { DomainRoutes } from '../../context.ts';
import { articleNewsroomRoutes } from './routes.tsx';
import { taxonomyRoutes } from './taxonomy-routes.tsx';

/** Every newsroom route of the articles domain. */
export const articlesNewsroomRoutes: DomainRoutes = async (app, opts) => {
  await app.register(articleNewsroomRoutes, opts);
  await app.register(taxonomyRoutes, opts);
};
