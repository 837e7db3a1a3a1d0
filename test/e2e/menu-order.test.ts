// Reordering a menu in a real browser, both ways the page offers besides its Move buttons: the
// arrow keys on an item's handle and a drag with the pointer. Each move renumbers the positions
// and says so; saving shows the new order in the public navigation at once (page cache on).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser, openPage } from '../helpers/browser.ts';
import { serveOnLoopback, signInWithForm, staffWithPassword, watchProblems } from '../helpers/newsroom.ts';

let t: TestApp;
let browser: Browser;
let baseUrl = '';
let email = '';
let page: Page;
let problems: string[] = [];

before(
  async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser()]);
    email = (await staffWithPassword(t, 'admin', 'Menu Keeper')).email;
    baseUrl = await serveOnLoopback(t);
    page = await openPage(browser);
    problems = await watchProblems(page);
    await signInWithForm(page, baseUrl, email);
  },
  { timeout: 120_000 },
);

after(async () => {
  await page?.context().close();
  await browser?.close();
  await t?.close();
});

/** The labels of the menu items in the form, in the order shown. */
function formOrder(): Promise<string[]> {
  return page
    .locator('[data-menu-item] [data-item-label]')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

/** The public navigation's links, as a reader gets them (the page cache answers if it can). */
async function publicOrder(): Promise<string[]> {
  const res = await t.app.inject({ url: '/en', headers: { accept: 'text/html' } });
  const nav = /<ul class="wrap site-nav__list">([\s\S]*?)<\/ul>/.exec(res.body)![1]!;
  return [...nav.matchAll(/<li><a href="[^"]*">([^<]*)<\/a><\/li>/g)].map((m) => m[1]!);
}

async function save(): Promise<void> {
  await Promise.all([
    page.waitForURL(/\/newsroom\/menus\/en\/main\?done=/),
    page.getByRole('button', { name: 'Save the menu' }).first().click(),
  ]);
}

describe('ordering a menu in the browser', () => {
  it('moves an item with the arrow keys on its handle, announces it, and saves the order', async () => {
    const before = await publicOrder();
    assert.equal(before.length, 3, before.join(', '));
    await page.goto(`${baseUrl}/newsroom/menus/en/main`);
    assert.deepEqual(await formOrder(), before);

    const last = before[2]!;
    const handle = page.locator('[data-menu-item]').nth(2).locator('.nr-drag-handle');
    await handle.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.deepEqual(await formOrder(), [last, before[0], before[1]]);
    // The focus stays on the moved item's handle, and the move is said.
    assert.equal(
      await page.evaluate(() => document.activeElement?.closest('[data-menu-item]')?.querySelector('input')?.value),
      last,
    );
    assert.match(
      (await page.locator('#menu-order-status').textContent()) ?? '',
      new RegExp(`${last}.* position 1 of 3`),
    );
    assert.deepEqual(
      await page
        .locator('[data-item-position]')
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
      ['1', '2', '3'],
    );
    // At the top, another ArrowUp changes nothing.
    await page.keyboard.press('ArrowUp');
    assert.equal((await formOrder())[0], last);

    await save();
    assert.deepEqual(await publicOrder(), [last, before[0], before[1]]);
  });

  it('moves an item by dragging its handle, and saves the order', async () => {
    await page.goto(`${baseUrl}/newsroom/menus/en/main`);
    const start = await formOrder();
    const handle = page.locator('[data-menu-item]').nth(0).locator('.nr-drag-handle');
    const target = await page.locator('[data-menu-item]').nth(2).boundingBox();
    const from = await handle.boundingBox();
    assert.ok(target && from);
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    // Through the middle item to below the last one's middle, in steps, as a hand moves.
    await page.mouse.move(from.x + from.width / 2, target.y + target.height * 0.75, { steps: 12 });
    await page.mouse.up();
    assert.deepEqual(await formOrder(), [start[1], start[2], start[0]]);
    assert.match((await page.locator('#menu-order-status').textContent()) ?? '', /position 3 of 3/);

    await save();
    assert.deepEqual(await publicOrder(), [start[1], start[2], start[0]]);
    assert.deepEqual(problems, []);
  });
});
