// Public news: articles, sections and tags, as other domains use them. The routes are
// registered from app.ts directly, so that features the article page shows (ratings, reads)
// can use this module without an import cycle.
export { articlePath, type Article, type ArticleSummary } from './model.ts';
export { isPublished, listMostRead, MOST_READ_PERIODS, SUMMARY_COLUMNS, type MostReadPeriod } from './queries.ts';
export { toArticleSummary } from './model.ts';
export { ArticleCard, LiveCard } from './views/cards.tsx';
export { categoryPath, tagPath, listCategories, withDescendants } from './sections.ts';
export { modifiedAt } from './structured-data.ts';
