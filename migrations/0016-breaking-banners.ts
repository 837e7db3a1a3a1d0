// Breaking-news banners: one row per banner an editor raised for an edition. A banner is live
// from starts_at until expires_at, or until ended_at when an editor ends it (or raises another).
// The partial index holds only banners not ended by hand, by edition and expiry: "the live banner
// of an edition" is one short range of it, however many banners the site has ever raised.
import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../src/core/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('breaking_banners')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('edition', 'text', (c) => c.notNull().references('editions.code').onDelete('cascade'))
    // At most 200 characters, checked by the command (plain text, escaped when shown).
    .addColumn('text', 'text', (c) => c.notNull())
    // A path of this site or an https URL, checked by the command; null: no link.
    .addColumn('link', 'text')
    .addColumn('starts_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    // A deleted account leaves its banners in place, raised by no one.
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('ended_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('breaking_banners_live')
    .on('breaking_banners')
    .columns(['edition', 'expires_at'])
    .where(sql<boolean>`ended_at is null`)
    .execute();
  // The newsroom's "recent banners" of an edition, newest first.
  await db.schema.createIndex('breaking_banners_recent').on('breaking_banners').columns(['edition', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('breaking_banners_recent').execute();
  await db.schema.dropIndex('breaking_banners_live').execute();
  await db.schema.dropTable('breaking_banners').execute();
}
