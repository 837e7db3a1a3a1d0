// Indexes that let every reader list stop after the rows it shows, however large the archive:
// each list's filter columns, then its sort order down to the id that breaks ties (PostgreSQL
// needs the id in the index to read "newest first" in order; SQLite has it as the rowid).
import type { Kysely } from 'kysely';

/** Index name → table and columns; each replaces the narrower index of 0001 named beside it. */
const INDEXES = [
  // Home, feeds, news sitemap, most-read fallback: an edition's published stories, newest first.
  {
    name: 'articles_edition_published_id',
    replaces: 'articles_edition_published',
    table: 'articles',
    columns: ['edition', 'status', 'published_at', 'id'],
  },
  // Section pages and the home page's section blocks, one category at a time.
  {
    name: 'articles_category_published_id',
    replaces: 'articles_category_published',
    table: 'articles',
    columns: ['category_id', 'status', 'published_at', 'id'],
  },
  // Author pages.
  {
    name: 'articles_author_published_id',
    replaces: 'articles_author',
    table: 'articles',
    columns: ['author_id', 'status', 'published_at', 'id'],
  },
  // Story sitemaps page through an edition's stories by id.
  { name: 'articles_edition_status_id', replaces: undefined, table: 'articles', columns: ['edition', 'status', 'id'] },
  // The scheduled-story job looks for stories whose minute has come, in every edition.
  { name: 'articles_status_published', replaces: undefined, table: 'articles', columns: ['status', 'published_at'] },
  // Related stories take the newest stories of each tag; tag pages walk a tag's stories.
  {
    name: 'article_tags_tag_article',
    replaces: 'article_tags_tag',
    table: 'article_tags',
    columns: ['tag_id', 'article_id'],
  },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const index of INDEXES) {
    await db.schema
      .createIndex(index.name)
      .on(index.table)
      .columns([...index.columns])
      .execute();
    if (index.replaces) await db.schema.dropIndex(index.replaces).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
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
  await db.schema.createIndex('article_tags_tag').on('article_tags').column('tag_id').execute();
  for (const index of INDEXES) await db.schema.dropIndex(index.name).execute();
}
