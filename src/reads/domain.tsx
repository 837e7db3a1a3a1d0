// The reads domain as the app mounts it: the process's read counter (flushed on an interval,
// when a batch is full and when the app closes), the beacon under /api, the most-read page,
// the read count in an article's footer and the most-read box beside news pages.
import type { FastifyInstance } from 'fastify';
import { ARTICLE_FOOTER_SLOT } from '../articles/index.ts';
import type { AppContext, Domain } from '../context.ts';
import { useScopedCookies } from '../core/http/cookie-scope.ts';
import { ASIDE_SLOT } from '../core/views/slots.ts';
import { beaconRoutes } from './beacon-routes.ts';
import { ReadCounter } from './counter.ts';
import { mostReadCacheOf } from './most-read-cache.ts';
import { mostReadRoutes } from './most-read-routes.tsx';
import { writeReads } from './queries.ts';
import { ReadCount } from './views/read-count.tsx';
import { MostReadBox } from './views/most-read-box.tsx';

const SHUTDOWN_ATTEMPTS = 4;

declare module 'fastify' {
  interface FastifyInstance {
    /** Reads counted in this process and not yet written (see src/reads/counter.ts). */
    readCounter: ReadCounter;
  }
}

/** Read counts and most-read lists. */
export const readsDomain: Domain = {
  name: 'reads',
  setup(ctx, app) {
    const mostRead = mostReadCacheOf(ctx);
    createCounter(ctx, app);
    ctx.slots.add(ARTICLE_FOOTER_SLOT, {
      id: 'reads.count',
      order: 10,
      render: ({ site, article }) => <ReadCount site={site} articleId={article.id} count={article.hitCount} />,
    });
    // The box of the last 24 hours, filled from longer periods when that is short.
    ctx.slots.add(ASIDE_SLOT, {
      id: 'reads.most-read',
      order: 10,
      render: async ({ site, page }) => {
        if (page === 'most-read') return '';
        const articles = await mostRead.list(site.edition.code, {
          period: '24h',
          limit: 5,
          isStrict: false,
        });
        return <MostReadBox site={site} articles={articles} />;
      },
    });
  },
  publicRoutes: mostReadRoutes,
  apiRoutes: async (app, { ctx }) => {
    // The reader cookie is scoped to /api/reads; nothing else under /api reads cookies.
    await useScopedCookies(app, ctx.config);
    await app.register(beaconRoutes, { ctx, counter: app.readCounter });
  },
};

/** The app-wide counter, as app.readCounter, written once more when the app closes. */
function createCounter(ctx: AppContext, app: FastifyInstance): ReadCounter {
  const counter = new ReadCounter({
    write: async (batch) => {
      const written = await writeReads(ctx.db, batch);
      mostReadCacheOf(ctx).invalidate();
      return written;
    },
    timezone: () => ctx.settings.timezone,
    now: () => ctx.now(),
    flushIntervalMs: ctx.config.readsFlushIntervalMs,
    flushSize: ctx.config.readsFlushSize,
    log: app.log,
  });
  app.decorate('readCounter', counter);
  // onClose hooks run after the server has stopped and in-flight requests have finished, and
  // before serve.ts closes the database: the last reads are written on SIGTERM/SIGINT. A failed
  // write is retried a few times (a database restarting alongside us), then reported.
  app.addHook('onClose', async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        await counter.close();
        return;
      } catch (error) {
        if (attempt >= SHUTDOWN_ATTEMPTS) {
          app.log.error({ err: error, pendingReads: counter.pendingTotal }, 'read counts lost at shutdown');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      }
    }
  });
  app.addHook('onReady', async () => counter.start());
  return counter;
}
