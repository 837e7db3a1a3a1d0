// The reads feature as one plugin: the app-wide read counter (flushed on an interval, when a
// batch is full and when the app closes), the beacon endpoints and the most-read page.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { beaconRoutes } from './beacon-routes.ts';
import { ReadCounter } from './counter.ts';
import { mostReadRoutes } from './most-read-routes.tsx';
import { writeReads } from './queries.ts';

const SHUTDOWN_ATTEMPTS = 4;

declare module 'fastify' {
  interface FastifyInstance {
    /** Reads counted in this process and not yet written (see src/reads/counter.ts). */
    readCounter: ReadCounter;
  }
}

/** Registers the read counter on the app (as app.readCounter) and the reads routes. */
export async function readRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  const counter = new ReadCounter({
    write: (batch) => writeReads(ctx.db, batch),
    timezone: ctx.config.timezone,
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
  counter.start();
  await app.register(beaconRoutes, { ctx, counter });
  await app.register(mostReadRoutes, { ctx });
}

// Like fastify-plugin: the decoration and the onClose hook belong to the whole app (the routes
// themselves stay in their own encapsulated plugins).
Object.assign(readRoutes, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: 'reads',
});
