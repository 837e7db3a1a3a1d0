// The articles domain as the app mounts it: the news pages, the purge of cached pages when a
// story, section or tag changes, and the job that announces scheduled stories on their minute.
import type { Domain } from '../context.ts';
import { ARTICLE_EVENTS, TAXONOMY_EVENTS } from './events.ts';
import { announceScheduledArticles, findNextScheduled, unpublishDueArticles } from './scheduled.ts';
import { articleRoutes } from './routes.tsx';
import { articlesNewsroomRoutes } from './newsroom/index.ts';

/** Public news. */
export const articlesDomain: Domain = {
  name: 'articles',
  setup(ctx) {
    // A story shows on its own page, its section, tag and author lists, the home page, the
    // most-read box of every page of its edition, feeds and sitemaps: drop the whole edition.
    ctx.events.on([...ARTICLE_EVENTS, ...TAXONOMY_EVENTS], (event) => {
      ctx.pageCache.purge({ editions: [event.payload.edition] });
    });
    // Every purge above reloads it: a story saved with a time ahead moves the next minute.
    ctx.pageCache.trackScheduledChanges((now) =>
      findNextScheduled(
        ctx.db,
        ctx.editions.all().map((e) => e.code),
        now,
      ),
    );
    ctx.jobs.add({
      name: 'articles.announce-scheduled',
      everyMs: 60_000,
      run: async (run) => `${await announceScheduledArticles(ctx.writer, run)} scheduled stories announced`,
    });
    // Stories with an end time leave the site within half a minute of it; the caches never
    // keep their pages past it (the end time is one of the edition's scheduled changes above).
    ctx.jobs.add({
      name: 'articles.unpublish-scheduled',
      everyMs: 30_000,
      run: async (run) => `${await unpublishDueArticles(ctx.writer, run.now)} stories taken off at their end time`,
    });
  },
  publicRoutes: articleRoutes,
  newsroomRoutes: articlesNewsroomRoutes,
};
