// The first schema: editions, people, news, pages, menus and media.
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { columnTypes } from '../src/core/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  // PostgreSQL's serial already increments; Kysely's autoIncrement() is SQLite's AUTOINCREMENT,
  // which also keeps ids of deleted rows from being reused (article URLs carry the id).
  const pk = (c: ColumnDefinitionBuilder) => (t.serial === 'serial' ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('editions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) =>
      c
        .notNull()
        .defaultTo('ltr')
        .check(sql`direction in ('ltr', 'rtl')`),
    )
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_active', t.flag, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('media')
    .addColumn('id', t.serial, pk)
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('image'))
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('variants', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', t.serial, pk)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text')
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('admin', 'editor', 'author', 'contributor', 'integrity_officer')`),
    )
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('photo_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('is_active', t.flag, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('categories')
    .addColumn('id', t.serial, pk)
    .addColumn('edition', 'text', (c) => c.notNull().references('editions.code'))
    .addColumn('parent_id', 'integer', (c) => c.references('categories.id').onDelete('restrict'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('categories_edition_slug', ['edition', 'slug'])
    .execute();

  await db.schema
    .createTable('tags')
    .addColumn('id', t.serial, pk)
    .addColumn('edition', 'text', (c) => c.notNull().references('editions.code'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('tags_edition_slug', ['edition', 'slug'])
    .execute();

  await db.schema
    .createTable('articles')
    .addColumn('id', t.serial, pk)
    .addColumn('edition', 'text', (c) => c.notNull().references('editions.code'))
    .addColumn('translation_group', 'text', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.notNull().references('categories.id'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('byline', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('dateline', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'review', 'published', 'archived')`))
    .addColumn('is_featured', t.flag, (c) => c.notNull())
    .addColumn('published_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('featured_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('image_caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('image_credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('image_alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('hit_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating_sum', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // The public lists all read "published in this edition (and category), newest first".
  await db.schema
    .createIndex('articles_edition_published')
    .on('articles')
    .columns(['edition', 'status', 'published_at'])
    .execute();
  await db.schema
    .createIndex('articles_category_published')
    .on('articles')
    .columns(['category_id', 'status', 'published_at'])
    .execute();
  await db.schema.createIndex('articles_author').on('articles').column('author_id').execute();
  await db.schema.createIndex('articles_translation_group').on('articles').column('translation_group').execute();

  await db.schema
    .createTable('article_tags')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('article_tags_tag').on('article_tags').column('tag_id').execute();

  await db.schema
    .createTable('pages')
    .addColumn('id', t.serial, pk)
    .addColumn('edition', 'text', (c) => c.notNull().references('editions.code'))
    .addColumn('translation_group', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('pages.id').onDelete('restrict'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published')`))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('pages_edition_path', ['edition', 'path'])
    .execute();
  await db.schema.createIndex('pages_parent').on('pages').column('parent_id').execute();

  await db.schema
    .createTable('menus')
    .addColumn('id', t.serial, pk)
    .addColumn('edition', 'text', (c) => c.notNull().references('editions.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('menus_edition_name', ['edition', 'name'])
    .execute();

  await db.schema
    .createTable('menu_items')
    .addColumn('id', t.serial, pk)
    .addColumn('menu_id', 'integer', (c) => c.notNull().references('menus.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('href', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('menu_items_menu').on('menu_items').columns(['menu_id', 'position']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'menu_items',
    'menus',
    'pages',
    'article_tags',
    'articles',
    'tags',
    'categories',
    'users',
    'media',
    'editions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
