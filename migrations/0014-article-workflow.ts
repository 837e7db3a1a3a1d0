// The newsroom's work on articles: who created each (ownership decides what contributors and
// authors may touch), a version that every save increases (a save made from an older version is
// refused instead of overwriting a colleague's work), a revision per save, the status history with
// reviewers' comments, a correction note readers see, when a published story was last updated,
// and the source version a translation was made from (to tell when it is out of date).
import type { Kysely } from 'kysely';
import { columnTypes } from '../src/core/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('articles').addColumn('created_by', 'integer').execute();
  await db.schema
    .alterTable('articles')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('articles')
    .addColumn('correction_note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('articles').addColumn('content_updated_at', t.timestamp).execute();
  await db.schema.alterTable('articles').addColumn('translated_from', 'integer').execute();
  // A published story may be taken off the site at a minute (imported K2 items carry an end date).
  await db.schema.alterTable('articles').addColumn('unpublish_at', t.timestamp).execute();
  await db.schema.alterTable('articles').addColumn('translated_from_version', 'integer').execute();

  // Newsroom lists: newest change first, keyset on (updated_at, id), by edition, status or owner.
  await db.schema
    .createIndex('articles_newsroom_edition')
    .on('articles')
    .columns(['edition', 'updated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('articles_newsroom_status')
    .on('articles')
    .columns(['status', 'edition', 'updated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('articles_newsroom_owner')
    .on('articles')
    .columns(['created_by', 'updated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('articles_newsroom_category')
    .on('articles')
    .columns(['category_id', 'updated_at', 'id'])
    .execute();
  // The unpublishing job and the caches' next change: published stories by their end time.
  await db.schema.createIndex('articles_unpublish_at').on('articles').columns(['status', 'unpublish_at']).execute();

  await db.schema
    .createTable('article_revisions')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    // JSON text: every editable field as it was saved.
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('article_revisions_article')
    .on('article_revisions')
    .columns(['article_id', 'version'])
    .execute();

  await db.schema
    .createTable('article_status_log')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('article_status_log_article')
    .on('article_status_log')
    .columns(['article_id', 'id'])
    .execute();

  // What a person typed and has not saved yet (one row per person and article, replaced every
  // half minute by the form's script): offered back when they open the article again.
  await db.schema
    .createTable('article_autosaves')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('based_on_version', 'integer', (c) => c.notNull())
    .addColumn('saved_at', t.timestamp, (c) => c.notNull())
    // JSON text: the form's fields.
    .addColumn('fields', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_autosaves_pk', ['article_id', 'user_id'])
    .execute();

  // Who has an article open: each open form says so every half minute.
  await db.schema
    .createTable('article_presence')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('seen_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('article_presence_pk', ['article_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('article_presence').execute();
  await db.schema.dropTable('article_autosaves').execute();
  await db.schema.dropTable('article_status_log').execute();
  await db.schema.dropTable('article_revisions').execute();
  for (const index of [
    'articles_unpublish_at',
    'articles_newsroom_edition',
    'articles_newsroom_status',
    'articles_newsroom_owner',
    'articles_newsroom_category',
  ])
    await db.schema.dropIndex(index).execute();
  for (const column of [
    'unpublish_at',
    'translated_from_version',
    'translated_from',
    'content_updated_at',
    'correction_note',
    'version',
    'created_by',
  ])
    await db.schema.alterTable('articles').dropColumn(column).execute();
}
