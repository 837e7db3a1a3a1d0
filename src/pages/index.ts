// Static pages: the Company Profile tree and other evergreen pages.
export { findPublishedPage, listPublishedChildren, pagePath, type Page, type PageCard } from './queries.ts';
// issue 11: public API
export { findPageForApi, listPagesForApi, type ApiPageItem } from './queries.ts';
export { createPage, deletePage, updatePage, PageInputError } from './commands.ts';
export { PAGE_EVENTS } from './events.ts';
