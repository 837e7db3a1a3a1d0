// The API reference page (/api/v1/docs) in Debian's Chromium: axe (WCAG 2.2 AA) at phone and
// laptop widths, light and dark, nothing wider than a phone's screen, and the Nu HTML Checker.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { closeBrowser, DESKTOP, formatViolations, launchBrowser, openPage, PHONE, runAxe } from '../helpers/browser.ts';
import { serveOnLoopback } from '../helpers/newsroom.ts';
import { formatHtmlErrors, validatePages } from '../helpers/vnu.ts';

const PATH = '/api/v1/docs';
let t: TestApp;
let browser: Browser;
let baseUrl = '';
const opened: Page[] = [];

before(
  async () => {
    t = await createTestApp();
    baseUrl = await serveOnLoopback(t);
    browser = await launchBrowser();
  },
  { timeout: 120_000 },
);
after(async () => {
  await closeBrowser(browser, opened);
  await t?.close();
});

describe('the API reference page', () => {
  it('passes axe at phone and laptop widths, light and dark, and fits a phone', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await openPage(browser, { viewport, colorScheme, bypassCSP: true });
        opened.push(page);
        const res = await page.goto(`${baseUrl}${PATH}`);
        assert.equal(res?.status(), 200);
        const where = `${PATH} at ${viewport.width} px, ${colorScheme}`;
        const violations = await runAxe(page);
        assert.equal(violations.length, 0, formatViolations(violations, where));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${where}: ${overflow} px wider than the screen`);
        // Every endpoint of the document has its section, example request and answer.
        const sections = await page.locator('.api-docs__endpoint').count();
        assert.ok(sections >= 15, `${sections} endpoints shown`);
        assert.equal((await page.locator('.api-docs__endpoint pre').count()) >= sections, true);
      }
    }
  });

  it('has no Nu HTML Checker errors', async () => {
    const errors = await validatePages(baseUrl, [PATH]);
    assert.equal(errors.length, 0, formatHtmlErrors(errors, PATH));
  });
});
