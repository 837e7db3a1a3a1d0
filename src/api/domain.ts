// The public API as the app mounts it: the OpenAPI generator on the root app (it must see routes
// as they are added), the reading of API keys on every /api request, the routes under /api/v1
// (reads for everyone, writes for keys with the scope), and the newsroom's key page.
import type { Domain } from '../context.ts';
import { installKeyAuthentication } from './keys/authenticate.ts';
import { apiKeyNewsroomRoutes } from './keys/newsroom-routes.tsx';
import './keys/events.ts';
import { registerOpenApi } from './openapi.ts';
import { readApiRoutes } from './routes.ts';
import { writeApiRoutes } from './writes/routes.ts';

/** /api/v1: published news, pages and radio for apps and partners; its document and reference page. */
export const apiDomain: Domain = {
  name: 'api',
  async setup(ctx, app) {
    await registerOpenApi(app, ctx);
    installKeyAuthentication(app, ctx);
  },
  apiRoutes: async (app, opts) => {
    await readApiRoutes(app, opts);
    await app.register(writeApiRoutes, opts);
  },
  newsroomRoutes: apiKeyNewsroomRoutes,
};
