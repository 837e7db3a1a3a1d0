// The newsroom on a phone (390 px, touch): signing in, the dashboard, the article list and form
// with the editor's toolbar fit the screen without sideways scrolling, every control is a 44 px
// target (links inside a sentence apart), the sections are reachable, and a draft is saved.
// Screenshots of each page at 390 and 1280 px go to /tmp/newsroom-shots/ (to look at, not kept).
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { updateArticle } from '../../src/articles/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { closeBrowser, DESKTOP, PHONE, launchBrowser, openPage } from '../helpers/browser.ts';
import { makeArticle, makeCategory } from '../helpers/factories.ts';
import { serveOnLoopback, signInWithForm, staffWithPassword, watchProblems } from '../helpers/newsroom.ts';

const SHOTS = '/tmp/newsroom-shots';
const PHONE_CONTEXT: BrowserContextOptions = { viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

let t: TestApp;
let browser: Browser;
let baseUrl = '';
let email = '';
let articleId = 0;
const pages: Page[] = [];

before(
  async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser(), mkdir(SHOTS, { recursive: true })]);
    const section = await makeCategory(t.db, { name: 'Coast', edition: 'en' });
    const article = await makeArticle(t.db, {
      category_id: section.id,
      title: 'Ferry services resume across the strait after three days of high waves',
      tags: ['ferries', 'weather'],
    });
    articleId = article.id;
    const editor = await staffWithPassword(t, 'editor', 'Dewi Field');
    email = editor.email;
    // An edit in the newsroom, so the revisions page has a version to show.
    await updateArticle({ ...t.app.ctx.writer, actorId: editor.id }, article.id, {
      summary: 'Ferries sail again after three days of high waves.',
      bodyHtml: `${article.body_html}<p>Ports expect queues until the weekend.</p>`,
    });
    baseUrl = await serveOnLoopback(t);
  },
  { timeout: 120_000 },
);

after(async () => {
  await closeBrowser(browser, pages);
  await t?.close();
});

/** A signed-in page of the given size, with its problems collected. */
async function signedInPage(options: BrowserContextOptions) {
  const page = await openPage(browser, options);
  pages.push(page);
  const problems = await watchProblems(page);
  await signInWithForm(page, baseUrl, email);
  return { page, problems };
}

/**
 * Controls smaller than 44×44 px. A link within a sentence (inline, with other text in the same
 * block) is exempt, as WCAG 2.5.8 exempts it; a checkbox counts with its label beside it.
 */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    const selector = 'a[href], button, select, textarea, summary, input:not([type="hidden"])';
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      if (el.closest('.skip-link, [hidden]')) continue;
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
        const row = el.closest('.nr-field-check, label')?.getBoundingClientRect();
        if (row && row.height >= 44) continue;
      }
      if (el.tagName === 'A' && style.display === 'inline') {
        let block = el.parentElement;
        while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
        const own = (el.textContent ?? '').trim().length;
        if (block && (block.textContent ?? '').trim().length > own) continue;
      }
      if (box.width < 44 || box.height < 44) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.getAttribute('name') ?? '').trim();
        small.push(
          `${el.tagName.toLowerCase()} "${name.slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
      }
    }
    return small;
  });
}

/**
 * What is wrong with the page at its width (sideways scrolling; at phone width, targets under
 * 44 px), as lines naming the page; keeps a screenshot of it.
 */
async function checkPage(page: Page, name: string, width: number): Promise<string[]> {
  await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  const found: string[] = [];
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scrollWidth > width) found.push(`${name}: the page is ${scrollWidth} px wide at ${width} px`);
  if (width === PHONE.width) found.push(...(await smallTargets(page)).map((target) => `${name}: ${target}`));
  return found;
}

const newsroomPaths = () => [
  { name: 'dashboard', path: '/newsroom' },
  { name: 'articles', path: '/newsroom/articles' },
  { name: 'new-article', path: '/newsroom/articles/new?edition=en' },
  { name: 'article', path: `/newsroom/articles/${articleId}` },
  { name: 'revisions', path: `/newsroom/articles/${articleId}/revisions` },
  { name: 'account', path: '/newsroom/account' },
];

describe('the newsroom at 390 px', { timeout: 180_000 }, () => {
  it('signs in on a phone, with a form that fits the screen', async () => {
    const page = await openPage(browser, PHONE_CONTEXT);
    pages.push(page);
    const problems = await watchProblems(page);
    await page.goto(`${baseUrl}/newsroom/sign-in`);
    assert.deepEqual(await checkPage(page, 'sign-in', PHONE.width), []);
    await page.getByRole('textbox', { name: 'E-mail address' }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill('quay-lanterns-at-dawn-2026');
    await page.getByRole('button', { name: 'Sign in', exact: true }).tap();
    await page.waitForURL(`${baseUrl}/newsroom`);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    assert.deepEqual(problems, []);
  });

  it('shows each page without sideways scrolling, with 44 px targets', async () => {
    const { page, problems } = await signedInPage(PHONE_CONTEXT);
    const found: string[] = [];
    for (const { name, path } of newsroomPaths()) {
      const response = await page.goto(baseUrl + path);
      assert.equal(response?.status(), 200, path);
      if (name.endsWith('article')) await page.getByRole('toolbar', { name: 'Text formatting' }).waitFor();
      found.push(...(await checkPage(page, name, PHONE.width)));
    }
    assert.deepEqual(found, []);
    assert.deepEqual(problems, []);
  });

  it('reaches every section from the bar, scrolled sideways within itself', async () => {
    const { page, problems } = await signedInPage(PHONE_CONTEXT);
    const nav = page.getByRole('navigation', { name: 'Newsroom' });
    const links = nav.getByRole('link');
    const count = await links.count();
    assert.ok(count >= 2, `${count} sections in the bar`);
    // The last section: scrolled into view inside the bar, then tapped.
    const last = links.nth(count - 1);
    const href = (await last.getAttribute('href'))!;
    await last.scrollIntoViewIfNeeded();
    await last.tap();
    await page.waitForURL(new RegExp(`${href.replace(/[/?]/g, '\\$&')}($|\\?)`));
    await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Articles' }).tap();
    await page.waitForURL(`${baseUrl}/newsroom/articles`);
    await page.getByRole('link', { name: 'Your account' }).or(page.locator('.nr-user a')).first().tap();
    await page.waitForURL(`${baseUrl}/newsroom/account`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390));
    assert.deepEqual(problems, []);
  });

  it('saves a draft written on the phone', async () => {
    const { page, problems } = await signedInPage(PHONE_CONTEXT);
    await page.goto(`${baseUrl}/newsroom/articles/new?edition=en`);
    await page.getByRole('textbox', { name: 'Headline' }).fill('Landslide closes the mountain road');
    await page.getByRole('combobox', { name: 'Section' }).selectOption({ label: 'Coast' });
    const story = page.getByRole('textbox', { name: 'Story', exact: true });
    await story.tap();
    await page.keyboard.type('Rain loosened the slope above the pass overnight.');
    const toolbar = page.getByRole('toolbar', { name: 'Text formatting' });
    const toolbarBox = (await toolbar.boundingBox())!;
    assert.ok(toolbarBox.x >= 0 && toolbarBox.x + toolbarBox.width <= PHONE.width, 'the toolbar fits the screen');
    await page.getByRole('button', { name: 'Save draft' }).tap();
    await page.waitForURL(/\/newsroom\/articles\/\d+\?done=created$/);
    const id = Number(/articles\/(\d+)/.exec(page.url())![1]);
    const saved = await t.db
      .selectFrom('articles')
      .select(['title', 'status', 'body_html'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(saved, {
      title: 'Landslide closes the mountain road',
      status: 'draft',
      body_html: '<p>Rain loosened the slope above the pass overnight.</p>',
    });
    assert.deepEqual(await checkPage(page, 'draft-saved', PHONE.width), []);
    assert.deepEqual(problems, []);
  });
});

describe('the newsroom at 1280 px', { timeout: 120_000 }, () => {
  it('shows each page without sideways scrolling', async () => {
    const sign = await openPage(browser, { viewport: DESKTOP });
    pages.push(sign);
    await sign.goto(`${baseUrl}/newsroom/sign-in`);
    const found = await checkPage(sign, 'sign-in', DESKTOP.width);
    const { page, problems } = await signedInPage({ viewport: DESKTOP });
    for (const { name, path } of newsroomPaths()) {
      const response = await page.goto(baseUrl + path);
      assert.equal(response?.status(), 200, path);
      found.push(...(await checkPage(page, name, DESKTOP.width)));
    }
    assert.deepEqual(found, []);
    assert.deepEqual(problems, []);
  });
});
