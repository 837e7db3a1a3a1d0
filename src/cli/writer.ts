// The write context of a command-line run (seeding, `user create`): the same commands and
// once-per-site event consumers as the app, with no listeners (no caches live here); app
// processes pick the events up from the outbox.
import type { Kysely } from 'kysely';
import type { Database } from '../core/db/schema.ts';
import { EventBus, type WriteContext } from '../core/events/index.ts';
import { registerConsumers } from '../domains.ts';

/**
 * A write context for one CLI run, reporting event failures to stderr. `eventBatchSize`: see
 * EventBusOptions.batchSize (a command that may run beside the site keeps the default).
 */
export function createCliWriter(db: Kysely<Database>, options: { eventBatchSize?: number } = {}): WriteContext {
  const events = new EventBus(db, {
    batchSize: options.eventBatchSize,
    log: {
      error: (obj, msg) => console.error(`warta: ${msg}`, obj),
      debug: () => {},
    },
  });
  registerConsumers(events);
  return { db, events, now: () => new Date() };
}
