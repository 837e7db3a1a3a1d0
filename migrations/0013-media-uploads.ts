// The newsroom's uploads: who uploaded each image, which formats are stored at each width (JPEG
// and WebP at upload, AVIF added later by a background job), and when the row last changed. The
// partial index holds only images still lacking AVIF, in the job's order, so the job finds them
// in a few index entries however large the library; its condition is repeated, word for word, by
// the job's query (src/media/avif.ts), which is how both engines know the index applies.
import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../src/core/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  // A deleted account leaves its uploads in place, uploaded by no one.
  await db.schema
    .alterTable('media')
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .alterTable('media')
    .addColumn('formats', 'text', (c) => c.notNull().defaultTo('["jpg","webp"]'))
    .execute();
  // Nullable: SQLite adds no NOT NULL column without a constant default. Every write sets it.
  await db.schema.alterTable('media').addColumn('updated_at', t.timestamp).execute();
  await db
    .updateTable('media')
    .set((eb) => ({ updated_at: eb.ref('created_at') }))
    .execute();
  await db.schema
    .createIndex('media_avif_pending')
    .on('media')
    .columns(['updated_at', 'id'])
    .where(sql<boolean>`formats not like '%"avif"%'`)
    .execute();
  await db.schema.createIndex('media_uploaded_by').on('media').column('uploaded_by').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('media_uploaded_by').execute();
  await db.schema.dropIndex('media_avif_pending').execute();
  await db.schema.alterTable('media').dropColumn('updated_at').execute();
  await db.schema.alterTable('media').dropColumn('formats').execute();
  await db.schema.alterTable('media').dropColumn('uploaded_by').execute();
}
