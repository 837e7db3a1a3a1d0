// Real-browser test support: Debian's Chromium through playwright-core, a real HTTP server on
// 127.0.0.1 filled with the demo site, and axe-core accessibility checks with readable reports.
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AxeResults, Result as AxeViolation, RunOptions } from 'axe-core';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { articlePath } from '../../src/articles/model.ts';
import { categoryPath, tagPath } from '../../src/articles/sections.ts';
import { pagePath } from '../../src/pages/queries.ts';
import { authorPath } from '../../src/users/index.ts';
import { seedDemo } from '../../seed/demo/index.ts';
import { createTestApp, type TestApp } from './app.ts';
import { writerFor } from './writer.ts';

/** Where the browser lives; WARTA_CHROMIUM overrides it (as in scripts/test.mjs). */
export const CHROMIUM_PATH = process.env.WARTA_CHROMIUM ?? '/usr/bin/chromium';

/** What a suite may ask of the browser beyond the defaults. */
export interface BrowserOptions {
  /** Let media play without a user gesture (a test that starts playback from a script). */
  allowAutoplay?: boolean;
}

/** Starts headless Chromium with nothing running in the background (no updates, sync or QUIC). */
export function launchBrowser(options: BrowserOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    timeout: 60_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(options.allowAutoplay ? ['--autoplay-policy=no-user-gesture-required'] : []),
    ],
  });
}

/** Closes the pages' contexts (one that already went is fine), then the browser. */
export async function closeBrowser(browser: Browser | undefined, pages: readonly Page[] = []): Promise<void> {
  for (const page of pages)
    await page
      .context()
      .close()
      .catch(() => undefined);
  await browser?.close();
}

/** Viewports the suites use: a phone and a laptop. */
export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

/** A page in a fresh context; generous but bounded waits so a busy machine does not flake. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce', ...options });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  return context.newPage();
}

/** Paths of demo content worth visiting, looked up in the database. */
export interface DemoPaths {
  home: string;
  /** The newest English story with an author, a photo, tags, a dateline and a source. */
  article: string;
  arabicHome: string;
  /** The newest Arabic story with an author and a photo. */
  arabicArticle: string;
  indonesianHome: string;
  /** The newest story of each edition added in issue 12 (fr, de, es, zh, ja), with an author and a photo. */
  frenchArticle: string;
  germanArticle: string;
  spanishArticle: string;
  chineseArticle: string;
  japaneseArticle: string;
  category: string;
  tag: string;
  author: string;
  /** The Company Profile root page and one page below it. */
  profile: string;
  profilePage: string;
  integrity: string;
  notFound: string;
}

/** A running demo server. */
export interface DemoServer {
  baseUrl: string;
  paths: DemoPaths;
  test: TestApp;
  close(): Promise<void>;
}

/**
 * Builds the app on a fresh database with the editions and the demo content, and listens on
 * 127.0.0.1 on a free port. Close it when done: it removes the database and data dir. The demo's
 * photos come from the shared cache (./demo.ts), so seeding takes seconds, not half a minute.
 */
export async function startDemoServer(env: Record<string, string> = {}): Promise<DemoServer> {
  const test = await createTestApp(env);
  try {
    await seedDemo(writerFor(test.db), {
      dataDir: test.config.dataDir,
      timezone: test.config.timezone,
      now: new Date(),
    });
    await test.app.listen({ host: '127.0.0.1', port: 0 });
    const address = test.app.server.address();
    if (!address || typeof address === 'string') throw new Error('the server has no TCP address');
    return {
      baseUrl: `http://127.0.0.1:${address.port}`,
      paths: await findDemoPaths(test),
      test,
      close: () => test.close(),
    };
  } catch (error) {
    await test.close();
    throw error;
  }
}

async function findDemoPaths(test: TestApp): Promise<DemoPaths> {
  const db = test.db;
  // The newest story with an author and a photo; `complete` also asks for tags, dateline and source.
  const story = (edition: string, complete: boolean) => {
    let query = db
      .selectFrom('articles')
      .innerJoin('categories', 'categories.id', 'articles.category_id')
      .innerJoin('users', 'users.id', 'articles.author_id')
      .select([
        'articles.id',
        'articles.edition',
        'articles.slug',
        'categories.slug as category_slug',
        'users.slug as author_slug',
      ])
      .where('articles.edition', '=', edition)
      .where('articles.status', '=', 'published')
      .where('articles.featured_media_id', 'is not', null)
      .where('articles.byline', 'is', null);
    if (complete) {
      query = query
        .where('articles.dateline', '!=', '')
        .where('articles.source', '!=', '')
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('article_tags')
              .select('article_tags.tag_id')
              .whereRef('article_tags.article_id', '=', 'articles.id'),
          ),
        );
    }
    return query.orderBy('articles.published_at', 'desc').orderBy('articles.id').executeTakeFirst();
  };
  const en = await story('en', true);
  if (!en)
    throw new Error('the demo content has no English story with every element (author, photo, tags, dateline, source)');
  const ar = await story('ar', false);
  if (!ar) throw new Error('the demo content has no Arabic story with an author and a photo');
  const storyIn = async (code: string) => {
    const found = await story(code, false);
    if (!found) throw new Error(`the demo content has no ${code} story with an author and a photo`);
    return articlePath(found);
  };
  const tag = await db
    .selectFrom('tags')
    .innerJoin('article_tags', 'article_tags.tag_id', 'tags.id')
    .select('tags.slug')
    .where('article_tags.article_id', '=', en.id)
    .orderBy('tags.slug')
    .executeTakeFirstOrThrow();
  const profile = await db
    .selectFrom('pages')
    .select(['id', 'path'])
    .where('edition', '=', 'en')
    .where('parent_id', 'is', null)
    .where('status', '=', 'published')
    .orderBy('position')
    .executeTakeFirstOrThrow();
  const child = await db
    .selectFrom('pages')
    .select('path')
    .where('parent_id', '=', profile.id)
    .where('status', '=', 'published')
    .orderBy('position')
    .executeTakeFirstOrThrow();
  return {
    home: '/en',
    article: articlePath(en),
    arabicHome: '/ar',
    arabicArticle: articlePath(ar),
    indonesianHome: '/id',
    frenchArticle: await storyIn('fr'),
    germanArticle: await storyIn('de'),
    spanishArticle: await storyIn('es'),
    chineseArticle: await storyIn('zh'),
    japaneseArticle: await storyIn('ja'),
    category: categoryPath('en', en.category_slug),
    tag: tagPath('en', tag.slug),
    author: authorPath('en', en.author_slug),
    profile: pagePath('en', profile.path),
    profilePage: pagePath('en', child.path),
    integrity: '/en/integrity',
    notFound: '/en/no-such-page-anywhere',
  };
}

const AXE_SCRIPT = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

/** The WCAG 2.2 AA rule set (with the 2.0 and 2.1 A/AA rules it includes). */
export const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  resultTypes: ['violations'],
};

/**
 * A field's value once it is `expected`, else its value after `timeoutMs` (for the assertion to
 * show). For a change a page applies a moment after what the test waited for (a dialog's answer
 * is applied once the dialog has gone), which a busy machine can delay.
 */
export async function settledValue(field: Locator, expected: string, timeoutMs = 5000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await field.inputValue();
    if (value === expected || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Runs axe-core on the page as it is now and returns the violations. The page's context must be
 * opened with `bypassCSP: true`: axe is injected as an inline script, which the site's CSP forbids.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.addScriptTag({ path: AXE_SCRIPT });
  const results = await page.evaluate(
    (options) =>
      (window as unknown as { axe: { run(context: Document, options: unknown): Promise<AxeResults> } }).axe.run(
        document,
        options,
      ),
    AXE_OPTIONS as unknown,
  );
  return results.violations;
}

/** Violations as an assertion message: rule, impact, help, and the failing nodes with why. */
export function formatViolations(violations: readonly AxeViolation[], where = ''): string {
  if (violations.length === 0) return `no accessibility violations${where ? ` on ${where}` : ''}`;
  const lines = [`${violations.length} accessibility rule(s) violated${where ? ` on ${where}` : ''}:`];
  for (const v of violations) {
    lines.push(`- ${v.id} (${v.impact ?? 'n/a'}): ${v.help} [${v.helpUrl}]`);
    // Nodes failing for the same reason are listed together, the reason once.
    const groups = new Map<string, string[]>();
    for (const node of v.nodes) {
      const why = (node.failureSummary ?? '')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean)
        .slice(0, 3)
        .join(' / ');
      const reason = why.replace(/\d+(\.\d+)?px/g, 'N px');
      groups.set(reason, [
        ...(groups.get(reason) ?? []),
        `${node.target.join(' ')}  ${node.html.replace(/\s+/g, ' ').slice(0, 140)}  (${why.slice(0, 300)})`,
      ]);
    }
    for (const [, nodes] of groups) {
      for (const n of nodes.slice(0, 4)) lines.push(`    ${n}`);
      if (nodes.length > 4) lines.push(`    … and ${nodes.length - 4} more node(s) failing the same way`);
    }
  }
  return lines.join('\n');
}

/**
 * Registers a test file's before/after hooks: one demo server and one browser for the file,
 * handed to `onReady` (which may look things up before the tests start); afterwards every page in
 * `pages` is closed, then the browser and server.
 */
export function useDemoSite(
  onReady: (server: DemoServer, browser: Browser) => void | Promise<void>,
  pages: Page[] = [],
  browserOptions: BrowserOptions = {},
): void {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  before(
    async () => {
      [server, browser] = await Promise.all([startDemoServer(), launchBrowser(browserOptions)]);
      await onReady(server, browser);
    },
    { timeout: 180_000 },
  );
  after(
    async () => {
      await closeBrowser(browser, pages);
      await server?.close();
    },
    { timeout: 60_000 },
  );
}
