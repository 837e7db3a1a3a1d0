// The article search index, one table on both engines: an FTS5 virtual table on SQLite, a table
// with a generated weighted tsvector and a GIN index on PostgreSQL. Text arrives pre-split into
// words by the app (Intl.Segmenter), so both engines only need to split on spaces.
import { sql, type Kysely } from 'kysely';
import { engineOf } from '../src/core/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    // rowid = article id, so one article's row is found without a scan. Marks (M*) are word
    // characters as they are for the app's splitter; remove_diacritics 2 folds what remains.
    await sql`create virtual table article_search using fts5(
      article_id unindexed, title, summary, body, meta,
      tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
    )`.execute(db);
    return;
  }
  // 'simple': no stemming or stop words, right for a mix of languages; weights A title,
  // B summary, C dateline/source/byline/author/tags, D body.
  await db.schema
    .createTable('article_search')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('meta', 'text', (c) => c.notNull())
    .addColumn('document', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql`setweight(to_tsvector('simple', title), 'A')
            || setweight(to_tsvector('simple', summary), 'B')
            || setweight(to_tsvector('simple', meta), 'C')
            || setweight(to_tsvector('simple', body), 'D')`,
        )
        .stored()
        .notNull(),
    )
    .execute();
  await db.schema.createIndex('article_search_document').on('article_search').using('gin').column('document').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('article_search').execute();
}
