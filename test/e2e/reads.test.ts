// The read beacon in a real browser: the page's script reports the read and writes the fresh
// count in, a reload does not count again, and without JavaScript the <noscript> image counts.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { closeBrowser, launchBrowser, openPage } from '../helpers/browser.ts';
import { makeArticle } from '../helpers/factories.ts';

// Headless Chromium says "HeadlessChrome", which isbot rightly takes for a robot: readers here
// present the User-Agent of the same browser with a screen.
const READER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

let t: TestApp;
let baseUrl: string;
let browser: Browser;
const pages: Page[] = [];

before(
  async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser()]);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  },
  { timeout: 120_000 },
);
after(
  async () => {
    await closeBrowser(browser, pages);
    await t?.close();
  },
  { timeout: 60_000 },
);

async function open(options: BrowserContextOptions = {}): Promise<Page> {
  const page = await openPage(browser, { userAgent: READER_AGENT, ...options });
  pages.push(page);
  return page;
}

async function storedHits(id: number): Promise<number> {
  await t.app.readCounter.flush();
  const row = await t.db.selectFrom('articles').select('hit_count').where('id', '=', id).executeTakeFirstOrThrow();
  return Number(row.hit_count);
}

describe('read beacon in the browser', { timeout: 120_000 }, () => {
  it('counts the read, shows the fresh count in place, and counts a reload once', async () => {
    const a = await makeArticle(t.db, { hit_count: 41 });
    const url = `${baseUrl}/en/news/${a.id}/${a.slug}`;
    const page = await open();
    const beacon = page.waitForResponse(
      (r) => r.url().endsWith(`/api/reads/${a.id}`) && r.request().method() === 'POST',
    );
    await page.goto(url);
    assert.deepEqual(await (await beacon).json(), { counted: true, count: 42, text: 'Read 42 times' });
    await page.waitForFunction(() => document.querySelector('.story__hits')?.textContent === 'Read 42 times');
    assert.equal(await storedHits(a.id), 42);

    const again = page.waitForResponse((r) => r.url().endsWith(`/api/reads/${a.id}`));
    await page.reload();
    const answer = (await (await again).json()) as { counted: boolean; count: number };
    assert.equal(answer.counted, false, 'the reader cookie marks the reload');
    assert.equal(answer.count, 42);
    assert.equal(await storedHits(a.id), 42);
  });

  it('counts a reader without JavaScript through the no-script image', async () => {
    const a = await makeArticle(t.db, { hit_count: 7 });
    const page = await open({ javaScriptEnabled: false });
    const pixel = page.waitForResponse((r) => r.url().endsWith(`/api/reads/${a.id}.gif`));
    await page.goto(`${baseUrl}/en/news/${a.id}/${a.slug}`);
    assert.equal((await pixel).status(), 200);
    assert.equal(await page.locator('.story__hits').innerText(), 'Read 7 times');
    assert.equal(await storedHits(a.id), 8);
  });

  it('does not count a headless browser that says so', async () => {
    const a = await makeArticle(t.db);
    const page = await openPage(browser);
    pages.push(page);
    const beacon = page.waitForResponse((r) => r.url().endsWith(`/api/reads/${a.id}`));
    await page.goto(`${baseUrl}/en/news/${a.id}/${a.slug}`);
    assert.equal(((await (await beacon).json()) as { reason: string }).reason, 'bot');
    assert.equal(await storedHits(a.id), 0);
  });
});
