// The newsroom's menu editor through HTTP: who may use it, reordering without a script (Move
// buttons and position numbers) seen on the cached public home page at once, adding and
// removing items, and links that are refused.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn, type SignedIn, postForm } from '../../test/helpers/newsroom.ts';
import { replaceMenu } from './commands.ts';
import { listMenuLinks } from './queries.ts';

let t: TestApp;
let editor: SignedIn;
const EDITOR_URL = '/newsroom/menus/en/main';
const START = [
  { label: 'News', href: '/en' },
  { label: 'Live', href: '/en/live' },
  { label: 'Programs', href: '/en/programs' },
  { label: 'Partner site', href: 'https://partner.example/radio' },
];

before(async () => {
  t = await createTestApp();
  editor = await signedIn(t, 'editor', ['en']);
});
beforeEach(() => replaceMenu(t.app.ctx.writer, 'en', 'main', START));
after(() => t.close());

const get = (who: SignedIn, url: string) => t.app.inject({ url, headers: who.headers });

const post = (who: SignedIn, url: string, fields: Record<string, string> = {}) => postForm(t, who, url, fields);

/** The form as the editor shows it for the stored menu, with `changes` and the button pressed. */
async function menuForm(changes: Record<string, string>, action = 'save'): Promise<Record<string, string>> {
  const links = await listMenuLinks(t.db, 'en', 'main');
  const fields: Record<string, string> = { count: String(links.length), action };
  links.forEach((l, i) => {
    fields[`label-${i}`] = l.label;
    fields[`href-${i}`] = l.href;
    fields[`position-${i}`] = String(i + 1);
  });
  return { ...fields, ...changes };
}

/** The labels of the public home page's menu, in order (read through the page cache). */
async function publicMenu(): Promise<string[]> {
  const res = await t.app.inject({ url: '/en' });
  assert.equal(res.statusCode, 200);
  const nav = /<nav id="site-nav"[\s\S]*?<\/nav>/.exec(res.body)![0];
  return [...nav.matchAll(/<a href="[^"]*"(?: aria-current="page")?>([^<]*)<\/a>/g)].map((m) => m[1]!);
}

const stored = async () => (await listMenuLinks(t.db, 'en', 'main')).map((l) => l.label);

describe('who may manage menus', () => {
  test('contributors and authors get 403 on every page and form', async () => {
    for (const role of ['contributor', 'author'] as const) {
      const who = await signedIn(t, role, ['en']);
      for (const url of ['/newsroom/menus', '/newsroom/menus?edition=en', EDITOR_URL]) {
        assert.equal((await get(who, url)).statusCode, 403, `${role} GET ${url}`);
      }
      assert.equal((await post(who, EDITOR_URL, await menuForm({}, 'down-0'))).statusCode, 403);
    }
    assert.deepEqual(await stored(), ['News', 'Live', 'Programs', 'Partner site']);
  });

  test("an editor of another edition gets 403 for this edition's menus", async () => {
    const outsider = await signedIn(t, 'editor', ['id']);
    assert.equal((await get(outsider, '/newsroom/menus')).statusCode, 200, 'their own edition');
    assert.equal((await get(outsider, '/newsroom/menus/id/main')).statusCode, 200);
    assert.equal((await get(outsider, '/newsroom/menus?edition=en')).statusCode, 403);
    assert.equal((await get(outsider, EDITOR_URL)).statusCode, 403);
    assert.equal((await post(outsider, EDITOR_URL, await menuForm({}, 'down-0'))).statusCode, 403);
    assert.deepEqual(await stored(), ['News', 'Live', 'Programs', 'Partner site']);
  });

  test('an editor of the edition and an admin may; unknown menus are 404', async () => {
    const admin = await signedIn(t, 'admin');
    for (const who of [editor, admin]) {
      const list = await get(who, '/newsroom/menus?edition=en');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /<a href="\/newsroom\/menus" aria-current="page">Menus<\/a>/);
      assert.match(
        list.body,
        /<a href="\/newsroom\/menus\/en\/main">Main menu<\/a> <span class="nr-meta">4 items<\/span>/,
      );
      assert.equal((await get(who, EDITOR_URL)).statusCode, 200);
    }
    assert.equal((await get(admin, '/newsroom/menus/en/footer')).statusCode, 404);
    assert.equal((await get(admin, '/newsroom/menus/xx/main')).statusCode, 404);
  });
});

describe('the menu editor', () => {
  test('works without a script: Move buttons that post, position numbers, Save first', async () => {
    const res = await get(editor, EDITOR_URL);
    const formHtml = /<form method="post" action="\/newsroom\/menus\/en\/main"[\s\S]*?<\/form>/.exec(res.body)![0];
    const buttons = [...formHtml.matchAll(/<button type="submit" name="action" value="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(buttons[0], 'save', 'Enter in a field saves');
    assert.ok(buttons.includes('up-1') && buttons.includes('down-1') && buttons.includes('remove-1'));
    assert.match(
      formHtml,
      /<label for="position-2">Position<\/label>\s*<input id="position-2" name="position-2" type="number"[^>]* value="3"/,
    );
    assert.match(formHtml, /Move up<\/span><span class="visually-hidden">: Live<\/span>/);
    assert.match(formHtml, /<ol class="nr-menu-items"[^>]* data-menu-order/);
    assert.match(formHtml, /id="menu-order-status" role="status" aria-live="polite"/);
    assert.doesNotMatch(res.body, /style=/, 'no inline styles');
  });

  test('a Move button reorders, saves, and the cached home page shows it at once', async () => {
    assert.deepEqual(await publicMenu(), ['News', 'Live', 'Programs', 'Partner site']);
    assert.equal((await t.app.inject({ url: '/en' })).headers['x-cache'], 'hit', 'the home page is cached');
    const res = await post(editor, EDITOR_URL, await menuForm({}, 'down-0'));
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${EDITOR_URL}?done=moved&at=2&dir=down#item-2`);
    assert.deepEqual(await stored(), ['Live', 'News', 'Programs', 'Partner site']);
    assert.deepEqual(await publicMenu(), ['Live', 'News', 'Programs', 'Partner site']);
    const back = await get(editor, res.headers.location as string);
    assert.match(back.body, /“News” is now at position 2 of 4; the site shows the new order\./);
    assert.match(back.body, /data-focus="move-down-2"/, 'the script gives the focus back to the button');
    const up = await post(editor, EDITOR_URL, await menuForm({}, 'up-3'));
    assert.equal(up.headers.location, `${EDITOR_URL}?done=moved&at=3&dir=up#item-3`);
    assert.deepEqual(await publicMenu(), ['Live', 'News', 'Partner site', 'Programs']);
  });

  test('position numbers place items (a moved-up item goes before the one it meets)', async () => {
    const res = await post(editor, EDITOR_URL, await menuForm({ 'position-3': '1', 'position-0': '3' }));
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${EDITOR_URL}?done=saved`);
    assert.deepEqual(await publicMenu(), ['Partner site', 'Live', 'Programs', 'News']);
  });

  test('adds an item at a position, and removes one', async () => {
    const added = await post(
      editor,
      EDITOR_URL,
      await menuForm({ 'label-new': 'Weather', 'href-new': '/en/category/weather', 'position-new': '2' }),
    );
    assert.equal(added.statusCode, 303);
    assert.deepEqual(await publicMenu(), ['News', 'Weather', 'Live', 'Programs', 'Partner site']);
    const removed = await post(editor, EDITOR_URL, await menuForm({}, 'remove-2'));
    assert.equal(removed.headers.location, `${EDITOR_URL}?done=removed`);
    assert.deepEqual(await publicMenu(), ['News', 'Weather', 'Programs', 'Partner site']);
  });

  test('refuses bad links and labels, listing every problem, and saves nothing', async () => {
    await publicMenu();
    const res = await post(
      editor,
      EDITOR_URL,
      await menuForm(
        {
          'href-0': 'javascript:alert(1)',
          'label-1': ' ',
          'href-2': 'http://plain.example/',
          'position-3': 'last',
          'label-new': 'Evil',
          'href-new': '//evil.example/',
        },
        'down-0',
      ),
    );
    assert.equal(res.statusCode, 400);
    for (const problem of [
      'Item 1: the link must be a page of this site (starting with /) or an address that starts with https://.',
      'Item 2: give it a label.',
      'Item 3: the link must be a page',
      'Item 4: the position must be a whole number from 1 to 999.',
      'The new item: the link must be a page',
    ]) {
      assert.ok(res.body.includes(problem), problem);
    }
    assert.match(res.body, /value="javascript:alert\(1\)"/, 'what was typed comes back');
    assert.deepEqual(await stored(), ['News', 'Live', 'Programs', 'Partner site']);
    assert.deepEqual(await publicMenu(), ['News', 'Live', 'Programs', 'Partner site']);
  });
});
