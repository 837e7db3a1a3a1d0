// Static pages: the Company Profile tree and other evergreen pages.
export { pageRoutes } from './routes.tsx';
export { pagePath } from './queries.ts';
