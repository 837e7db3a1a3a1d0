// The places on an article page that other domains fill (ratings, reads, later the newsroom's
// "edit" link), declared here because the article page is this domain's.
import { defineSlot } from '../core/views/slots.ts';
import type { Site } from '../core/views/site.ts';
import type { Article } from './model.ts';

/** What an article slot's parts are given. */
export interface ArticleSlotProps {
  readonly site: Site;
  readonly article: Article;
}

/** Beside the byline, under the headline (the star rating). */
export const ARTICLE_META_SLOT = defineSlot<ArticleSlotProps>('article.meta');
/** In the story's footer, after the tags (the read count). */
export const ARTICLE_FOOTER_SLOT = defineSlot<ArticleSlotProps>('article.footer');
