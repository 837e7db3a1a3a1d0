// The radio: channels (a language service with its streams, in order of preference), programs on
// a channel (hosts, weekly slots in the channel's time zone) and one-off schedule changes
// (a special broadcast, a cancelled slot). Episodes and podcasts come with a later migration.
import type { Kysely } from 'kysely';
import { columnTypes } from '../src/core/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('channels')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('edition', 'text', (c) => c.notNull().references('editions.code').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // The IANA zone its weekly slots are written in.
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('artwork_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    // Where its "now playing" is read: 'none', 'icecast' (the first stream's server) or 'azuracast'.
    .addColumn('status_source', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('status_url', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_active', t.flag, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('channels_edition_slug', ['edition', 'slug'])
    .execute();
  await db.schema
    .createTable('channel_streams')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('channel_id', 'integer', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    // 'mp3', 'aac' or 'hls', checked by the app.
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('channel_streams_order')
    .on('channel_streams')
    .columns(['channel_id', 'position'])
    .execute();
  await db.schema
    .createTable('programs')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('edition', 'text', (c) => c.notNull().references('editions.code').onDelete('cascade'))
    .addColumn('channel_id', 'integer', (c) => c.notNull().references('channels.id'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('artwork_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('is_active', t.flag, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('programs_edition_slug', ['edition', 'slug'])
    .execute();
  await db.schema.createIndex('programs_channel').on('programs').column('channel_id').execute();
  await db.schema
    .createTable('program_hosts')
    .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('program_hosts_pkey', ['program_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('program_slots')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    // ISO weekdays, e.g. '1,2,3,4,5' for Monday to Friday.
    .addColumn('days', 'text', (c) => c.notNull())
    // Wall-clock "HH:MM" in the channel's zone, and the minutes it runs (1 to 1,440).
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('program_slots_program').on('program_slots').column('program_id').execute();
  await db.schema
    .createTable('schedule_changes')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('channel_id', 'integer', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    // 'special' or 'cancelled', checked by the app.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('program_id', 'integer', (c) => c.references('programs.id').onDelete('cascade'))
    .addColumn('starts_at', t.timestamp, (c) => c.notNull())
    .addColumn('ends_at', t.timestamp, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // A channel's changes still to come or running: one range from "now" on.
  await db.schema
    .createIndex('schedule_changes_channel')
    .on('schedule_changes')
    .columns(['channel_id', 'ends_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['schedule_changes', 'program_slots', 'program_hosts', 'programs', 'channel_streams', 'channels'])
    await db.schema.dropTable(table).execute();
}
