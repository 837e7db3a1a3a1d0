// The newsroom's page tree through HTTP: who may use it, creating, nesting, editing and
// publishing pages (readers see them at once with the page cache on), every problem of bad
// input, and a delete that is refused while a page has pages below it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makePage } from '../../../test/helpers/factories.ts';
import { signedIn, type SignedIn, postForm } from '../../../test/helpers/newsroom.ts';

let t: TestApp;
let editor: SignedIn;

before(async () => {
  t = await createTestApp();
  editor = await signedIn(t, 'editor', ['en']);
});
after(() => t.close());

const get = (who: SignedIn, url: string) => t.app.inject({ url, headers: who.headers });

const post = (who: SignedIn, url: string, fields: Record<string, string> = {}) => postForm(t, who, url, fields);

const page = (fields: Record<string, string> = {}) => ({
  edition: 'en',
  title: 'About us',
  slug: '',
  summary: 'Who we are.',
  bodyHtml: '<p>We broadcast since 1945.</p>',
  parentId: '',
  position: '0',
  status: 'published',
  ...fields,
});

async function createPage(who: SignedIn, fields: Record<string, string>): Promise<number> {
  const res = await post(who, '/newsroom/pages', page(fields));
  assert.equal(res.statusCode, 303, res.body.slice(0, 800));
  return Number(/\/newsroom\/pages\/(\d+)\?done=created$/.exec(res.headers.location as string)![1]);
}

const pageRow = (id: number) => t.db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();

describe('who may manage pages', () => {
  test('contributors and authors get 403 on every page and form', async () => {
    const target = await makePage(t.db, { title: 'Roles page', slug: 'roles-page' });
    for (const role of ['contributor', 'author'] as const) {
      const who = await signedIn(t, role, ['en']);
      for (const url of [
        '/newsroom/pages',
        '/newsroom/pages?edition=en',
        '/newsroom/pages/new?edition=en',
        `/newsroom/pages/${target.id}`,
      ]) {
        assert.equal((await get(who, url)).statusCode, 403, `${role} GET ${url}`);
      }
      assert.equal((await post(who, '/newsroom/pages', page({ title: `By ${role}` }))).statusCode, 403);
      assert.equal((await post(who, `/newsroom/pages/${target.id}`, page({ title: 'Changed' }))).statusCode, 403);
      assert.equal((await post(who, `/newsroom/pages/${target.id}/delete`)).statusCode, 403);
    }
    assert.equal((await pageRow(target.id))?.title, 'Roles page');
  });

  test("an editor of another edition gets 403 for this edition's pages", async () => {
    const outsider = await signedIn(t, 'editor', ['id']);
    const target = await makePage(t.db, { title: 'Outsider page', slug: 'outsider-page' });
    assert.equal((await get(outsider, '/newsroom/pages')).statusCode, 200, 'their own edition');
    for (const url of [
      '/newsroom/pages?edition=en',
      '/newsroom/pages/new?edition=en',
      `/newsroom/pages/${target.id}`,
    ]) {
      assert.equal((await get(outsider, url)).statusCode, 403, url);
    }
    assert.equal((await post(outsider, '/newsroom/pages', page({ title: 'Sneaky' }))).statusCode, 403);
    assert.equal((await post(outsider, `/newsroom/pages/${target.id}`, page({ title: 'Sneaky' }))).statusCode, 403);
    assert.equal((await post(outsider, `/newsroom/pages/${target.id}/delete`)).statusCode, 403);
    assert.ok(await pageRow(target.id));
  });

  test('an editor of the edition and an admin may', async () => {
    const admin = await signedIn(t, 'admin');
    for (const who of [editor, admin]) {
      const res = await get(who, '/newsroom/pages?edition=en');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<a href="\/newsroom\/pages" aria-current="page">Pages<\/a>/);
    }
    const id = await createPage(admin, { title: 'Made by an admin', status: 'draft' });
    assert.equal((await pageRow(id))?.status, 'draft');
  });
});

describe('the page tree', () => {
  test('the form has the rich-text editor, without uploads', async () => {
    const res = await get(editor, '/newsroom/pages/new?edition=en');
    assert.equal(res.statusCode, 200);
    const textarea = /<textarea[^>]*name="bodyHtml"[^>]*>/.exec(res.body)![0];
    assert.match(textarea, /data-rich-editor/);
    assert.match(textarea, new RegExp(`data-csrf-token="${editor.csrfToken}"`));
    assert.doesNotMatch(textarea, /data-upload-url/);
  });

  test('creates and nests pages, sanitises the body, and readers see changes at once', async () => {
    const rootId = await createPage(editor, { title: 'Company Profile', slug: 'profile' });
    const childId = await createPage(editor, {
      title: 'History',
      parentId: String(rootId),
      bodyHtml: '<p>Founded in 1945.</p><script>alert(1)</script><p onclick="x()">Since then.</p>',
    });
    const child = await pageRow(childId);
    assert.equal(child?.path, 'profile/history');
    assert.doesNotMatch(child!.body_html, /script|onclick/);
    const url = '/en/profile/history';
    const before = await t.app.inject({ url });
    assert.equal(before.statusCode, 200);
    assert.match(before.body, /Founded in 1945\./);
    const list = await get(editor, '/newsroom/pages?edition=en');
    assert.match(list.body, /Company Profile<\/a>[\s\S]*?<ul><li><a href="\/newsroom\/pages\/\d+">History<\/a>/);
    // Moving the parent moves the child's address; a draft leaves the site.
    const moved = await post(editor, `/newsroom/pages/${rootId}`, page({ title: 'Company Profile', slug: 'company' }));
    assert.equal(moved.statusCode, 303);
    assert.equal((await pageRow(childId))?.path, 'company/history');
    assert.equal((await t.app.inject({ url })).statusCode, 404);
    assert.match((await t.app.inject({ url: '/en/company/history' })).body, /Founded in 1945\./);
    const drafted = await post(
      editor,
      `/newsroom/pages/${childId}`,
      page({ title: 'History', parentId: String(rootId), status: 'draft' }),
    );
    assert.equal(drafted.statusCode, 303);
    assert.equal((await t.app.inject({ url: '/en/company/history' })).statusCode, 404);
  });

  test('bad input lists every problem and saves nothing', async () => {
    const rootId = await createPage(editor, { title: 'Careers', slug: 'careers' });
    const childId = await createPage(editor, { title: 'Openings', parentId: String(rootId) });
    const res = await post(
      editor,
      `/newsroom/pages/${rootId}`,
      page({ title: '', position: '-1', status: 'live', parentId: String(childId) }),
    );
    assert.equal(res.statusCode, 400);
    for (const problem of [
      'Title: give the page a title.',
      'Parent: a page cannot go inside itself or a page below it.',
      'Position: give a whole number from 0 to 100000.',
      'Status: choose draft or published.',
    ]) {
      assert.ok(res.body.includes(problem), problem);
    }
    const taken = await post(editor, '/newsroom/pages', page({ title: 'Careers' }));
    assert.equal(taken.statusCode, 400);
    assert.match(taken.body, /Address: another page of this edition has the address \/careers\./);
    const root = await pageRow(rootId);
    assert.deepEqual([root?.title, root?.parent_id, root?.status], ['Careers', null, 'published']);
    assert.equal((await t.db.selectFrom('pages').select('id').where('title', '=', 'Careers').execute()).length, 1);
  });

  test('refuses to delete a page with pages below it, changing nothing; deletes a leaf', async () => {
    const rootId = await createPage(editor, { title: 'Contact', slug: 'contact' });
    const childId = await createPage(editor, { title: 'Offices', parentId: String(rootId) });
    const refused = await post(editor, `/newsroom/pages/${rootId}/delete`);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /The page “Contact” was not deleted: 1 page below it\. Move or delete them first\./);
    assert.ok(await pageRow(rootId));
    assert.equal((await t.app.inject({ url: '/en/contact' })).statusCode, 200);
    const res = await post(editor, `/newsroom/pages/${childId}/delete`);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/newsroom/pages?edition=en&done=deleted');
    assert.equal(await pageRow(childId), undefined);
    assert.equal((await t.app.inject({ url: '/en/contact/offices' })).statusCode, 404);
  });
});
