// The menus domain as the app mounts it: the newsroom's menu pages. Menus reach readers through
// the editions registry, which reloads them (and purges the edition's pages) on menu.changed.
import type { Domain } from '../context.ts';
import { menuNewsroomRoutes } from './newsroom-routes.tsx';

/** Navigation menus. */
export const menusDomain: Domain = {
  name: 'menus',
  newsroomRoutes: menuNewsroomRoutes,
};
