// The write context tests use, so content made by tests goes through the same commands and
// events as the newsroom's: the test app's own (its caches purge at once), else one of its own
// with the site's event consumers (the search index follows, as in production).
import type { Kysely } from 'kysely';
import type { Database } from '../../src/core/db/schema.ts';
import { EventBus, type WriteContext } from '../../src/core/events/index.ts';
import type { Domain } from '../../src/context.ts';
import { DOMAINS, registerConsumers } from '../../src/domains.ts';

const writers = new WeakMap<Kysely<Database>, WriteContext>();

/** Makes `writer` the one tests use for this database (the test app does this). */
export function bindWriter(db: Kysely<Database>, writer: WriteContext): void {
  writers.set(db, writer);
}

/**
 * The write context for a test database. `domains` (first call only) limits the consumers: a
 * database migrated to an older step lacks the tables of later domains (the audit log's).
 */
export function writerFor(db: Kysely<Database>, options: { domains?: readonly Domain[] } = {}): WriteContext {
  let writer = writers.get(db);
  if (!writer) {
    const events = new EventBus(db, { log: silentLog });
    registerConsumers(events, options.domains ?? DOMAINS);
    writer = { db, events, now: () => new Date() };
    writers.set(db, writer);
  }
  return writer;
}

const silentLog = {
  error(obj: object, msg: string) {
    console.error(msg, obj);
  },
  debug() {},
};
