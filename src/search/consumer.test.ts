// The index consumer takes a batch of events at a time and indexes each article once, as it
// stands after the batch's last event: a story created as published (two events) is written
// once, many stories written in one transaction share a few statements, and whatever happened
// last to a story in the batch (unpublished, deleted) is what the index shows.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { seedBase } from '../../seed/editions.ts';
import type { Database } from '../core/db/schema.ts';
import type { WriteContext } from '../core/events/index.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { makeCategory } from '../../test/helpers/factories.ts';
import { writerFor } from '../../test/helpers/writer.ts';
import { createArticle, deleteArticle, setArticleStatus, type CreateArticleInput } from '../articles/index.ts';

let t: TestDatabase;
let db: Kysely<Database>;
let w: WriteContext;
let categoryId: number;
before(async () => {
  t = await createTestDatabase();
  db = t.db.kysely;
  w = writerFor(db);
  await seedBase(w);
  categoryId = (await makeCategory(db)).id;
});
after(() => t.cleanup());

function story(title: string): CreateArticleInput {
  return {
    edition: 'en',
    categoryId,
    title,
    summary: `${title}, in short.`,
    bodyHtml: `<p>${title}: the whole story.</p>`,
    status: 'published',
    publishedAt: new Date(Date.now() - 3600_000),
  };
}

/** Runs `work` in one transaction (one batch of events), then delivers; returns the index writes it caused. */
async function inOneBatch(work: (w: WriteContext) => Promise<void>): Promise<string[]> {
  await db.transaction().execute((trx) => work({ ...w, db: trx }));
  const writes: string[] = [];
  const stop = t.onQuery((text) => {
    if (/^(insert into|update|delete from) "article_search"/i.test(text.trim())) writes.push(text);
  });
  try {
    await w.events.afterCommit();
  } finally {
    stop();
  }
  return writes;
}

async function indexedTitles(ids: readonly number[]): Promise<string[]> {
  const rows = await db
    .selectFrom('article_search')
    .select('title')
    .where('article_id', 'in', ids)
    .orderBy('article_id')
    .execute();
  return rows.map((r) => r.title);
}

describe('the search index consumer', () => {
  it('writes a story created as published once, though it records two events', async () => {
    let id = 0;
    const writes = await inOneBatch(async (bw) => {
      id = (await createArticle(bw, story('Lighthouse keeper retires'))).id;
    });
    assert.equal(writes.length, 1);
    assert.deepEqual(await indexedTitles([id]), ['lighthouse keeper retires']);
  });

  it('writes the stories of one batch together, each with its own words', async () => {
    const ids: number[] = [];
    const titles = ['Ferry timetable changes', 'Harbour crane arrives', 'Rice harvest begins early'];
    const writes = await inOneBatch(async (bw) => {
      for (const title of titles) ids.push((await createArticle(bw, story(title))).id);
    });
    assert.equal(writes.length, 1);
    assert.deepEqual(await indexedTitles(ids), [
      'ferry timetable changes',
      'harbour crane arrives',
      'rice harvest begins early',
    ]);
  });

  it('shows what happened last in the batch: unpublished or deleted stories have no row', async () => {
    let kept = 0;
    let unpublished = 0;
    let deleted = 0;
    await inOneBatch(async (bw) => {
      kept = (await createArticle(bw, story('Bridge reopens to traffic'))).id;
      unpublished = (await createArticle(bw, story('Storm warning for the coast'))).id;
      deleted = (await createArticle(bw, story('Museum extends opening hours'))).id;
      await setArticleStatus(bw, unpublished, 'draft');
      await deleteArticle(bw, deleted);
    });
    assert.deepEqual(await indexedTitles([kept, unpublished, deleted]), ['bridge reopens to traffic']);
  });

  it('drops the row of a story unpublished in a later batch', async () => {
    let id = 0;
    await inOneBatch(async (bw) => {
      id = (await createArticle(bw, story('Night train to the east'))).id;
    });
    assert.deepEqual(await indexedTitles([id]), ['night train to the east']);
    await inOneBatch((bw) => setArticleStatus(bw, id, 'archived').then(() => undefined));
    assert.deepEqual(await indexedTitles([id]), []);
  });
});
