// Old addresses of sections and tags keep leading somewhere: a changed section slug, a renamed
// tag and a merged tag answer 301 to where they went (the page number kept), a name changed back
// is live again, a deleted section's old slugs answer 404, and another edition's are its own.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle, makeCategory } from '../../test/helpers/factories.ts';
import { deleteCategory, mergeTags, renameTag, updateCategory } from './taxonomy-commands.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

function get(url: string) {
  return t.app.inject({ url, headers: { accept: 'text/html' } });
}

async function tagId(edition: string, slug: string): Promise<number> {
  const row = await t.db
    .selectFrom('tags')
    .select('id')
    .where('edition', '=', edition)
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('old slugs of sections and tags', () => {
  it('sends a section’s old slug to its new one, with the page asked for', async () => {
    const section = await makeCategory(t.db, { name: 'Harbour news', slug: 'harbour-news' });
    await makeArticle(t.db, { category_id: section.id });
    assert.equal((await get('/en/category/harbour-news')).statusCode, 200);
    await updateCategory(t.app.ctx.writer, section.id, { slug: 'ports' });

    const moved = await get('/en/category/harbour-news');
    assert.equal(moved.statusCode, 301);
    assert.equal(moved.headers.location, '/en/category/ports');
    assert.equal((await get('/en/category/harbour-news?page=2')).headers.location, '/en/category/ports?page=2');
    assert.equal((await get('/en/category/ports')).statusCode, 200);

    // Changed again: both old slugs lead to the latest; changed back: the first is live again.
    await updateCategory(t.app.ctx.writer, section.id, { slug: 'ports-and-shipping' });
    assert.equal((await get('/en/category/harbour-news')).headers.location, '/en/category/ports-and-shipping');
    assert.equal((await get('/en/category/ports')).headers.location, '/en/category/ports-and-shipping');
    await updateCategory(t.app.ctx.writer, section.id, { slug: 'harbour-news' });
    assert.equal((await get('/en/category/harbour-news')).statusCode, 200);
    assert.equal((await get('/en/category/ports-and-shipping')).headers.location, '/en/category/harbour-news');
    assert.equal((await get('/id/category/ports')).statusCode, 404, 'another edition has its own slugs');
  });

  it('forgets a deleted section’s old slugs', async () => {
    const section = await makeCategory(t.db, { name: 'Short lived', slug: 'short-lived' });
    await updateCategory(t.app.ctx.writer, section.id, { slug: 'brief' });
    assert.equal((await get('/en/category/short-lived')).statusCode, 301);
    await deleteCategory(t.app.ctx.writer, section.id);
    assert.equal((await get('/en/category/short-lived')).statusCode, 404);
    assert.equal((await get('/en/category/brief')).statusCode, 404);
    const rows = await t.db.selectFrom('slug_redirects').selectAll().where('target_id', '=', section.id).execute();
    assert.deepEqual(
      rows.filter((r) => r.kind === 'category'),
      [],
    );
  });

  it('sends a renamed tag’s old slug, and a merged tag’s, to the tag they became', async () => {
    await makeArticle(t.db, { tags: ['Ferry strike'] });
    await makeArticle(t.db, { tags: ['Ferries'] });
    const strike = await tagId('en', 'ferry-strike');
    const ferries = await tagId('en', 'ferries');
    await renameTag(t.app.ctx.writer, strike, 'Ferry strikes');
    const renamed = await get('/en/tag/ferry-strike');
    assert.equal(renamed.statusCode, 301);
    assert.equal(renamed.headers.location, '/en/tag/ferry-strikes');

    await mergeTags(t.app.ctx.writer, strike, ferries);
    assert.equal((await get('/en/tag/ferry-strikes')).headers.location, '/en/tag/ferries');
    assert.equal((await get('/en/tag/ferry-strike')).headers.location, '/en/tag/ferries', 'the older slug follows');
    assert.equal((await get('/en/tag/ferries')).statusCode, 200);
    assert.equal((await get('/id/tag/ferry-strike')).statusCode, 404);
    assert.equal((await get('/en/tag/never-a-tag')).statusCode, 404);
  });
});
