// Navigation menus: reading them, and replacing one as a whole.
export { listMenuLinks } from './queries.ts';
export { replaceMenu } from './commands.ts';
import './events.ts';
