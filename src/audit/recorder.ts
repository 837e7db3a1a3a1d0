// The audit log's consumer: one row per recorded event, written once per site in the consumer's
// transaction. A batch that is delivered again writes nothing twice (event_id is unique).
import type { Insertable, Kysely } from 'kysely';
import { toDbTime } from '../core/db/dialect.ts';
import type { AuditLogTable, Database } from '../core/db/schema.ts';
import type { EventOf } from '../core/events/index.ts';
import { subjectOf, type AuditedEvent } from './actions.ts';

/** The row an event becomes: when, who, what, about what, and its ids and codes as detail. */
export function toAuditRow(event: EventOf<AuditedEvent>): Insertable<AuditLogTable> {
  const subject = subjectOf(event.type, event.payload);
  return {
    at: toDbTime(event.createdAt),
    actor_id: event.actorId,
    action: event.type,
    subject_type: subject.type,
    subject_id: subject.id,
    edition: subject.edition,
    detail: JSON.stringify(event.payload),
    event_id: event.id,
  };
}

/** Writes a delivery batch's entries in one statement; entries already written are skipped. */
export async function recordAuditEntries(
  trx: Kysely<Database>,
  events: readonly EventOf<AuditedEvent>[],
): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('audit_log')
    .values(events.map(toAuditRow))
    .onConflict((oc) => oc.column('event_id').doNothing())
    .execute();
}
