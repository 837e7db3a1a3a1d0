// Plugging in: API keys for the public API's writes and drafts, and webhooks that tell other
// systems (apps, partners, the radio automation) what happened.
//
// An API key acts as the user it belongs to, limited by its scopes; only a SHA-256 of the key is
// kept (the key is random and long, so a fast hash is enough), with its first characters shown
// in the newsroom to tell keys apart. `api_key_windows` counts requests per key per minute, in
// the database so every app process shares one limit.
//
// A webhook is a URL, the events it wants and the secret its deliveries are signed with (the
// secret must be kept to sign, so it is stored as it is, like a password a server must send).
// `webhook_deliveries` is both the queue and the log: one row per event and hook, retried with
// backoff until delivered or given up, kept for the log a while after.
import type { Kysely } from 'kysely';
import { columnTypes } from '../src/core/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('api_keys')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // The key's first characters ("wk_3f9a…"), shown in lists; not enough to use it.
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    // Space-separated scopes, checked by the app: 'drafts:read' 'articles:write' 'media:write'.
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_used_at', t.timestamp)
    .addColumn('revoked_at', t.timestamp)
    .execute();
  await db.schema.createIndex('api_keys_user').on('api_keys').column('user_id').execute();

  await db.schema
    .createTable('api_key_windows')
    .addColumn('key_id', 'integer', (c) => c.notNull().references('api_keys.id').onDelete('cascade'))
    // The minute the count is for (UTC, ISO text on both engines: compared for equality only).
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('api_key_windows_pkey', ['key_id', 'window_start'])
    .execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // Space-separated event names, checked by the app.
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('is_active', t.flag, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('webhook_id', 'integer', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
    // The outbox event it tells of: (webhook, event) is unique, so a redelivered event is queued once.
    .addColumn('event_id', 'integer', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    // The exact JSON body sent (and signed) on every attempt.
    .addColumn('body', 'text', (c) => c.notNull())
    // 'pending' → 'delivered' | 'failed' (given up) | 'skipped' (the thing changed before its time).
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', t.timestamp, (c) => c.notNull())
    // While a process is sending it (a claim expires, so a crash mid-send is retried).
    .addColumn('claimed_until', t.timestamp)
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('finished_at', t.timestamp)
    .addUniqueConstraint('webhook_deliveries_event', ['webhook_id', 'event_id'])
    .execute();
  // The sender's queue: what is due, oldest first.
  await db.schema
    .createIndex('webhook_deliveries_due')
    .on('webhook_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  // A hook's log, newest first.
  await db.schema
    .createIndex('webhook_deliveries_log')
    .on('webhook_deliveries')
    .columns(['webhook_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('webhooks').execute();
  await db.schema.dropTable('api_key_windows').execute();
  await db.schema.dropIndex('api_keys_user').execute();
  await db.schema.dropTable('api_keys').execute();
}
