// The one write path: a command changes rows and records its events in one transaction, and
// the events are delivered once it has committed.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { EventBus } from './bus.ts';
import type { DomainEvents, EventName } from './types.ts';

/** What every command is given: the database, the event bus and the clock. */
export interface WriteContext {
  readonly db: Kysely<Database>;
  readonly events: EventBus;
  now(): Date;
  /** Who is acting: the signed-in user whose request runs the command (the audit log names them). */
  readonly actorId?: number | null;
}

/** Records an event in the running command's transaction. */
export type Emit = <K extends EventName>(type: K, payload: DomainEvents[K]) => Promise<void>;

/**
 * Runs `work` in a transaction with an `emit` that records events in it, then delivers them.
 * When `w.db` is already a transaction (a batch such as the demo seed), `work` joins it and the
 * owner of that transaction calls `events.afterCommit()` once it has committed.
 */
export async function runCommand<T>(
  w: WriteContext,
  work: (trx: Kysely<Database>, emit: Emit) => Promise<T>,
): Promise<T> {
  const withEmit = (trx: Kysely<Database>) =>
    work(trx, (type, payload) => w.events.record(trx, type, payload, w.actorId ?? null));
  if (w.db.isTransaction) return withEmit(w.db);
  const result = await w.db.transaction().execute(withEmit);
  await w.events.afterCommit();
  return result;
}
