// SQLite's search index, rebuilt so a search reads less of it:
// - each word is held under its edition ("en" U+E000 "harbour"), so a search walks its own
//   edition's words only. With the edition as a word of the scope column, every match was
//   checked against that word's list, which holds half the archive: for a rare word or two words
//   together, that check cost more than finding the matches (newest first, it seeks backwards
//   through the list once per match). The scope column keeps the section (c<id>).
// - a second, small index of the titles and summaries alone ranks the matches (every word in the
//   title, then in the title or summary): with the body's words in the lists too, ranking two
//   words read as much of the index again as finding them, twice. PostgreSQL's `headline` (0009)
//   has the same role.
// U+E000 and U+E001 (for the "-" of a code like zh-cn) are private-use characters: the tokenizer
// keeps them in a token, and no indexed word holds one, so no word can pass for another.
// PostgreSQL's index is unchanged: its planner filters by edition with a btree.
import { sql, type Kysely } from 'kysely';
import { engineOf } from '../src/core/db/dialect.ts';

/** 2³¹: the recency key's scale, as in 0009. */
const KEY_SCALE = 2147483648;
/** The recency key of an article_search row (`row`: new or old in a trigger, or a table alias). */
const recencyKey = (row: string) => `unixepoch(${row}.published_at) * ${KEY_SCALE} + ${row}.article_id`;
/** Each word of a text column (words separated by single spaces) under the row's edition. */
const editionWords = (row: string, column: string) => {
  const prefix = `replace(${row}.edition, '-', char(57345)) || char(57344)`;
  return `case when ${row}.${column} = '' then '' else ${prefix} || replace(${row}.${column}, ' ', ' ' || ${prefix}) end`;
};

/** An FTS5 index of article_search rows: its columns, and the values it indexes for a row. */
interface SearchIndex {
  name: string;
  columns: readonly string[];
  values: (row: string) => string;
}

const INDEX_0009: SearchIndex = {
  name: 'article_search_fts',
  columns: ['title', 'summary', 'body', 'meta', 'scope'],
  values: (row) =>
    `${row}.title, ${row}.summary, ${row}.body, ${row}.meta, ${row}.edition || ' c' || ${row}.category_id`,
};

const WORDS_BY_EDITION: SearchIndex = {
  name: 'article_search_fts',
  columns: ['title', 'summary', 'body', 'meta', 'scope'],
  values: (row) =>
    `${['title', 'summary', 'body', 'meta'].map((c) => editionWords(row, c)).join(', ')}, 'c' || ${row}.category_id`,
};

const HEADLINES: SearchIndex = {
  name: 'article_search_headline_fts',
  columns: ['title', 'summary'],
  values: (row) => `${editionWords(row, 'title')}, ${editionWords(row, 'summary')}`,
};

export async function up(db: Kysely<any>): Promise<void> {
  if (engineOf(db) !== 'sqlite') return;
  await dropIndexes(db, [INDEX_0009]);
  await createIndexes(db, [WORDS_BY_EDITION, HEADLINES]);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (engineOf(db) !== 'sqlite') return;
  await dropIndexes(db, [WORDS_BY_EDITION, HEADLINES]);
  await createIndexes(db, [INDEX_0009]);
}

async function dropIndexes(db: Kysely<any>, indexes: readonly SearchIndex[]): Promise<void> {
  for (const name of ['insert', 'delete', 'update'])
    await sql.raw(`drop trigger article_search_fts_${name}`).execute(db);
  for (const index of indexes) await sql.raw(`drop table ${index.name}`).execute(db);
}

/** Creates the indexes, the triggers that keep them in step with article_search, and fills them. */
async function createIndexes(db: Kysely<any>, indexes: readonly SearchIndex[]): Promise<void> {
  for (const index of indexes) {
    // As in 0009: contentless, rows deleted by rowid, and no word positions (detail = column).
    await sql
      .raw(
        `create virtual table ${index.name} using fts5(${index.columns.join(', ')},
        content = '', contentless_delete = 1, detail = column,
        tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'")`,
      )
      .execute(db);
  }
  const insertRows = indexes
    .map(
      (i) =>
        `insert into ${i.name} (rowid, ${i.columns.join(', ')}) values (${recencyKey('new')}, ${i.values('new')});`,
    )
    .join(' ');
  const deleteRows = indexes.map((i) => `delete from ${i.name} where rowid = ${recencyKey('old')};`).join(' ');
  await sql
    .raw(`create trigger article_search_fts_insert after insert on article_search begin ${insertRows} end`)
    .execute(db);
  await sql
    .raw(`create trigger article_search_fts_delete after delete on article_search begin ${deleteRows} end`)
    .execute(db);
  await sql
    .raw(
      `create trigger article_search_fts_update after update on article_search begin ${deleteRows} ${insertRows} end`,
    )
    .execute(db);
  for (const index of indexes) {
    await sql
      .raw(
        `insert into ${index.name} (rowid, ${index.columns.join(', ')})
        select ${recencyKey('s')}, ${index.values('s')} from article_search s`,
      )
      .execute(db);
    // A bulk insert leaves an index in many segments, and a search walks each: merge them into one.
    await sql.raw(`insert into ${index.name} (${index.name}) values ('optimize')`).execute(db);
    // Later writes add segments, merged as they go once `automerge` of them share a level: 2, not
    // FTS5's default 4, keeps fewer (8 rather than 12 after the benchmark's 200 batches of
    // stories), for about 5% less SQL time per search, at more merge work per write.
    if (index !== INDEX_0009)
      await sql.raw(`insert into ${index.name} (${index.name}, rank) values ('automerge', 2)`).execute(db);
  }
}
