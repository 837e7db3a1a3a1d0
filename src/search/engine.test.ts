// The search table behaves the same on both engines: same columns, one row per article keyed by
// article_id that follows the story's edition, section and time, and no stale row (nor index
// entry) once its article is deleted, even by a delete the indexer never saw.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { seedBase } from '../../seed/editions.ts';
import type { Database } from '../core/db/schema.ts';
import { toDate, toDbTime } from '../core/db/dialect.ts';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../../test/helpers/database.ts';
import { makeArticle, makeCategory } from '../../test/helpers/factories.ts';
import { writerFor } from '../../test/helpers/writer.ts';
import { updateArticle } from '../articles/index.ts';
import { addEdition } from '../editions/commands.ts';
import { findMatchesOf } from './engine.ts';
import { indexArticle } from './indexer.ts';

let t: TestDatabase;
let db: Kysely<Database>;
before(async () => {
  t = await createTestDatabase();
  db = t.db.kysely;
  await seedBase(writerFor(db));
});
after(() => t.cleanup());

async function rowsOf(articleId: number) {
  return db.selectFrom('article_search').selectAll().where('article_id', '=', articleId).execute();
}

/** Article ids the index finds for one word in an edition, newest first. */
async function found(word: string, edition = 'en', isPrefixLast = false): Promise<readonly number[]> {
  const page = await findMatchesOf(db)(
    db,
    { edition, now: new Date(), terms: [word], isPrefixLast },
    { cap: 100, limit: 100, offset: 0 },
  );
  return page.articleIds;
}

describe('search index table', () => {
  it('has the same columns on both engines (PostgreSQL adds only its derived tsvectors)', async () => {
    const { rows } =
      TEST_ENGINE === 'sqlite'
        ? await sql<{ name: string }>`select name from pragma_table_info('article_search')`.execute(db)
        : await sql<{ name: string }>`select column_name as name from information_schema.columns
            where table_schema = current_schema() and table_name = 'article_search'`.execute(db);
    const shared = ['article_id', 'body', 'category_id', 'edition', 'meta', 'published_at', 'summary', 'title'];
    assert.deepEqual(
      rows.map((r) => r.name).sort(),
      TEST_ENGINE === 'sqlite' ? shared : [...shared, 'document', 'headline'].sort(),
    );
  });

  it('keeps one row per article that follows its section and publication time when re-indexed', async () => {
    const moved = await makeCategory(db, { name: 'Moved here' });
    const article = await makeArticle(db, { title: 'Wombatine harvest', published_at: '2024-05-01T08:00:00.000Z' });
    assert.deepEqual(await found('wombatine'), [article.id]);
    await updateArticle(writerFor(db), article.id, {
      categoryId: moved.id,
      publishedAt: new Date('2025-02-03T04:05:06.000Z'),
    });
    await indexArticle(db, article.id);
    const rows = await rowsOf(article.id);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.category_id, moved.id);
    assert.equal(toDbTime(toDate(rows[0]!.published_at)), '2025-02-03T04:05:06.000Z');
    assert.ok(Number.isInteger(rows[0]!.article_id));
    // The index holds the story once, under its new time: no entry is left at the old one.
    assert.deepEqual(await found('wombatine'), [article.id]);
  });

  it('loses an article’s row and index entry when the article is deleted past the indexer, and only that', async () => {
    const gone = await makeArticle(db, { title: 'Deleted behind the indexer gnurflax' });
    const stays = await makeArticle(db, { title: 'Still here gnurflax' });
    assert.equal((await rowsOf(gone.id)).length, 1);
    await db.deleteFrom('articles').where('id', '=', gone.id).execute();
    assert.deepEqual(await rowsOf(gone.id), []);
    assert.equal((await rowsOf(stays.id)).length, 1);
    assert.deepEqual(await found('gnurflax'), [stays.id]);
  });

  it('finds a word only in the edition searched, whole or as a beginning, whatever the edition code', async () => {
    await addEdition(writerFor(db), {
      code: 'pt-br',
      name: 'Português',
      locale: 'pt-BR',
      direction: 'ltr',
      position: 9,
    });
    const english = await makeArticle(db, { title: 'Quokkafest opens' });
    const indonesian = await makeArticle(db, { edition: 'id', title: 'Quokkafest dibuka' });
    const brazilian = await makeArticle(db, { edition: 'pt-br', title: 'Quokkafest abre' });
    assert.deepEqual(await found('quokkafest'), [english.id]);
    assert.deepEqual(await found('quokkafest', 'id'), [indonesian.id]);
    assert.deepEqual(await found('quokkafest', 'pt-br'), [brazilian.id]);
    assert.deepEqual(await found('quokka', 'pt-br', true), [brazilian.id]);
    // An edition's code is no word of its stories.
    assert.deepEqual(await found('en'), []);
    assert.deepEqual(await found('pt', 'pt-br', true), []);
  });

  it('holds no row for a story that is not published', async () => {
    const draft = await makeArticle(db, { title: 'Draft about plonkwort', status: 'draft' });
    assert.deepEqual(await rowsOf(draft.id), []);
    assert.deepEqual(await found('plonkwort'), []);
  });
});
