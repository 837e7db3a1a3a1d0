// Navigation menus: reading them, and replacing one as a whole.
export { listMenuLinks } from './queries.ts';
export { replaceMenu } from './commands.ts';
export { standardMenuLinks } from './standard-links.ts';
import './events.ts';
