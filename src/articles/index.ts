// Public news: articles, sections and tags, as other domains use them: their data, cards,
// the article page's slots, events and the commands that write them.
export { articlePath, toArticleSummary, type Article, type ArticleSummary } from './model.ts';
export { findNextScheduledTime, isPublished, isPublishedRow, SUMMARY_COLUMNS } from './queries.ts';
export { listMostRead, MOST_READ_PERIODS, type MostReadPeriod } from './most-read.ts';
export { ArticleCard } from './views/cards.tsx';
export { categoryPath, tagPath, listCategories, withDescendants } from './sections.ts';
export { keptSectionsOf } from './kept-sections.ts';
export { modifiedAt } from './structured-data.ts';
export { ARTICLE_FOOTER_SLOT, ARTICLE_META_SLOT, type ArticleSlotProps } from './slots.ts';
export { ARTICLE_EVENTS, TAXONOMY_EVENTS, type ArticleFact } from './events.ts';
export {
  ArticleInputError,
  createArticle,
  deleteArticle,
  setArticleStatus,
  updateArticle,
  type CreateArticleInput,
  type UpdateArticleInput,
} from './commands.ts';
export { createCategory, deleteCategory, renameTag, updateCategory } from './taxonomy-commands.ts';
export { findArticle, listArticles, type ListedArticle } from './newsroom/queries.ts';
// issue 11: the API's writes ask the newsroom's own rules
export { imageProblems, mayChange, mayCreate, stepTo } from './newsroom/policy.ts';
export { ArticleConflictError, keepRefusedSave } from './commands.ts';
// issue 11: public API
export * from './api-queries.ts';
