// Daily read totals per article (day in the site time zone), so most-read lists for the last
// 24 hours, 7 days and 30 days sum a few thousand small rows instead of scanning every article.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('article_reads_daily')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    // YYYY-MM-DD text on both engines: sorts and compares as a date, binds as a plain string.
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('reads', 'integer', (c) => c.notNull().defaultTo(0))
    // The flush upserts on this key; it also serves one article's daily series (newsroom charts).
    .addPrimaryKeyConstraint('article_reads_daily_pk', ['article_id', 'day'])
    .execute();
  // Most-read lists read a range of days and group by article.
  await db.schema
    .createIndex('article_reads_daily_day')
    .on('article_reads_daily')
    .columns(['day', 'article_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('article_reads_daily').execute();
}
