// What episodes add to the rest of the site: a "Listen" line under a story an episode is about,
// and the minute a scheduled episode appears, so that no cached page or feed of its edition
// outlives it (as a scheduled story's minute does). Both come from memory (episode-memory.ts):
// the article page runs no query for them.
import type { FastifyInstance } from 'fastify';
import { ARTICLE_FOOTER_SLOT } from '../../articles/index.ts';
import type { AppContext } from '../../context.ts';
import { EpisodeMemory } from './episode-memory.ts';
import { episodePath } from './queries.ts';

/** Registers the article footer's "Listen" part and the scheduled episodes' times. */
export async function setupEpisodes(ctx: AppContext, _app: FastifyInstance): Promise<void> {
  const memory = new EpisodeMemory(ctx.db);
  await memory.reload(ctx.now());
  // The broadcast domain purges the edition's pages on these already, perhaps before this
  // reload ends: purged again once it has, so no page is kept from the old links or times.
  ctx.events.on(['episode.changed', 'program.changed'], async (event) => {
    await memory.reload(ctx.now());
    ctx.pageCache.purge({ editions: [event.payload.edition] });
  });
  ctx.slots.add(ARTICLE_FOOTER_SLOT, {
    id: 'broadcast.episodes.listen',
    order: 20,
    render: ({ site, article }) => {
      const episodes = memory.linksOf(article.id, site.now);
      if (episodes.length === 0) return '';
      return (
        <aside class="listen-links" aria-labelledby="listen-links-title">
          <h2 id="listen-links-title" class="listen-links__title" safe>
            {site.t('episodes.listenTitle')}
          </h2>
          <ul class="listen-links__list">
            {episodes.map((e) => (
              <li>
                <a href={episodePath(e.edition, e.programSlug, e.slug)} safe>
                  {site.t('episodes.listenTo', { title: e.title })}
                </a>
              </li>
            ))}
          </ul>
        </aside>
      ) as string;
    },
  });
  // Asked after every purge; answered from memory.
  ctx.pageCache.trackScheduledChanges(async (now) => {
    await memory.settled();
    return memory.scheduledAfter(now);
  });
}
