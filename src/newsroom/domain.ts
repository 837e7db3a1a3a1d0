// The newsroom's shell as the app mounts it: the dashboard at /newsroom.
import type { Domain } from '../context.ts';
import { dashboardRoutes } from './dashboard.tsx';

export const newsroomDomain: Domain = {
  name: 'newsroom',
  newsroomRoutes: dashboardRoutes,
};
