// The newsroom list's title search (a substring of the title or slug, any status) reads an index
// of trigrams, three characters in a row, instead of every row (see
// src/articles/newsroom/title-search.ts):
// - SQLite: a contentless FTS5 table with the trigram tokenizer (case folded, as the list asks),
//   rowid = article id. Contentless: the titles stay in articles alone; contentless_delete lets a
//   row go by its id. Triggers keep it in step, rather than the article commands: every write to
//   articles is covered, the seed's, imports' and tests' too, in the same transaction, and a
//   save that leaves the title and slug alone (a status change, a read count) costs nothing.
// - PostgreSQL: GIN indexes of the edition and the trigrams of lower(title), and of lower(slug)
//   (pg_trgm, with btree_gin for the edition), which LIKE uses. With the edition in the index, a
//   search in one edition reads that edition's matches only: a text common in one edition's
//   language and absent from the other's costs little in both. fastupdate off: the newsroom
//   writes a few articles a minute, and a pending list of new entries would be read by every
//   search until a vacuum. The extensions go into the schema they are already in, else public:
//   never a schema Warta may drop with its tables (the tests' schemas), which would take every
//   other schema's indexes with it; the operator class is named with its schema, which need not
//   be on the search path.
import { sql, type Kysely } from 'kysely';
import { engineOf } from '../src/core/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'sqlite') await upSqlite(db);
  else await upPostgres(db);
}

async function upSqlite(db: Kysely<any>): Promise<void> {
  await sql`create virtual table article_title_search using fts5(
      title, slug,
      content = '', contentless_delete = 1,
      tokenize = 'trigram case_sensitive 0'
    )`.execute(db);
  const insertRow = 'insert into article_title_search (rowid, title, slug) values (new.id, new.title, new.slug);';
  const deleteRow = 'delete from article_title_search where rowid = old.id;';
  await sql
    .raw(`create trigger articles_title_search_insert after insert on articles begin ${insertRow} end`)
    .execute(db);
  await sql
    .raw(`create trigger articles_title_search_delete after delete on articles begin ${deleteRow} end`)
    .execute(db);
  await sql
    .raw(
      `create trigger articles_title_search_update after update of title, slug on articles
        when old.title is not new.title or old.slug is not new.slug
        begin ${deleteRow} ${insertRow} end`,
    )
    .execute(db);
  await sql`insert into article_title_search (rowid, title, slug) select id, title, slug from articles`.execute(db);
  // A bulk insert leaves the index in many segments, and a search walks each: merge them into one.
  await sql`insert into article_title_search (article_title_search) values ('optimize')`.execute(db);
}

async function upPostgres(db: Kysely<any>): Promise<void> {
  for (const extension of ['pg_trgm', 'btree_gin']) {
    if ((await extensionSchema(db, extension)) === undefined)
      await sql`create extension if not exists ${sql.id(extension)} with schema public`.execute(db);
  }
  const trigrams = sql.id((await extensionSchema(db, 'pg_trgm'))!, 'gin_trgm_ops');
  for (const column of ['title', 'slug'])
    await sql`create index ${sql.id(`articles_${column}_trigrams`)} on articles
      using gin (edition, lower(${sql.id(column)}) ${trigrams}) with (fastupdate = off)`.execute(db);
}

/** The schema an extension is installed in, if it is. */
async function extensionSchema(db: Kysely<any>, name: string): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string }>`select n.nspname as schema from pg_extension e
    join pg_namespace n on n.oid = e.extnamespace where e.extname = ${name}`.execute(db);
  return rows[0]?.schema;
}

export async function down(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'postgres') {
    // The extensions stay: other schemas in the database may use them.
    await db.schema.dropIndex('articles_title_trigrams').execute();
    await db.schema.dropIndex('articles_slug_trigrams').execute();
    return;
  }
  for (const name of ['insert', 'delete', 'update'])
    await sql.raw(`drop trigger articles_title_search_${name}`).execute(db);
  await sql`drop table article_title_search`.execute(db);
}
