// The newsroom's accounts: sessions kept in the database (every app process shares them), the
// sign-in limiter's state (a restart or another process does not reset it), two-factor secrets
// and single-use recovery codes, password-reset tokens, editors' editions, site settings, the
// audit log, and the actor of each event (so the audit log can say who did what).
// Tokens and codes are stored as SHA-256 hashes only: a copy of the database opens no session.
import type { Kysely } from 'kysely';
import { columnTypes } from '../src/core/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_enabled_at', t.timestamp).execute();
  // The last 30-second step whose code was accepted: the same code cannot be used twice.
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
  await db.schema.alterTable('users').addColumn('password_changed_at', t.timestamp).execute();

  await db.schema
    .createTable('user_editions')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('edition', 'text', (c) => c.notNull().references('editions.code').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_editions_pk', ['user_id', 'edition'])
    .execute();

  await db.schema
    .createTable('staff_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // 'second_factor' until the TOTP or recovery code is given, then 'active'.
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_sessions_user').on('staff_sessions').column('user_id').execute();

  // One row per limited key (an account, an address): failures in the current run and until when
  // the key must wait. Addresses are keyed hashes, never the address itself.
  await db.schema
    .createTable('sign_in_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', t.timestamp, (c) => c.notNull())
    .addColumn('blocked_until', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', t.timestamp)
    .addPrimaryKeyConstraint('recovery_codes_pk', ['user_id', 'code_hash'])
    .execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('used_at', t.timestamp)
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    // JSON text.
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'integer')
    .addColumn('edition', 'text')
    // JSON text: the event's ids and codes.
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('event_id', 'integer')
    .execute();
  // Lists: newest first, optionally by action or actor; the consumer skips events already written.
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
  await db.schema.createIndex('audit_log_action_at').on('audit_log').columns(['action', 'at', 'id']).execute();
  await db.schema.createIndex('audit_log_actor_at').on('audit_log').columns(['actor_id', 'at', 'id']).execute();
  await db.schema.createIndex('audit_log_event').on('audit_log').column('event_id').unique().execute();

  await db.schema.alterTable('outbox_events').addColumn('actor_id', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox_events').dropColumn('actor_id').execute();
  for (const table of [
    'audit_log',
    'settings',
    'password_resets',
    'recovery_codes',
    'sign_in_limits',
    'staff_sessions',
    'user_editions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['password_changed_at', 'totp_last_step', 'totp_enabled_at', 'totp_secret']) {
    await db.schema.alterTable('users').dropColumn(column).execute();
  }
}
