// Old addresses that keep working after a move: what the importers and other domains may use.
export { REDIRECT_EVENTS, type RedirectFact } from './events.ts';
export { parseOldAddress, fromPathOf, KEPT_PARAMS } from './paths.ts';
export { REDIRECT_CACHE } from './not-found-hook.ts';
