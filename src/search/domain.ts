// The search domain as the app mounts it: the search page, and the index that follows the
// events of stories, tags and authors (once per site, in the consumer's transaction).
import type { Kysely } from 'kysely';
import { ARTICLE_EVENTS } from '../articles/index.ts';
import type { Domain } from '../context.ts';
import type { Database } from '../core/db/schema.ts';
import type { EventOf } from '../core/events/index.ts';
import { AUTHOR_EVENTS } from '../users/index.ts';
import { indexArticle, removeArticle } from './indexer.ts';
import { searchRoutes } from './routes.tsx';

/** What the index follows: stories, and the tag and author names it holds for them. */
const SEARCH_EVENTS = [...ARTICLE_EVENTS, 'tag.renamed', ...AUTHOR_EVENTS] as const;

/** Search. */
export const searchDomain: Domain = {
  name: 'search',
  consumers(events) {
    events.consume('search.index', SEARCH_EVENTS, updateIndex);
  },
  publicRoutes: searchRoutes,
};

/** Brings the index rows an event touches up to date (each is read afresh, so replays are harmless). */
async function updateIndex(trx: Kysely<Database>, event: EventOf<(typeof SEARCH_EVENTS)[number]>): Promise<void> {
  switch (event.type) {
    case 'article.deleted':
      return removeArticle(trx, event.payload.articleId);
    case 'article.created':
    case 'article.updated':
    case 'article.published':
    case 'article.unpublished':
      await indexArticle(trx, event.payload.articleId);
      return;
    case 'tag.renamed': {
      const rows = await trx
        .selectFrom('article_tags')
        .select('article_id')
        .where('tag_id', '=', event.payload.tagId)
        .execute();
      for (const r of rows) await indexArticle(trx, r.article_id);
      return;
    }
    case 'author.updated': {
      const rows = await trx
        .selectFrom('articles')
        .select('id')
        .where('author_id', '=', event.payload.userId)
        .execute();
      for (const r of rows) await indexArticle(trx, r.id);
      return;
    }
    default:
      return;
  }
}
