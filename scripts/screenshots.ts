// `npm run screenshots`: serves the demo site from a temporary SQLite database and saves
// full-page screenshots of key pages at phone and laptop widths into ./screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  launchBrowser,
  openPage,
  startDemoServer,
  type DemoPaths,
  type DemoServer,
} from '../test/helpers/browser.ts';

// Always SQLite in a temporary data dir, whatever the shell says about a PostgreSQL test database.
process.env.WARTA_TEST_PG_URL = '';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

const SHOTS: readonly {
  name: string;
  path: keyof DemoPaths;
  viewport: { width: number; height: number };
  openMenu?: boolean;
}[] = [
  { name: 'home-390', path: 'home', viewport: PHONE },
  { name: 'home-390-menu-open', path: 'home', viewport: PHONE, openMenu: true },
  { name: 'home-1280', path: 'home', viewport: DESKTOP },
  { name: 'article-390', path: 'article', viewport: PHONE },
  { name: 'article-1280', path: 'article', viewport: DESKTOP },
  { name: 'article-ar-1280', path: 'arabicArticle', viewport: DESKTOP },
  { name: 'company-profile-1280', path: 'profile', viewport: DESKTOP },
  { name: 'article-ja-390', path: 'japaneseArticle', viewport: PHONE },
  { name: 'article-ja-1280', path: 'japaneseArticle', viewport: DESKTOP },
  { name: 'article-zh-390', path: 'chineseArticle', viewport: PHONE },
  { name: 'article-zh-1280', path: 'chineseArticle', viewport: DESKTOP },
  { name: 'article-de-1280', path: 'germanArticle', viewport: DESKTOP },
];

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  try {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    for (const shot of SHOTS) {
      const page = await openPage(browser, {
        viewport: shot.viewport,
        ...(shot.viewport.width < 600 ? { isMobile: true, hasTouch: true } : {}),
      });
      try {
        await page.goto(server.baseUrl + server.paths[shot.path]);
        // Scroll through the page so lazy images load, then wait (bounded) until every image has.
        await page.evaluate(async () => {
          for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
            window.scrollTo(0, y);
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          window.scrollTo(0, 0);
        });
        await page
          .waitForFunction(() => [...document.images].every((img) => img.complete), null, { timeout: 15_000 })
          .catch(() => console.warn(`some images of ${shot.name} did not finish loading`));
        if (shot.openMenu) await page.getByRole('button', { name: 'Menu' }).click();
        const file = path.join(OUT, `${shot.name}.png`);
        // The open menu is shown as the reader sees it: the first screen only.
        await page.screenshot({ path: file, fullPage: !shot.openMenu, animations: 'disabled' });
        console.log(`${file}  (${server.paths[shot.path]} at ${shot.viewport.width}px)`);
      } finally {
        await page.context().close();
      }
    }
  } finally {
    await browser?.close();
    await server?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
