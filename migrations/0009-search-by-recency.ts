// The search index learns each story's edition, section and publication time, so a search reads
// the newest matches first and stops after a fixed number, however large the archive. One plain
// table on both engines; what indexes it differs:
// - SQLite: a contentless FTS5 table whose rowid is the recency key (publication second × 2³¹ +
//   article id), kept in step by triggers, with the edition and section as words of a `scope`
//   column, so "newest matches in this edition (and section, and dates)" is one index walk.
// - PostgreSQL: the tsvector and its GIN index as before, a btree for newest-first per edition
//   and per section, and a small `headline` tsvector (title A, summary B) for ranking.
import { sql, type Kysely } from 'kysely';
import { engineOf } from '../src/core/db/dialect.ts';

/** 2³¹: article ids stay below it (PostgreSQL's serial is a 32-bit integer), so the key is unique. */
const KEY_SCALE = 2147483648;
/** The recency key of an article_search row (`row` is new or old in a trigger). */
const recencyKey = (row: 'new' | 'old') => `unixepoch(${row}.published_at) * ${KEY_SCALE} + ${row}.article_id`;
/** The words that say where a story belongs: its edition code and its section as c<id>. */
const scopeOf = (row: 'new' | 'old') => `${row}.edition || ' c' || ${row}.category_id`;

export async function up(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'sqlite') await upSqlite(db);
  else await upPostgres(db);
}

async function upSqlite(db: Kysely<any>): Promise<void> {
  await sql`drop trigger articles_search_delete`.execute(db);
  await sql`alter table article_search rename to article_search_0004`.execute(db);
  await createSearchTable(db);
  // Contentless: the text is in article_search; the index keeps only what matching needs.
  // contentless_delete lets a row be deleted by rowid alone. detail = column: a search asks
  // which columns hold a word, never where in them (each term is one word, with no phrase or
  // NEAR), so word positions, most of a full index, are not kept: indexing writes and a
  // common word's walk reads a fraction of the bytes.
  await sql`create virtual table article_search_fts using fts5(
      title, summary, body, meta, scope,
      content = '', contentless_delete = 1, detail = column,
      tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
    )`.execute(db);
  const insertRow = `insert into article_search_fts (rowid, title, summary, body, meta, scope)
      values (${recencyKey('new')}, new.title, new.summary, new.body, new.meta, ${scopeOf('new')});`;
  const deleteRow = `delete from article_search_fts where rowid = ${recencyKey('old')};`;
  await sql
    .raw(`create trigger article_search_fts_insert after insert on article_search begin ${insertRow} end`)
    .execute(db);
  await sql
    .raw(`create trigger article_search_fts_delete after delete on article_search begin ${deleteRow} end`)
    .execute(db);
  await sql
    .raw(`create trigger article_search_fts_update after update on article_search begin ${deleteRow} ${insertRow} end`)
    .execute(db);
  await sql`insert into article_search (article_id, edition, category_id, published_at, title, summary, body, meta)
    select a.id, a.edition, a.category_id, a.published_at, s.title, s.summary, s.body, s.meta
    from article_search_0004 s join articles a on a.id = s.rowid
    where a.published_at is not null`.execute(db);
  await sql`drop table article_search_0004`.execute(db);
  // A bulk insert leaves the index in many segments, and a search walks each: merge them into one.
  await sql`insert into article_search_fts (article_search_fts) values ('optimize')`.execute(db);
}

async function upPostgres(db: Kysely<any>): Promise<void> {
  await sql`alter table article_search add column edition text, add column category_id integer,
    add column published_at timestamptz`.execute(db);
  await sql`update article_search s set edition = a.edition, category_id = a.category_id, published_at = a.published_at
    from articles a where a.id = s.article_id`.execute(db);
  await sql`delete from article_search where published_at is null`.execute(db);
  await sql`alter table article_search alter column edition set not null, alter column category_id set not null,
    alter column published_at set not null`.execute(db);
  // Small enough to stay in the row: ranking a thousand candidates never reads the body's vector.
  await sql`alter table article_search add column headline tsvector generated always as
    (setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', summary), 'B')) stored`.execute(
    db,
  );
  await sql`create index article_search_edition_recent
    on article_search (edition, published_at desc, article_id desc)`.execute(db);
  await sql`create index article_search_category_recent
    on article_search (category_id, published_at desc, article_id desc)`.execute(db);
}

/** SQLite's plain table: the columns PostgreSQL's article_search has (less its derived tsvectors). */
async function createSearchTable(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('article_search')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('meta', 'text', (c) => c.notNull())
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'postgres') {
    await db.schema.dropIndex('article_search_edition_recent').execute();
    await db.schema.dropIndex('article_search_category_recent').execute();
    await sql`alter table article_search drop column headline, drop column edition, drop column category_id,
      drop column published_at`.execute(db);
    return;
  }
  for (const name of ['insert', 'delete', 'update'])
    await sql.raw(`drop trigger article_search_fts_${name}`).execute(db);
  await sql`drop table article_search_fts`.execute(db);
  await db.schema.alterTable('article_search').renameTo('article_search_0009').execute();
  await sql`create virtual table article_search using fts5(
    article_id unindexed, title, summary, body, meta,
    tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
  )`.execute(db);
  await sql`insert into article_search (rowid, article_id, title, summary, body, meta)
    select article_id, article_id, title, summary, body, meta from article_search_0009`.execute(db);
  await db.schema.dropTable('article_search_0009').execute();
  await sql`create trigger articles_search_delete after delete on articles
    begin delete from article_search where rowid = old.id; end`.execute(db);
}
