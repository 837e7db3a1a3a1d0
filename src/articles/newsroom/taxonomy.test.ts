// The newsroom's sections and tags through HTTP: who may use them, the section tree's create,
// edit and delete (never of a section that holds articles), the tag list by key, renaming, and
// merging tags without duplicate links, seen by readers at once with the page cache on.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeArticle, makeCategory } from '../../../test/helpers/factories.ts';
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

const section = (fields: Record<string, string> = {}) => ({
  edition: 'en',
  name: 'Harbour desk',
  slug: '',
  description: 'News from the ports.',
  parentId: '',
  position: '3',
  ...fields,
});

async function createSection(who: SignedIn, fields: Record<string, string>): Promise<number> {
  const res = await post(who, '/newsroom/sections', section(fields));
  assert.equal(res.statusCode, 303, res.body.slice(0, 800));
  return Number(/\/newsroom\/sections\/(\d+)\?done=created$/.exec(res.headers.location as string)![1]);
}

const categoryOf = (id: number) => t.db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();

describe('who may manage sections and tags', () => {
  test('contributors and authors get 403 on every page and form', async () => {
    const target = await makeCategory(t.db, { edition: 'en', name: 'Roles desk' });
    const [tag] = await tagsOf(await makeArticle(t.db, { category_id: target.id, tags: ['Role check'] }));
    for (const role of ['contributor', 'author'] as const) {
      const who = await signedIn(t, role, ['en']);
      for (const url of [
        '/newsroom/sections',
        '/newsroom/sections?edition=en',
        `/newsroom/sections/${target.id}`,
        '/newsroom/sections/tags',
        `/newsroom/sections/tags/${tag!.id}`,
      ]) {
        assert.equal((await get(who, url)).statusCode, 403, `${role} GET ${url}`);
      }
      assert.equal((await post(who, '/newsroom/sections', section({ name: `By ${role}` }))).statusCode, 403);
      assert.equal((await post(who, `/newsroom/sections/${target.id}`, section({ name: 'Renamed' }))).statusCode, 403);
      assert.equal((await post(who, `/newsroom/sections/${target.id}/delete`)).statusCode, 403);
      assert.equal((await post(who, `/newsroom/sections/tags/${tag!.id}`, { name: 'Renamed' })).statusCode, 403);
      // No link to the section in their bar either.
      assert.doesNotMatch((await get(who, '/newsroom/articles')).body, /href="\/newsroom\/sections"/);
    }
    assert.equal((await categoryOf(target.id))?.name, 'Roles desk', 'nothing changed');
    assert.ok(
      (await t.db.selectFrom('categories').select('id').where('name', '=', 'By author').executeTakeFirst()) ===
        undefined,
    );
  });

  test("an editor of another edition gets 403 for this edition's sections and tags", async () => {
    const outsider = await signedIn(t, 'editor', ['id']);
    const target = await makeCategory(t.db, { edition: 'en', name: 'Outsider desk' });
    const [tag] = await tagsOf(await makeArticle(t.db, { category_id: target.id, tags: ['Outsider tag'] }));
    assert.equal((await get(outsider, '/newsroom/sections')).statusCode, 200, 'their own edition');
    assert.equal((await get(outsider, '/newsroom/sections?edition=en')).statusCode, 403);
    assert.equal((await get(outsider, '/newsroom/sections/tags?edition=en')).statusCode, 403);
    assert.equal((await get(outsider, `/newsroom/sections/${target.id}`)).statusCode, 403);
    assert.equal((await get(outsider, `/newsroom/sections/tags/${tag!.id}`)).statusCode, 403);
    assert.equal((await post(outsider, '/newsroom/sections', section({ name: 'Sneaky' }))).statusCode, 403);
    assert.equal(
      (await post(outsider, `/newsroom/sections/${target.id}`, section({ name: 'Sneaky' }))).statusCode,
      403,
    );
    assert.equal((await post(outsider, `/newsroom/sections/${target.id}/delete`)).statusCode, 403);
    assert.equal(
      (await post(outsider, `/newsroom/sections/tags/${tag!.id}/merge`, { into: 'Role check' })).statusCode,
      403,
    );
    assert.equal((await categoryOf(target.id))?.name, 'Outsider desk');
  });

  test('an editor of the edition and an admin may; the bar links the page', async () => {
    const admin = await signedIn(t, 'admin');
    for (const who of [editor, admin]) {
      const res = await get(who, '/newsroom/sections?edition=en');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<a href="\/newsroom\/sections" aria-current="page">Sections and tags<\/a>/);
      assert.equal((await get(who, '/newsroom/sections/tags?edition=en')).statusCode, 200);
    }
    const id = await createSection(admin, { name: 'Admin desk' });
    assert.equal((await categoryOf(id))?.edition, 'en');
  });
});

describe('the section tree', () => {
  test('creates, edits and nests a section; it is on the site at once', async () => {
    const parentId = await createSection(editor, { name: 'Regions', slug: 'regions' });
    const id = await createSection(editor, { name: 'Harbour desk', parentId: String(parentId) });
    const row = await categoryOf(id);
    assert.deepEqual(
      [row?.slug, row?.parent_id, row?.position, row?.description],
      ['harbour-desk', parentId, 3, 'News from the ports.'],
    );
    const list = await get(editor, '/newsroom/sections?edition=en');
    assert.match(
      list.body,
      /<a href="\/newsroom\/sections\/\d+">Regions<\/a>[\s\S]*<ul><li><a href="\/newsroom\/sections\/\d+">Harbour desk<\/a>/,
    );
    // The public section page, cached, then changed through the form.
    assert.match((await t.app.inject({ url: '/en/category/harbour-desk' })).body, /Harbour desk/);
    const saved = await post(
      editor,
      `/newsroom/sections/${id}`,
      section({ name: 'Ports and harbours', slug: 'ports', parentId: '', position: '1' }),
    );
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/newsroom/sections/${id}?done=saved`);
    const after = await categoryOf(id);
    assert.deepEqual(
      [after?.name, after?.slug, after?.parent_id, after?.position],
      ['Ports and harbours', 'ports', null, 1],
    );
    // The old address leads to the new one (slug-redirects.test.ts has the rest).
    const old = await t.app.inject({ url: '/en/category/harbour-desk' });
    assert.equal(old.statusCode, 301);
    assert.equal(old.headers.location, '/en/category/ports');
    assert.match((await t.app.inject({ url: '/en/category/ports' })).body, /Ports and harbours/);
  });

  test('bad input lists every problem and saves nothing', async () => {
    const parentId = await createSection(editor, { name: 'Parent desk' });
    const childId = await createSection(editor, { name: 'Child desk', parentId: String(parentId) });
    const res = await post(
      editor,
      `/newsroom/sections/${parentId}`,
      section({ name: ' ', position: 'first', parentId: String(childId) }),
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<div class="nr-problems" role="alert"/);
    assert.match(res.body, /Name: give the section a name\./);
    assert.match(res.body, /Parent: a section cannot go inside itself or a section below it\./);
    assert.match(res.body, /Position: give a whole number from 0 to 100000\./);
    assert.match(res.body, /value="first"/, 'what was typed comes back');
    const taken = await post(editor, '/newsroom/sections', section({ name: 'Another', slug: 'parent-desk' }));
    assert.equal(taken.statusCode, 400);
    assert.match(taken.body, /Address: another section of this edition has the address “parent-desk”\./);
    assert.equal((await categoryOf(parentId))?.name, 'Parent desk');
    assert.equal((await categoryOf(parentId))?.parent_id, null);
    assert.equal(
      await t.db.selectFrom('categories').select('id').where('name', '=', 'Another').executeTakeFirst(),
      undefined,
    );
  });

  test('refuses to delete a section that holds articles, saying how many, and changes nothing', async () => {
    const id = await createSection(editor, { name: 'Busy desk' });
    const stories = [
      await makeArticle(t.db, { category_id: id }),
      await makeArticle(t.db, { category_id: id, status: 'draft' }),
    ];
    const res = await post(editor, `/newsroom/sections/${id}/delete`);
    assert.equal(res.statusCode, 409);
    assert.match(
      res.body,
      /The section “Busy desk” was not deleted: it holds 2 articles\. Move them to another section first\./,
    );
    assert.ok(await categoryOf(id), 'the section is still there');
    const left = await t.db
      .selectFrom('articles')
      .select('category_id')
      .where(
        'id',
        'in',
        stories.map((s) => s.id),
      )
      .execute();
    assert.deepEqual(
      left.map((a) => a.category_id),
      [id, id],
    );
    const deleted = await t.db
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'category.deleted')
      .execute();
    assert.ok(!deleted.some((e) => String(e.payload).includes(`"categoryId":${id}`)), 'no delete event');
  });

  test('refuses a section with sections below it; deletes an empty one', async () => {
    const parentId = await createSection(editor, { name: 'Outer desk' });
    const childId = await createSection(editor, { name: 'Inner desk', parentId: String(parentId) });
    const refused = await post(editor, `/newsroom/sections/${parentId}/delete`);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /it holds 1 section\./);
    const res = await post(editor, `/newsroom/sections/${childId}/delete`);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/newsroom/sections?edition=en&done=deleted');
    assert.equal(await categoryOf(childId), undefined);
    assert.match((await get(editor, res.headers.location as string)).body, /The section has been deleted\./);
  });
});

async function tagsOf(article: { id: number }) {
  return t.db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['tags.id', 'tags.name', 'tags.slug'])
    .where('article_tags.article_id', '=', article.id)
    .orderBy('tags.name')
    .execute();
}

describe('tags', () => {
  test('searches and pages by key', async () => {
    const names = Array.from({ length: 55 }, (_, i) => `Paging tag ${String(i).padStart(2, '0')}`);
    await makeArticle(t.db, { tags: names.slice(0, 50) });
    await makeArticle(t.db, { tags: names.slice(50) });
    const first = await get(editor, '/newsroom/sections/tags?edition=en&q=Paging+TAG');
    assert.equal(first.statusCode, 200);
    const shown = [...first.body.matchAll(/>Paging tag (\d+)<\/a>/g)].map((m) => m[1]);
    assert.equal(shown.length, 50);
    const next = /href="(\/newsroom\/sections\/tags\?[^"]*after=[^"]+)"/.exec(first.body)![1]!.replace(/&amp;/g, '&');
    const second = await get(editor, next);
    const more = [...second.body.matchAll(/>Paging tag (\d+)<\/a>/g)].map((m) => m[1]);
    assert.deepEqual(more, ['50', '51', '52', '53', '54']);
    assert.doesNotMatch(second.body, /after=/, 'no further page');
    assert.match((await get(editor, '/newsroom/sections/tags?edition=en&q=zzz-nothing')).body, /No tags match\./);
  });

  test('renames a tag; a name another tag has is refused', async () => {
    const tags = await tagsOf(await makeArticle(t.db, { tags: ['Ferry', 'Ferries'] }));
    const a = tags.find((tag) => tag.name === 'Ferry');
    const b = tags.find((tag) => tag.name === 'Ferries');
    const ok = await post(editor, `/newsroom/sections/tags/${b!.id}`, { name: 'Ferry routes' });
    assert.equal(ok.statusCode, 303);
    const renamed = await t.db.selectFrom('tags').selectAll().where('id', '=', b!.id).executeTakeFirstOrThrow();
    assert.deepEqual([renamed.name, renamed.slug], ['Ferry routes', 'ferry-routes']);
    const clash = await post(editor, `/newsroom/sections/tags/${b!.id}`, { name: 'ferry' });
    assert.equal(clash.statusCode, 400);
    assert.match(clash.body, /Name: the tag “Ferry” exists already in this edition\. To join the two, merge them\./);
    assert.equal(
      (await t.db.selectFrom('tags').select('name').where('id', '=', a!.id).executeTakeFirstOrThrow()).name,
      'Ferry',
    );
  });

  test('merges a tag into another without duplicate links, and readers see it at once', async () => {
    const both = await makeArticle(t.db, { title: 'Storm closes both harbours', tags: ['Storms', 'Weather'] });
    const onlyStorms = await makeArticle(t.db, { title: 'Storm season begins early', tags: ['Storms'] });
    const onlyWeather = await makeArticle(t.db, { title: 'Clear skies for the weekend', tags: ['Weather'] });
    const storms = (await tagsOf(onlyStorms))[0]!;
    const weather = (await tagsOf(onlyWeather))[0]!;
    // Cached before the merge.
    assert.doesNotMatch((await t.app.inject({ url: '/en/tag/weather' })).body, /Storm season begins early/);
    assert.doesNotMatch((await t.app.inject({ url: '/en/search?q=weather' })).body, /Storm season begins early/);
    const refused = await post(editor, `/newsroom/sections/tags/${storms.id}/merge`, { into: 'No such tag' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /this edition has no tag “No such tag”\./);
    const self = await post(editor, `/newsroom/sections/tags/${storms.id}/merge`, { into: 'storms' });
    assert.equal(self.statusCode, 400);
    const res = await post(editor, `/newsroom/sections/tags/${storms.id}/merge`, { into: 'weather' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/newsroom/sections/tags/${weather.id}?done=merged`);
    const links = await t.db
      .selectFrom('article_tags')
      .select(['article_id', 'tag_id'])
      .where('article_id', 'in', [both.id, onlyStorms.id, onlyWeather.id])
      .orderBy('article_id')
      .execute();
    assert.deepEqual(
      links.map((l) => [l.article_id, l.tag_id]),
      [both.id, onlyStorms.id, onlyWeather.id].map((id) => [id, weather.id]),
      'each story carries the kept tag once',
    );
    assert.equal(await t.db.selectFrom('tags').select('id').where('id', '=', storms.id).executeTakeFirst(), undefined);
    const merged = await t.db
      .selectFrom('outbox_events')
      .select(['payload', 'actor_id'])
      .where('type', '=', 'tag.merged')
      .execute();
    assert.deepEqual(JSON.parse(String(merged.at(-1)!.payload)), {
      tagId: weather.id,
      mergedTagId: storms.id,
      edition: 'en',
    });
    assert.equal(merged.at(-1)!.actor_id, editor.user.id);
    const page = await t.app.inject({ url: '/en/tag/weather' });
    assert.match(page.body, /Storm season begins early/);
    const old = await t.app.inject({ url: '/en/tag/storms' });
    assert.equal(old.statusCode, 301, 'the merged tag’s address leads to the kept one');
    assert.equal(old.headers.location, '/en/tag/weather');
    // The search index holds the stories' tag names: the merged stories are found by the kept one.
    assert.match((await t.app.inject({ url: '/en/search?q=weather' })).body, /Storm season begins early/);
    assert.match((await get(editor, res.headers.location as string)).body, /Used by 3 articles\./);
  });
});
