// Migration 0007 on a database with content: statuses, roles and directions become plain text
// that the app checks, and every row, reference, index and id counter survives the change.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { seedBase } from '../seed/editions.ts';
import { ArticleInputError, createArticle } from '../src/articles/commands.ts';
import { toDbTime } from '../src/core/db/dialect.ts';
import { migrateToLatest } from '../src/core/db/migrate.ts';
import type { ArticleRow, Database } from '../src/core/db/schema.ts';
import { EventBus } from '../src/core/events/index.ts';
import { createUser, UserInputError } from '../src/users/index.ts';
import * as migration0007 from '../migrations/0007-plain-text-statuses.ts';
import { TEST_ENGINE } from './helpers/database.ts';
import { createEmptyDatabase, type EmptyDatabase } from './helpers/empty-database.ts';
import { makeArticle, makeCategory, makePage } from './helpers/factories.ts';
import { bindWriter, writerFor } from './helpers/writer.ts';

const MIGRATIONS = fileURLToPath(new URL('../migrations', import.meta.url));
const TABLES = [
  'editions',
  'users',
  'articles',
  'article_tags',
  'article_votes',
  'article_reads_daily',
  'pages',
] as const;

let t: EmptyDatabase;
let db: Kysely<Database>;
let kept: ArticleRow;
let deleted: ArticleRow;
const before0007: Record<string, number> = {};
const linksDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-migrations-'));

/** A folder with the project's migrations that sort before `name`, to stop just short of it. */
function migrationsBefore(name: string): string {
  for (const file of fs.readdirSync(MIGRATIONS)) {
    if (file < name) fs.symlinkSync(path.join(MIGRATIONS, file), path.join(linksDir, file));
  }
  return linksDir;
}

async function count(table: string): Promise<number> {
  const row = await db
    .selectFrom(table as 'articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Runs one migration step as migrateToLatest would: in a transaction, SQLite's foreign keys off. */
async function runStep(step: (db: Kysely<any>) => Promise<void>): Promise<void> {
  if (TEST_ENGINE === 'postgres') return db.transaction().execute(step);
  await db.connection().execute(async (connection) => {
    await sql`pragma foreign_keys = off`.execute(connection);
    try {
      await connection.transaction().execute(step);
    } finally {
      await sql`pragma foreign_keys = on`.execute(connection);
    }
  });
}

/** Articles the search index of 0004 finds for a word (today's search code reads 0009's index). */
async function matchingIds(word: string): Promise<number[]> {
  const { rows } =
    TEST_ENGINE === 'sqlite'
      ? await sql<{ id: number }>`select rowid as id from article_search where article_search match ${word}`.execute(db)
      : await sql<{ id: number }>`select article_id as id from article_search
          where document @@ to_tsquery('simple', ${word})`.execute(db);
  return rows.map((r) => r.id);
}

/** Writes an article's row in the search index of 0004, as its indexer did. */
async function indexAsIn0004(article: ArticleRow): Promise<void> {
  const values = sql`${article.id}, ${article.title.toLowerCase()}, '', '', ''`;
  if (TEST_ENGINE === 'sqlite')
    await sql`insert into article_search (rowid, article_id, title, summary, body, meta) values (${article.id}, ${values})`.execute(
      db,
    );
  else await sql`insert into article_search (article_id, title, summary, body, meta) values (${values})`.execute(db);
}

async function searchRows(articleId: number): Promise<number> {
  return (await db.selectFrom('article_search').select('article_id').where('article_id', '=', articleId).execute())
    .length;
}

before(async () => {
  t = await createEmptyDatabase();
  db = t.db.kysely;
  await migrateToLatest(db, { folder: migrationsBefore('0007') });
  // Today's search consumer writes the index of 0009: this database's is 0004's, written below.
  bindWriter(db, {
    db,
    events: new EventBus(db, { log: { error: () => {}, debug: () => {} } }),
    now: () => new Date(),
  });
  await seedBase(writerFor(db));
  const category = await makeCategory(db, { name: 'Nation' });
  kept = await makeArticle(db, { title: 'Caldera monitoring expands', category_id: category.id, tags: ['Volcano'] });
  await makeArticle(db, { category_id: category.id, status: 'draft', tags: ['Volcano', 'Weather'] });
  deleted = await makeArticle(db, { title: 'Withdrawn caldera story', category_id: category.id });
  for (const article of [kept, deleted]) await indexAsIn0004(article);
  const now = toDbTime(new Date());
  await db
    .insertInto('article_votes')
    .values({ article_id: kept.id, voter_id: 'v1', rating: 4, created_at: now, updated_at: now })
    .execute();
  await db.insertInto('article_reads_daily').values({ article_id: kept.id, day: '2026-01-02', reads: 7 }).execute();
  await makePage(db, { parent: await makePage(db, { title: 'About' }), title: 'Board' });
  // Deleted past the indexer: before 0007, SQLite keeps its search row.
  await db.deleteFrom('articles').where('id', '=', deleted.id).execute();
  for (const table of TABLES) before0007[table] = await count(table);
  const step = '0007-plain-text-statuses.ts';
  fs.symlinkSync(path.join(MIGRATIONS, step), path.join(linksDir, step));
  assert.deepEqual(await migrateToLatest(db, { folder: linksDir }), ['0007-plain-text-statuses']);
});
after(async () => {
  await t.cleanup();
  fs.rmSync(linksDir, { recursive: true, force: true });
});

describe('migration 0007: plain-text statuses', () => {
  it('keeps every row, and the search still finds the kept story', async () => {
    for (const table of TABLES) assert.equal(await count(table), before0007[table], table);
    assert.deepEqual(await matchingIds('caldera'), [kept.id]);
    assert.equal(await searchRows(kept.id), 1);
    assert.equal(await searchRows(deleted.id), 0, 'the stale row of an earlier delete is gone');
  });

  it('keeps the id counter past deleted articles, so their URLs are never reused', async () => {
    const next = await makeArticle(db, { category_id: kept.category_id });
    assert.ok(next.id > deleted.id, `${next.id} > ${deleted.id}`);
  });

  it('accepts unknown statuses, roles and directions: the app is the checker', async () => {
    await db
      .updateTable('articles')
      .set({ status: 'embargoed' as never })
      .where('id', '=', kept.id)
      .execute();
    await db
      .updateTable('pages')
      .set({ status: 'hidden' as never })
      .execute();
    await db
      .updateTable('users')
      .set({ role: 'guest' as never })
      .execute();
    await db
      .updateTable('editions')
      .set({ direction: 'ttb' as never })
      .where('code', '=', 'ar')
      .execute();
    const row = await db.selectFrom('articles').select('status').where('id', '=', kept.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'embargoed');
  });

  it('and the app rejects them', async () => {
    const w = writerFor(db);
    await assert.rejects(
      createArticle(w, { edition: 'en', categoryId: kept.category_id, title: 'X', status: 'embargoed' as never }),
      (error: Error) =>
        error instanceof ArticleInputError &&
        /status: must be one of draft, review, published, archived/.test(error.message),
    );
    await assert.rejects(
      createUser(w, {
        email: 'guest@warta.test',
        name: 'Guest',
        role: 'guest' as never,
        password: 'long enough password',
      }),
      (error: Error) => error instanceof UserInputError && /role must be one of admin, editor/.test(error.message),
    );
  });

  it('still enforces the foreign keys of the rebuilt tables', async () => {
    await assert.rejects(makeArticle(db, { edition: 'xx', category_id: kept.category_id }));
    await assert.rejects(db.insertInto('article_tags').values({ article_id: 99_999, tag_id: 1 }).execute());
  });

  it('drops only the status, role and direction checks', async () => {
    await assert.rejects(
      db.updateTable('article_votes').set({ rating: 9 }).execute(),
      /check/i,
      'the rating range is a value rule, not a status, and stays',
    );
    if (TEST_ENGINE === 'postgres') {
      const { rows } = await sql<{ name: string }>`select conname as name from pg_constraint c
        join pg_namespace n on n.oid = c.connamespace
        where c.contype = 'c' and n.nspname = current_schema() order by conname`.execute(db);
      assert.deepEqual(
        rows.map((r) => r.name),
        ['article_votes_rating_check'],
      );
    }
  });

  it(
    'leaves SQLite with its indexes, no stray tables and clean foreign keys',
    { skip: TEST_ENGINE !== 'sqlite' },
    async () => {
      const { rows } = await sql<{ type: string; name: string; tbl_name: string }>`select type, name, tbl_name
      from sqlite_master where tbl_name in ('editions', 'users', 'articles', 'pages') and sql is not null
      order by type, name`.execute(db);
      assert.deepEqual(
        rows.map((r) => `${r.type} ${r.name}`),
        [
          'index articles_author',
          'index articles_category_published',
          'index articles_edition_published',
          'index articles_translation_group',
          'index pages_parent',
          'table articles',
          'table editions',
          'table pages',
          'table users',
          'trigger articles_search_delete',
        ],
      );
      const sequences = await sql<{
        name: string;
      }>`select name from sqlite_sequence where name like '%rebuilt%'`.execute(db);
      assert.deepEqual(sequences.rows, []);
      assert.deepEqual((await sql`pragma foreign_key_check`.execute(db)).rows, []);
      assert.deepEqual((await sql`pragma integrity_check`.execute(db)).rows, [{ integrity_check: 'ok' }]);
    },
  );

  it('can be undone: down restores the checks, and up drops them again', async () => {
    await db.updateTable('articles').set({ status: 'published' }).where('id', '=', kept.id).execute();
    await db.updateTable('pages').set({ status: 'published' }).execute();
    await db.updateTable('users').set({ role: 'author' }).execute();
    await db.updateTable('editions').set({ direction: 'rtl' }).where('code', '=', 'ar').execute();
    const embargo = () =>
      db
        .updateTable('articles')
        .set({ status: 'embargoed' as never })
        .where('id', '=', kept.id)
        .execute();
    await runStep(migration0007.down);
    await assert.rejects(embargo(), /check/i);
    await assert.rejects(
      db
        .updateTable('users')
        .set({ role: 'guest' as never })
        .execute(),
      /check/i,
    );
    await runStep(migration0007.up);
    await embargo();
    for (const table of TABLES) assert.ok((await count(table)) >= before0007[table]!, table);
  });
});
