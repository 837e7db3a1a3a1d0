// "Done" for every reader page: zero axe-core violations at WCAG 2.2 AA (wide and phone widths)
// and zero Nu HTML Checker errors, on the demo site served for real.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  formatViolations,
  openPage,
  runAxe,
  useDemoSite,
  type DemoPaths,
  type DemoServer,
} from '../helpers/browser.ts';
import { formatHtmlErrors, validatePages, type HtmlError } from '../helpers/vnu.ts';

let server: DemoServer;
let browser: Browser;

useDemoSite((s, b) => {
  server = s;
  browser = b;
});

/** The pages checked: every kind of reader page, in each script direction. */
/** A demo page by name, or a literal path (search pages, whose query is part of the address). */
type PagePath = keyof DemoPaths | `/${string}`;
const pathOf = (path: PagePath) => (path.startsWith('/') ? path : server.paths[path as keyof DemoPaths]);

const PAGES: readonly { name: string; path: PagePath; status?: number }[] = [
  { name: 'English home', path: 'home' },
  { name: 'section (category) page', path: 'category' },
  { name: 'article', path: 'article' },
  { name: 'Company Profile page', path: 'profile' },
  { name: 'Company Profile subpage', path: 'profilePage' },
  { name: '404 page', path: 'notFound', status: 404 },
  { name: 'Arabic home', path: 'arabicHome' },
  { name: 'Arabic article', path: 'arabicArticle' },
  { name: 'Indonesian home', path: 'indonesianHome' },
  { name: 'tag page', path: 'tag' },
  { name: 'author page', path: 'author' },
  { name: 'coming-soon section', path: 'comingSoon' },
  { name: 'search results', path: '/en/search?q=jakarta' },
  { name: 'search without results', path: '/en/search?q=xylophonequay&category=national&from=2020-01-01' },
  { name: 'Arabic search', path: '/ar/search?q=%D8%AC%D8%A7%D9%83%D8%B1%D8%AA%D8%A7' },
  { name: 'most-read page', path: '/en/most-read' },
  { name: 'most-read page, 30 days, Arabic', path: '/ar/most-read?period=30d' },
];

const PHONE_PAGES: readonly PagePath[] = ['home', 'article', 'arabicArticle', '/en/search?q=jakarta', '/en/most-read'];

async function axeCheck(path: PagePath, viewport: { width: number; height: number }, status = 200): Promise<void> {
  // axe is injected as an inline script, which the site's Content-Security-Policy rightly forbids.
  const page = await openPage(browser, {
    viewport,
    bypassCSP: true,
    ...(viewport.width < 600 ? { isMobile: true, hasTouch: true } : {}),
  });
  try {
    const url = server.baseUrl + pathOf(path);
    const response = await page.goto(url);
    assert.equal(response?.status(), status, `${url} answers ${status}`);
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatViolations(violations, `${pathOf(path)} at ${viewport.width}px`));
  } finally {
    await page.context().close();
  }
}

describe(`accessibility: axe-core, WCAG 2.2 AA, ${DESKTOP.width}px`, { timeout: 300_000 }, () => {
  for (const p of PAGES) {
    it(p.name, { timeout: 60_000 }, () => axeCheck(p.path, DESKTOP, p.status));
  }
});

describe(`accessibility: axe-core, WCAG 2.2 AA, ${PHONE.width}px`, { timeout: 300_000 }, () => {
  for (const path of PHONE_PAGES) {
    it(PAGES.find((p) => p.path === path)!.name, { timeout: 60_000 }, () => axeCheck(path, PHONE));
  }
});

describe('HTML validity: Nu HTML Checker', { timeout: 240_000 }, () => {
  let errors: HtmlError[] = [];
  const urlOf = (path: PagePath) => new URL(pathOf(path), server.baseUrl).href;

  before(
    async () => {
      // One Java run for every page: the JVM takes seconds to start.
      errors = await validatePages(
        server.baseUrl,
        PAGES.map((p) => pathOf(p.path)),
      );
    },
    { timeout: 200_000 },
  );

  for (const p of PAGES) {
    it(p.name, () => {
      const mine = errors.filter((e) => e.url === urlOf(p.path));
      assert.equal(mine.length, 0, formatHtmlErrors(mine, pathOf(p.path)));
    });
  }

  it('reports nothing it cannot tie to a page', () => {
    const known = new Set(PAGES.map((p) => urlOf(p.path)));
    const stray = errors.filter((e) => !known.has(e.url));
    assert.equal(stray.length, 0, formatHtmlErrors(stray));
  });
});
