// Page commands: paths follow slugs and parents, the tree stays a tree, every change is an event.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createPage, deletePage, PageInputError, updatePage } from './commands.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const w = () => t.app.ctx.writer;
const eventsOf = async (type: string) =>
  (await t.db.selectFrom('outbox_events').select('payload').where('type', '=', type).execute()).map(
    (e) => JSON.parse(e.payload) as { pageId: number; edition: string },
  );

describe('page commands', () => {
  it('makes nested paths, and moving or renaming a page moves the pages below it', async () => {
    const root = await createPage(w(), { edition: 'en', title: 'About the station', status: 'published' });
    const team = await createPage(w(), { edition: 'en', title: 'Our team', parentId: root.id, status: 'published' });
    const desk = await createPage(w(), { edition: 'en', title: 'News desk', parentId: team.id, status: 'published' });
    assert.equal(desk.path, 'about-the-station/our-team/news-desk');
    assert.equal((await t.app.inject('/en/about-the-station/our-team/news-desk')).statusCode, 200);

    await updatePage(w(), root.id, { slug: 'about' });
    const moved = await t.db.selectFrom('pages').select('path').where('id', '=', desk.id).executeTakeFirstOrThrow();
    assert.equal(moved.path, 'about/our-team/news-desk');
    assert.equal((await t.app.inject('/en/about/our-team/news-desk')).statusCode, 200, 'the cache was purged');
    assert.equal((await t.app.inject('/en/about-the-station/our-team/news-desk')).statusCode, 404);
    assert.ok((await eventsOf('page.updated')).some((e) => e.pageId === root.id && e.edition === 'en'));
  });

  it('refuses a page inside itself, a taken address, and deleting a page that has pages below it', async () => {
    const top = await createPage(w(), { edition: 'en', title: 'Frequencies' });
    const child = await createPage(w(), { edition: 'en', title: 'Shortwave', parentId: top.id });
    await assert.rejects(updatePage(w(), top.id, { parentId: child.id }), PageInputError);
    await assert.rejects(createPage(w(), { edition: 'en', title: 'Frequencies' }), /taken by another page/);
    await assert.rejects(deletePage(w(), top.id), /has pages below it/);
    await deletePage(w(), child.id);
    await deletePage(w(), top.id);
    assert.ok((await eventsOf('page.deleted')).some((e) => e.pageId === top.id));
  });

  it('lists every problem of bad input and writes nothing', async () => {
    const before = await t.db.selectFrom('pages').select('id').execute();
    await assert.rejects(
      createPage(w(), { edition: 'en', title: '', status: 'hidden' as 'draft', position: -1 }),
      (error: unknown) => error instanceof PageInputError && error.problems.length === 3,
    );
    assert.equal((await t.db.selectFrom('pages').select('id').execute()).length, before.length);
  });
});
