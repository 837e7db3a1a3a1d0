// The public API, as other domains use it: where it lives, and the seam that decides what a
// request may see (API keys with a drafts scope change it there).
export { API_V1, DOCS_PATH, OPENAPI_PATH } from './openapi.ts';
export { setReadCaching, visibilityOf, type Visibility } from './visibility.ts';
