// The search index follows names it holds for stories but does not own: renaming a tag or an
// author re-indexes their stories (the search consumer of tag.renamed and author.updated), and
// the cached search pages go with the change.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle, makeAuthor } from '../../test/helpers/factories.ts';
import { renameTag } from '../articles/index.ts';
import { updateAuthor } from '../users/index.ts';

let t: TestApp;
let authorId: number;
before(async () => {
  t = await createTestApp();
  const author = await makeAuthor(t.db, { name: 'Zephyrine Oakhart' });
  authorId = author.id;
  await makeArticle(t.db, { title: 'Night market reopens by the river', author_id: author.id, tags: ['Quillfeather'] });
  // Another story by someone else with another tag: it must never match the names above.
  await makeArticle(t.db, { title: 'Bus lanes extended to the airport', tags: ['Transport'] });
});
after(() => t.close());

/** Titles found for a query, and whether the answer came from the page cache. */
async function search(q: string): Promise<{ titles: string[]; cache: string | undefined }> {
  const res = await t.app.inject({ method: 'GET', url: '/en/search', query: { q } });
  assert.equal(res.statusCode, 200);
  const titles = [...res.body.matchAll(/<h3 class="search-result__title"><a [^>]*>([\s\S]*?)<\/a>/g)].map((m) =>
    m[1]!.replace(/<\/?mark>/g, ''),
  );
  return { titles, cache: res.headers['x-cache'] as string | undefined };
}

/** Searches twice, so the answer is in the page cache when the test changes something. */
async function warmSearch(q: string): Promise<string[]> {
  const first = await search(q);
  assert.equal((await search(q)).cache, 'hit', `search "${q}" cached`);
  return first.titles;
}

describe('re-indexing on renames', () => {
  it('finds a story by its tag’s new name, and no longer by the old one, once the tag is renamed', async () => {
    assert.deepEqual(await warmSearch('quillfeather'), ['Night market reopens by the river']);
    assert.deepEqual(await warmSearch('moonwhistle'), []);
    const tag = await t.db
      .selectFrom('tags')
      .select('id')
      .where('edition', '=', 'en')
      .where('slug', '=', 'quillfeather')
      .executeTakeFirstOrThrow();

    await renameTag(t.app.ctx.writer, tag.id, 'Moonwhistle');

    const renamed = await search('moonwhistle');
    assert.equal(renamed.cache, 'miss');
    assert.deepEqual(renamed.titles, ['Night market reopens by the river']);
    assert.deepEqual((await search('quillfeather')).titles, []);
    const tagPage = await t.app.inject({ method: 'GET', url: '/en/tag/moonwhistle' });
    assert.equal(tagPage.statusCode, 200);
    assert.match(tagPage.body, /Night market reopens by the river/);
  });

  it('finds a story by its author’s new name, and no longer by the old one, once the author is renamed', async () => {
    assert.deepEqual(await warmSearch('oakhart'), ['Night market reopens by the river']);
    assert.deepEqual(await warmSearch('brightwater'), []);

    await updateAuthor(t.app.ctx.writer, authorId, { displayName: 'Marisol Brightwater' });

    const renamed = await search('brightwater');
    assert.equal(renamed.cache, 'miss');
    assert.deepEqual(renamed.titles, ['Night market reopens by the river']);
    assert.deepEqual((await search('oakhart')).titles, []);
    // The tag's new name is still in the story's index row.
    assert.deepEqual((await search('moonwhistle')).titles, ['Night market reopens by the river']);
  });
});
