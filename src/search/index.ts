// Search: the /{edition}/search page and the index that follows every change to an article.
export { searchRoutes } from './routes.tsx';
export { indexArticle, indexArticles, removeArticle, reindexAll } from './indexer.ts';
