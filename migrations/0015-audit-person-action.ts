// The audit log by person and action at once: "this person's failed sign-ins", and when each
// person last signed in (the people page), are one index range each, however many entries the
// person has (with (actor_id, at, id) alone, a rare action meant walking all of them).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('audit_log_actor_action_at')
    .on('audit_log')
    .columns(['actor_id', 'action', 'at', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_actor_action_at').execute();
}
