// Public news: articles, sections, tags and the pages that list them.
export { articleRoutes } from './routes.tsx';
export { articlePath, type Article, type ArticleSummary } from './model.ts';
export { categoryPath, tagPath } from './sections.ts';
