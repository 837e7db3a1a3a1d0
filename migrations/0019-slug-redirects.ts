// Old addresses of sections and tags: when an editor renames a tag, changes a section's slug or
// merges one tag into another, the old slug keeps leading readers (and search engines, with a
// 301) to the section or tag it named. One row per old slug of an edition; the target is a
// category or tag id by `kind` (no foreign key: the commands drop a target's rows with it).
import type { Kysely } from 'kysely';
import { columnTypes } from '../src/core/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('slug_redirects')
    // 'category' or 'tag', checked by the app.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('edition', 'text', (c) => c.notNull().references('editions.code').onDelete('cascade'))
    .addColumn('old_slug', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('slug_redirects_pkey', ['kind', 'edition', 'old_slug'])
    .execute();
  // A merge or a delete finds the rows that lead to one target.
  await db.schema.createIndex('slug_redirects_target').on('slug_redirects').columns(['kind', 'target_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('slug_redirects_target').execute();
  await db.schema.dropTable('slug_redirects').execute();
}
