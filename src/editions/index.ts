// Editions: languages of the site, their registry and the per-request page context.
export { EditionRegistry, type Edition } from './registry.ts';
export { requireEdition, siteFor } from './site.ts';
export { listActiveEditions } from './queries.ts';
export { defaultEditionOf } from './default-edition.ts';
