// Public news: articles, sections, tags and the pages that list them.
export { articleRoutes } from './routes.tsx';
export { articlePath, type Article, type ArticleSummary } from './model.ts';
export { listMostRead, MOST_READ_PERIODS, type MostReadPeriod } from './queries.ts';
export { ArticleCard, LiveCard } from './views/cards.tsx';
export { categoryPath, tagPath, listCategories, withDescendants } from './sections.ts';
export { modifiedAt } from './structured-data.ts';
