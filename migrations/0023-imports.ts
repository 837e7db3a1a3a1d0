// Moving in: what the K2 and WordPress importers remember, and the redirect table that keeps a
// broadcaster's old links working.
//
// `import_links` ties a source record (a K2 item, a WordPress post, a category, a user …) of one
// edition to the Warta row made from it. Ids collide across a broadcaster's Joomla installs (one
// per language), so the edition is part of the key. A re-run finds its rows here: it updates what
// changed at the source (`source_hash`) and leaves alone an article edited in Warta since
// (`target_version` is the article's version the import wrote).
//
// `legacy_sites` holds each imported site's old address, so the K2 URL forms under its path
// prefix (e.g. `/indonesian/index.php/…`) resolve by numeric id.
//
// `redirects` is the table of old paths the newsroom can also edit by hand: exact old path (with
// its query when the old site used one) → new path, answered with 301.
//
// Imported ratings are a baseline kept apart from the per-voter votes (`rating_sum` and
// `rating_count` stay equal to the vote rows); pages show the two added together.
import type { Kysely } from 'kysely';
import { columnTypes } from '../src/core/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('import_links')
    .addColumn('edition', 'text', (c) => c.notNull().references('editions.code').onDelete('cascade'))
    // 'k2' | 'wxr', checked by the app.
    .addColumn('system', 'text', (c) => c.notNull())
    // 'item' | 'category' | 'tag' | 'user' | 'post' | 'page' | 'attachment' | 'image', by system.
    .addColumn('kind', 'text', (c) => c.notNull())
    // The id at the source, as text (K2 ids are numbers, WordPress GUIDs are not).
    .addColumn('source_id', 'text', (c) => c.notNull())
    // The Warta row (article, category, tag, user, page or media id, by kind).
    .addColumn('target_id', 'integer', (c) => c.notNull())
    // A hash of the source record as last imported: unchanged at the source → nothing to do.
    .addColumn('source_hash', 'text', (c) => c.notNull())
    // For articles and pages: the version the import wrote; a higher one was edited in Warta.
    .addColumn('target_version', 'integer')
    .addColumn('imported_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('import_links_pkey', ['edition', 'system', 'kind', 'source_id'])
    .execute();
  // "Where did this article come from", and dropping a deleted target's links.
  await db.schema.createIndex('import_links_target').on('import_links').columns(['kind', 'target_id']).execute();

  await db.schema
    .createTable('legacy_sites')
    .addColumn('edition', 'text', (c) => c.notNull().references('editions.code').onDelete('cascade'))
    .addColumn('system', 'text', (c) => c.notNull())
    // The old site's address (`https://old.example/english`) and its path ('/english', or '').
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('base_path', 'text', (c) => c.notNull())
    .addColumn('last_run_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('legacy_sites_pkey', ['edition', 'system'])
    .execute();

  await db.schema
    .createTable('redirects')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    // The old path as a reader's browser asks for it, with its query when it matters.
    .addColumn('from_path', 'text', (c) => c.notNull().unique())
    // A path on this site (or an absolute URL an editor typed).
    .addColumn('to_path', 'text', (c) => c.notNull())
    .addColumn('edition', 'text', (c) => c.references('editions.code').onDelete('cascade'))
    // 'manual' | 'k2' | 'wxr': who made it.
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('redirects_edition').on('redirects').columns(['edition', 'origin']).execute();

  await db.schema
    .alterTable('articles')
    .addColumn('baseline_rating_sum', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('articles')
    .addColumn('baseline_rating_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('articles').dropColumn('baseline_rating_count').execute();
  await db.schema.alterTable('articles').dropColumn('baseline_rating_sum').execute();
  await db.schema.dropIndex('redirects_edition').execute();
  await db.schema.dropTable('redirects').execute();
  await db.schema.dropTable('legacy_sites').execute();
  await db.schema.dropIndex('import_links_target').execute();
  await db.schema.dropTable('import_links').execute();
}
