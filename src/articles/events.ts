// The facts the articles domain records: stories, sections and tags. Ids and codes only.
import type { ArticleStatus } from '../core/db/schema.ts';

/** Which article, in which edition. */
export interface ArticleFact {
  readonly articleId: number;
  readonly edition: string;
}

/** Which section, in which edition. */
export interface CategoryFact {
  readonly categoryId: number;
  readonly edition: string;
}

/** Which tag, in which edition. */
export interface TagFact {
  readonly tagId: number;
  readonly edition: string;
}

declare module '../core/events/types.ts' {
  interface DomainEvents {
    'article.created': ArticleFact & { readonly status: ArticleStatus };
    /** Text, photo, section, tags or time of an article changed; its status did not cross "published". */
    'article.updated': ArticleFact;
    /** The article is published now or at `publishedAt` (a scheduled story). */
    'article.published': ArticleFact & { readonly publishedAt: string };
    /** A published article went back to draft, review or the archive. */
    'article.unpublished': ArticleFact;
    'article.deleted': ArticleFact;
    /** A save based on an older version was refused and its text kept as a revision (nothing changed). */
    'article.save_refused': ArticleFact & { readonly basedOnVersion: number };
    'category.created': CategoryFact;
    'category.updated': CategoryFact;
    'category.deleted': CategoryFact;
    'tag.renamed': TagFact;
    /** Tag `mergedTagId` was merged into `tagId` (its stories now carry `tagId`) and deleted. */
    'tag.merged': TagFact & { readonly mergedTagId: number };
  }
}

/** Every article event, for subscribers that treat them alike. */
export const ARTICLE_EVENTS = [
  'article.created',
  'article.updated',
  'article.published',
  'article.unpublished',
  'article.deleted',
] as const;

/** Every section and tag event. */
export const TAXONOMY_EVENTS = [
  'category.created',
  'category.updated',
  'category.deleted',
  'tag.renamed',
  'tag.merged',
] as const;
