// Rating a story in a real browser with the keyboard only, with and without JavaScript, and the
// widget after a vote and the confirm page checked with axe-core and the Nu HTML Checker.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { formatViolations, openPage, runAxe, useDemoSite, type DemoServer } from '../helpers/browser.ts';
import { formatHtmlErrors, validateHtml } from '../helpers/vnu.ts';

let server: DemoServer;
let browser: Browser;
const pages: Page[] = [];

useDemoSite((s, b) => {
  server = s;
  browser = b;
}, pages);

/** A fresh page; axe needs CSP bypassed because it is injected as an inline script. */
async function open(javaScriptEnabled = true): Promise<Page> {
  const page = await openPage(browser, { bypassCSP: true, javaScriptEnabled });
  pages.push(page);
  return page;
}

const articleId = () => Number(/\/news\/(\d+)\//.exec(server.paths.article)?.[1]);
const votesText = (n: number) => `(${n.toLocaleString('en-GB')} ${n === 1 ? 'vote' : 'votes'})`;

async function storedCount(): Promise<number> {
  const row = await server.test.db
    .selectFrom('articles')
    .select('rating_count')
    .where('id', '=', articleId())
    .executeTakeFirstOrThrow();
  return row.rating_count;
}

/** Presses Tab until the focus is on an element matching the selector (a bounded number of times). */
async function tabTo(page: Page, selector: string, key = 'Tab'): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(key);
  }
  assert.fail(`the keyboard never reached ${selector}`);
}

const focusedValue = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? '');

describe('rating a story with the keyboard', { timeout: 120_000 }, () => {
  it('with JavaScript: Tab to the stars, arrow keys, Enter; the count changes in place and is announced', async () => {
    const page = await open();
    await page.goto(server.baseUrl + server.paths.article);
    const before = await storedCount();
    const widget = page.locator('form.rating');
    const count = widget.locator('.rating__count');
    const status = widget.getByRole('status');
    assert.equal((await count.innerText()).trim(), votesText(before));

    // From the byline, the next stop is the radio group; no radio is chosen, so the first gets focus.
    await page.locator('article.story a[rel="author"]').focus();
    await tabTo(page, 'input[name="rating"]');
    assert.equal(await focusedValue(page), '1');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    assert.equal(await focusedValue(page), '4');
    assert.equal(await widget.getByRole('radio', { name: '4 stars' }).isChecked(), true);
    await tabTo(page, 'button.rating__submit');
    await page.keyboard.press('Enter');

    await status.filter({ hasText: 'Thank you: your rating of 4 stars is saved.' }).waitFor();
    assert.equal((await count.innerText()).trim(), votesText(before + 1));
    assert.match(await status.innerText(), /Rated \d(\.\d)? out of 5 \(\d+ votes?\)$/);
    assert.equal(await storedCount(), before + 1);
    assert.equal(page.url(), server.baseUrl + server.paths.article, 'no page load');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'rating__submit', 'focus stays');

    // Changing the vote: back into the group (the chosen star has focus), one star less, Space.
    await tabTo(page, 'input[name="rating"]', 'Shift+Tab');
    assert.equal(await focusedValue(page), '4');
    await page.keyboard.press('ArrowLeft');
    await tabTo(page, 'button.rating__submit');
    await page.keyboard.press('Space');
    await status.filter({ hasText: 'your rating of 3 stars is saved.' }).waitFor();
    assert.equal((await count.innerText()).trim(), votesText(before + 1), 'a changed vote is not a new one');
    assert.equal(await storedCount(), before + 1);

    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatViolations(violations, 'the article after a vote'));
  });

  it('without JavaScript: the form posts, Enter on the confirm page votes, the story shows the new count', async () => {
    const page = await open(false);
    await page.goto(server.baseUrl + server.paths.article);
    const before = await storedCount();

    await page.locator('article.story a[rel="author"]').focus();
    await tabTo(page, 'input[name="rating"]');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedValue(page), '2');
    await tabTo(page, 'button.rating__submit');
    await Promise.all([page.waitForURL(/\/news\/ratings\/\d+$/), page.keyboard.press('Space')]);

    // No voter cookie yet: the confirm page, in English, which has just set one.
    const heading = page.getByRole('heading', { level: 1 });
    assert.equal((await heading.innerText()).trim(), 'Confirm your rating');
    assert.match(await page.locator('main').innerText(), /: 2 stars\./);
    assert.equal(await storedCount(), before, 'nothing recorded yet');

    await tabTo(page, 'main button[type="submit"]');
    await Promise.all([page.waitForURL(/\?rated=\d+-\d+#rating$/), page.keyboard.press('Enter')]);
    assert.equal(
      (await page.locator('form.rating .rating__count').innerText()).trim(),
      votesText(before + 1),
      'the story shows the new count',
    );
    assert.equal(await storedCount(), before + 1);
  });
});

describe('accessibility of the confirm page: axe-core, WCAG 2.2 AA', { timeout: 120_000 }, () => {
  // axe needs JavaScript, so the page is fetched as the form would post it, in a page that runs scripts.
  for (const [name, path] of [
    ['English', () => server.paths.article],
    ['Arabic', () => server.paths.arabicArticle],
  ] as const) {
    it(`${name} confirm page`, async () => {
      const [, edition, id] = /^\/(\w+)\/news\/(\d+)\//.exec(path()) ?? [];
      const url = `${server.baseUrl}/${edition}/news/ratings/${id}`;
      const page = await open();
      await page.route(url, (route) =>
        route.continue({
          method: 'POST',
          postData: 'rating=3',
          headers: { ...route.request().headers(), 'content-type': 'application/x-www-form-urlencoded' },
        }),
      );
      const response = await page.goto(url);
      assert.equal(response?.status(), 403);
      await page.getByRole('button').first().waitFor();
      const violations = await runAxe(page);
      assert.equal(violations.length, 0, formatViolations(violations, `the ${name} confirm page`));
    });
  }
});

describe('HTML validity of the rating pages: Nu HTML Checker', { timeout: 240_000 }, () => {
  it('finds no errors on the confirm page or the article after a vote', async () => {
    const url = `${server.baseUrl}/en/news/ratings/${articleId()}`;
    const confirm = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: 'rating=5',
      redirect: 'manual',
    });
    assert.equal(confirm.status, 403);
    const cookie = (confirm.headers.get('set-cookie') ?? '').split(';')[0]!;
    const voted = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie },
      body: 'rating=5',
      redirect: 'manual',
    });
    assert.equal(voted.status, 303);
    const story = new URL(voted.headers.get('location') ?? '', server.baseUrl).href;
    const storyHtml = await (await fetch(story)).text();
    const errors = await validateHtml([
      { url, html: await confirm.text() },
      { url: story, html: storyHtml },
    ]);
    assert.equal(errors.length, 0, formatHtmlErrors(errors, 'the rating pages'));
  });
});
