// Domain events and scheduled jobs. `outbox_events` is written in the same transaction as the
// change it describes, so an event is never lost when a process dies right after a commit;
// `event_cursors` remembers how far each once-per-site consumer (search index, later the audit
// log and webhooks) has got; `scheduled_jobs` lets many app processes share one clock.
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { columnTypes } from '../src/core/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  const pk = (c: ColumnDefinitionBuilder) => (t.serial === 'serial' ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('outbox_events')
    .addColumn('id', t.serial, pk)
    .addColumn('type', 'text', (c) => c.notNull())
    // JSON text: ids and codes only, never personal data.
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_events_created').on('outbox_events').column('created_at').execute();

  await db.schema
    .createTable('event_cursors')
    .addColumn('consumer', 'text', (c) => c.primaryKey())
    .addColumn('last_id', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('scheduled_jobs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('next_run_at', t.timestamp, (c) => c.notNull())
    // A claim: the process that runs the job now, and until when its claim holds if it dies.
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', t.timestamp)
    .addColumn('last_started_at', t.timestamp)
    .addColumn('last_finished_at', t.timestamp)
    .addColumn('last_outcome', 'text')
    .addColumn('last_message', 'text')
    .addColumn('run_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scheduled_jobs').execute();
  await db.schema.dropTable('event_cursors').execute();
  await db.schema.dropTable('outbox_events').execute();
}
