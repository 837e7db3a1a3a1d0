// Readers' star ratings: one row per reader and article, holding that reader's current vote.
import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../src/core/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('article_votes')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('voter_id', 'text', (c) => c.notNull())
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull().check(sql`rating between 1 and 5`))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    // One vote per reader per article: a second vote updates this row.
    .addPrimaryKeyConstraint('article_votes_pk', ['article_id', 'voter_id'])
    .execute();
  // The rate limit counts one address's new votes in the last hour.
  await db.schema
    .createIndex('article_votes_address_time')
    .on('article_votes')
    .columns(['ip_hash', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('article_votes').execute();
}
