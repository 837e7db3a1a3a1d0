// The search domain as the app mounts it: the search page, and the index that follows the
// events of stories, tags and authors (once per site, in the consumer's transaction).
import type { Kysely } from 'kysely';
import { ARTICLE_EVENTS } from '../articles/index.ts';
import type { Domain } from '../context.ts';
import type { Database } from '../core/db/schema.ts';
import type { EventOf } from '../core/events/index.ts';
import { AUTHOR_EVENTS } from '../users/index.ts';
import { indexArticles } from './indexer.ts';
import { searchRoutes } from './routes.tsx';

/** What the index follows: stories, and the tag and author names it holds for them. */
const SEARCH_EVENTS = [...ARTICLE_EVENTS, 'tag.renamed', 'tag.merged', ...AUTHOR_EVENTS] as const;

/** Search. */
export const searchDomain: Domain = {
  name: 'search',
  consumers(events) {
    events.consumeBatches<SearchEventName>('search.index', SEARCH_EVENTS, updateIndex);
  },
  publicRoutes: searchRoutes,
};

type SearchEventName = (typeof SEARCH_EVENTS)[number];
type SearchEvent = EventOf<SearchEventName>;

/**
 * Brings the index rows a batch of events touches up to date. Each article is indexed once per
 * batch, however many events it has there (a story created as published records two): its rows
 * are read afresh, as they stand after the last of them, so replays are harmless too.
 */
async function updateIndex(trx: Kysely<Database>, events: readonly SearchEvent[]): Promise<void> {
  const articleIds = new Set<number>();
  for (const event of events) {
    for (const id of await articlesTouchedBy(trx, event)) articleIds.add(id);
  }
  await indexArticles(trx, [...articleIds]);
}

/** The articles whose index rows an event may change. */
async function articlesTouchedBy(trx: Kysely<Database>, event: SearchEvent): Promise<number[]> {
  switch (event.type) {
    case 'article.deleted':
    case 'article.created':
    case 'article.updated':
    case 'article.published':
    case 'article.unpublished':
      return [event.payload.articleId];
    // A merge: the kept tag's stories now include the merged tag's, whose names change.
    case 'tag.renamed':
    case 'tag.merged': {
      const rows = await trx
        .selectFrom('article_tags')
        .select('article_id')
        .where('tag_id', '=', event.payload.tagId)
        .execute();
      return rows.map((r) => r.article_id);
    }
    case 'author.updated': {
      const rows = await trx
        .selectFrom('articles')
        .select('id')
        .where('author_id', '=', event.payload.userId)
        .execute();
      return rows.map((r) => r.id);
    }
    default:
      return [];
  }
}
