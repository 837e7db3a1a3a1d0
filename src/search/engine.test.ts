// The search table behaves the same on both engines: same columns, one row per article keyed by
// article_id, and no stale row once its article is deleted, even by a delete the indexer never saw.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { seedBase } from '../../seed/editions.ts';
import type { Database } from '../core/db/schema.ts';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../../test/helpers/database.ts';
import { makeArticle } from '../../test/helpers/factories.ts';
import { searchEngineOf, type SearchDocument } from './engine.ts';
import { writerFor } from '../../test/helpers/writer.ts';

let t: TestDatabase;
let db: Kysely<Database>;
before(async () => {
  t = await createTestDatabase();
  db = t.db.kysely;
  await seedBase(writerFor(db));
});
after(() => t.cleanup());

const doc = (articleId: number, title: string): SearchDocument => ({
  articleId,
  title,
  summary: 'summary',
  body: 'body text',
  meta: 'Jakarta',
});

async function rowsOf(articleId: number) {
  return db.selectFrom('article_search').selectAll().where('article_id', '=', articleId).execute();
}

describe('search engine table', () => {
  it('has the same columns on both engines (PostgreSQL adds only its derived tsvector)', async () => {
    const { rows } =
      TEST_ENGINE === 'sqlite'
        ? await sql<{ name: string }>`select name from pragma_table_info('article_search')`.execute(db)
        : await sql<{ name: string }>`select column_name as name from information_schema.columns
            where table_schema = current_schema() and table_name = 'article_search'
            order by ordinal_position`.execute(db);
    const shared = ['article_id', 'title', 'summary', 'body', 'meta'];
    assert.deepEqual(
      rows.map((r) => r.name),
      TEST_ENGINE === 'sqlite' ? shared : [...shared, 'document'],
    );
  });

  it('keeps one row per article, keyed by an integer article_id, and replaces it on upsert', async () => {
    const article = await makeArticle(db);
    const engine = searchEngineOf(db);
    await engine.upsert(db, doc(article.id, 'first'));
    await engine.upsert(db, doc(article.id, 'second'));
    const rows = await rowsOf(article.id);
    assert.deepEqual(
      rows.map((r) => [r.article_id, r.title]),
      [[article.id, 'second']],
    );
    assert.ok(Number.isInteger(rows[0]!.article_id));
    if (TEST_ENGINE === 'sqlite') {
      const { rows: types } = await sql<{ type: string; same: number }>`select typeof(article_id) as type,
        rowid = article_id as same from article_search where rowid = ${article.id}`.execute(db);
      assert.deepEqual(types, [{ type: 'integer', same: 1 }]);
    }
    await engine.remove(db, article.id);
    assert.deepEqual(await rowsOf(article.id), []);
  });

  it('loses an article’s row when the article is deleted past the indexer, and only that row', async () => {
    const gone = await makeArticle(db, { title: 'Deleted behind the indexer' });
    const stays = await makeArticle(db, { title: 'Still here' });
    assert.equal((await rowsOf(gone.id)).length, 1);
    await db.deleteFrom('articles').where('id', '=', gone.id).execute();
    assert.deepEqual(await rowsOf(gone.id), []);
    assert.equal((await rowsOf(stays.id)).length, 1);
  });
});
