// Zona Integritas: the public reporting channel (reports, their conversation and evidence), the
// integrity document library, and the public satisfaction survey.
//
// What a reporter or an officer writes about a report is stored sealed (AES-256-GCM, the key
// outside the database: src/integrity/sealing): `sealed` columns hold bytes no query can read.
// In the clear stay only what the inbox filters and sorts by (kind, status, dates, the assigned
// officer) and what events, audit entries and e-mails may carry: the report's opaque public id.
// No column holds an address, a user agent or anything else of the reporter's connection.
import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../src/core/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  const yes = t.flag === 'boolean' ? sql`true` : sql`1`;

  await db.schema
    .createTable('integrity_reports')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    // Random, unrelated to the receipt code: what events, audit entries and e-mails name.
    .addColumn('public_id', 'text', (c) => c.notNull().unique())
    // SHA-256 of the receipt code (the code itself is shown once and never stored).
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    // The edition it came through: the language the reporter reads replies in.
    .addColumn('edition', 'text', (c) => c.notNull().references('editions.code'))
    // 'complaint' | 'whistleblowing' | 'gratification', checked by the app.
    .addColumn('kind', 'text', (c) => c.notNull())
    // 'received' → 'verified' → 'in_progress' → 'closed'.
    .addColumn('status', 'text', (c) => c.notNull())
    // The report as written: what, when, where, who is involved, and the optional identity.
    .addColumn('sealed', t.bytes, (c) => c.notNull())
    .addColumn('assigned_to', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('closed_at', t.timestamp)
    .execute();
  // The inbox: newest first within a status (and a kind).
  await db.schema
    .createIndex('integrity_reports_status')
    .on('integrity_reports')
    .columns(['status', 'received_at'])
    .execute();
  await db.schema
    .createIndex('integrity_reports_kind')
    .on('integrity_reports')
    .columns(['kind', 'status', 'received_at'])
    .execute();
  // The retention job: closed reports older than the setting.
  await db.schema.createIndex('integrity_reports_closed').on('integrity_reports').column('closed_at').execute();

  await db.schema
    .createTable('integrity_messages')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('integrity_reports.id').onDelete('cascade'))
    // 'reporter' (an answer or more evidence), 'reply' (an officer to the reporter), 'note'
    // (officers only) or 'status' (a change of status, with its reason).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('officer_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // The new status of a 'status' message (a status may be told; its reason is sealed).
    .addColumn('status', 'text')
    .addColumn('sealed', t.bytes, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('integrity_messages_report')
    .on('integrity_messages')
    .columns(['report_id', 'id'])
    .execute();

  await db.schema
    .createTable('integrity_attachments')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('integrity_reports.id').onDelete('cascade'))
    // The message it came with (null: with the report itself).
    .addColumn('message_id', 'integer', (c) => c.references('integrity_messages.id').onDelete('cascade'))
    // A random name under <dataDir>/integrity-files; the file there is sealed too.
    .addColumn('file', 'text', (c) => c.notNull().unique())
    // The file's name, type and size, and whether its metadata was stripped.
    .addColumn('sealed_meta', t.bytes, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('integrity_attachments_report').on('integrity_attachments').column('report_id').execute();

  await db.schema
    .createTable('integrity_documents')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('edition', 'text', (c) => c.notNull().references('editions.code').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    // The stored file (in the media store), the name a download is saved under, and its type as
    // read from its bytes.
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('is_published', t.flag, (c) => c.notNull().defaultTo(yes))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  // The library's listing: an edition's published documents by year, filtered by category.
  await db.schema
    .createIndex('integrity_documents_listing')
    .on('integrity_documents')
    .columns(['edition', 'is_published', 'year', 'id'])
    .execute();
  await db.schema
    .createIndex('integrity_documents_category')
    .on('integrity_documents')
    .columns(['edition', 'category', 'year'])
    .execute();

  // Survei Kepuasan Masyarakat: an edition's questionnaire (the standard service elements), and
  // its answers by period. Not part of the anonymous channel.
  await db.schema
    .createTable('survey_elements')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('edition', 'text', (c) => c.notNull().references('editions.code').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('is_active', t.flag, (c) => c.notNull().defaultTo(yes))
    .execute();
  await db.schema
    .createIndex('survey_elements_edition')
    .on('survey_elements')
    .columns(['edition', 'position'])
    .execute();
  await db.schema
    .createTable('survey_responses')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('edition', 'text', (c) => c.notNull().references('editions.code').onDelete('cascade'))
    // The quarter it counts in, e.g. "2026-Q4".
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_responses_period')
    .on('survey_responses')
    .columns(['edition', 'period'])
    .execute();
  await db.schema
    .createTable('survey_answers')
    .addColumn('response_id', 'integer', (c) => c.notNull().references('survey_responses.id').onDelete('cascade'))
    .addColumn('element_id', 'integer', (c) => c.notNull().references('survey_elements.id').onDelete('cascade'))
    // 1 (poor) to 4 (very good), the standard scale.
    .addColumn('score', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_answers_pkey', ['response_id', 'element_id'])
    .execute();
  await db.schema.createIndex('survey_answers_element').on('survey_answers').column('element_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'survey_answers',
    'survey_responses',
    'survey_elements',
    'integrity_documents',
    'integrity_attachments',
    'integrity_messages',
    'integrity_reports',
  ])
    await db.schema.dropTable(table).execute();
}
