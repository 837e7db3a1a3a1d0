// An edition's sections are read once and kept: every page, feed and API answer that needs the
// list takes it from memory, and a section added, renamed or removed through the commands shows
// on the very next request of each of them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeCategory } from '../../test/helpers/factories.ts';
import { deleteCategory, updateCategory } from './taxonomy-commands.ts';
import { keptSectionsOf } from './kept-sections.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const searchOptions = async () => (await get('/en/search?q=harbour')).body;
const apiSections = async () =>
  ((await get('/api/v1/sections?edition=en')).json() as { sections: { name: string }[] }).sections.map((s) => s.name);

describe('kept sections', () => {
  it('answers from memory until a section changes', async () => {
    const first = await keptSectionsOf(t.app.ctx, 'en');
    assert.equal(await keptSectionsOf(t.app.ctx, 'en'), first, 'the same list, not read again');
    const other = await keptSectionsOf(t.app.ctx, 'id');
    assert.notEqual(other, first, 'each edition its own list');
  });

  it('shows a new, renamed and removed section on the next request of every reader', async () => {
    // Warm every reader of the list first.
    assert.doesNotMatch(await searchOptions(), /Lagoons/);
    assert.ok(!(await apiSections()).includes('Lagoons'));
    assert.equal((await get('/en/category/lagoons')).statusCode, 404);
    assert.equal((await get('/en/category/lagoons/feed.xml')).statusCode, 404);

    const section = await makeCategory(t.db, { name: 'Lagoons', slug: 'lagoons' });
    assert.match(await searchOptions(), /<option value="lagoons"[^>]*>Lagoons<\/option>/);
    assert.ok((await apiSections()).includes('Lagoons'));
    assert.equal((await get('/en/category/lagoons')).statusCode, 200);
    assert.equal((await get('/en/category/lagoons/feed.xml')).statusCode, 200);
    assert.match((await get('/sitemap-en-categories.xml')).body, /\/en\/category\/lagoons</);

    await updateCategory(t.app.ctx.writer, section.id, { name: 'Lagoons and Reefs' });
    assert.match(await searchOptions(), />Lagoons and Reefs<\/option>/);
    assert.ok((await apiSections()).includes('Lagoons and Reefs'));
    assert.match((await get('/en/category/lagoons/feed.xml')).body, /<title>Lagoons and Reefs · /);

    await deleteCategory(t.app.ctx.writer, section.id);
    assert.doesNotMatch(await searchOptions(), /Lagoons/);
    assert.ok(!(await apiSections()).some((name) => name.startsWith('Lagoons')));
    assert.equal((await get('/en/category/lagoons')).statusCode, 404);
    assert.equal((await get('/en/category/lagoons/feed.xml')).statusCode, 404);
  });
});
