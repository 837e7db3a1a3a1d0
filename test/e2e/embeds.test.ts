// Click-to-load embeds in a real browser: nothing leaves the machine for the provider until the
// reader asks; then a sandboxed privacy-friendly frame takes the card's place, within the CSP.
// Every request to another host is blocked here, so the test never reaches the Internet.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { articlePath } from '../../src/articles/model.ts';
import { pagePath } from '../../src/pages/queries.ts';
import { formatViolations, openPage, PHONE, runAxe, useDemoSite, type DemoServer } from '../helpers/browser.ts';
import { makeArticle, makePage } from '../helpers/factories.ts';
import { formatHtmlErrors, validatePages } from '../helpers/vnu.ts';

const VIDEO = 'https://www.youtube.com/watch?v=M7lc1UVf-VE';
const FRAME = 'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE';
const POST = 'https://x.com/NASA/status/1760000000000000000';
const FRAME_SRC =
  'frame-src https://www.youtube-nocookie.com https://platform.twitter.com https://www.instagram.com https://www.facebook.com';

let server: DemoServer;
let browser: Browser;
const pages: Page[] = [];
let storyPath: string;
let staticPagePath: string;

useDemoSite((s, b) => {
  server = s;
  browser = b;
}, pages);

/**
 * Collects securitypolicyviolation events from the start of the document. Source text, not a
 * function of this file, which would carry tsx's helpers into the page.
 */
const RECORD_VIOLATIONS = `
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
`;

/** What a page asked for and what the browser refused, recorded from before it loads. */
interface Watched {
  page: Page;
  /** Every request's URL, in order, including those blocked. */
  requests: string[];
  /** CSP violations, from the console and from securitypolicyviolation events. */
  violations: () => Promise<string[]>;
}

/**
 * A page whose requests to any host but the test server are aborted (and recorded), with CSP
 * violations collected: the site's CSP stays on, so the page runs as a reader's would.
 */
async function watchedPage(options: BrowserContextOptions = {}): Promise<Watched> {
  const page = await openPage(browser, options);
  pages.push(page);
  const requests: string[] = [];
  const logged: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (/content security policy|refused to/i.test(message.text())) logged.push(message.text());
  });
  await page.route('**/*', (route) =>
    new URL(route.request().url()).origin === server.baseUrl ? route.continue() : route.abort('blockedbyclient'),
  );
  if (options.javaScriptEnabled !== false) await page.addInitScript(RECORD_VIOLATIONS);
  const violations = async () => [
    ...logged,
    ...(options.javaScriptEnabled === false
      ? []
      : await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)),
  ];
  return { page, requests, violations };
}

const elsewhere = (requests: readonly string[]) => requests.filter((url) => !url.startsWith(`${server.baseUrl}/`));

describe('an embedded video', { timeout: 120_000 }, () => {
  // In the suite, so that it runs after the demo site is up.
  before(async () => {
    const story = await makeArticle(server.test.db, {
      title: 'Ferry video from the harbour',
      body_html: `<p>The ferry came back today.</p><figure class="story-embed" data-provider="youtube" data-embed-url="${VIDEO}"><a href="${VIDEO}">${VIDEO}</a><figcaption>The ferry arriving</figcaption></figure><p>More to follow.</p>`,
    });
    storyPath = articlePath(story);
    const page = await makePage(server.test.db, {
      title: 'Our channels',
      body_html: `<p>Follow us.</p><figure class="story-embed" data-provider="x" data-embed-url="${POST}"><a href="${POST}">${POST}</a></figure>`,
    });
    staticPagePath = pagePath('en', page.path);
  });

  it('asks nothing of YouTube until the reader presses Play, then loads the privacy-friendly frame', async () => {
    const { page, requests, violations } = await watchedPage();
    const response = await page.goto(server.baseUrl + storyPath);
    assert.equal(response?.status(), 200);
    const policy = response.headers()['content-security-policy'] ?? '';
    assert.ok(policy.split('; ').includes(FRAME_SRC), policy);
    assert.doesNotMatch(policy, /unsafe-inline/);

    const figure = page.locator('figure.story-embed');
    const play = figure.getByRole('button', { name: 'Play the video from YouTube' });
    await play.waitFor({ state: 'visible' });
    const notice = figure.getByText('YouTube may set cookies once it loads.');
    await notice.waitFor({ state: 'visible' });
    assert.equal(await play.getAttribute('aria-describedby'), await notice.getAttribute('id'), 'read with the button');
    await figure.getByRole('link', { name: VIDEO }).waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle');
    assert.deepEqual(elsewhere(requests), [], 'no request left the machine before the click');
    assert.equal(await page.locator('iframe').count(), 0);

    // The card keeps a video's shape, and the frame takes exactly its place.
    const card = figure.locator('.story-embed__card');
    const box = await card.boundingBox();
    assert.ok(box && Math.abs(box.width / box.height - 16 / 9) < 0.02, `a 16:9 card: ${JSON.stringify(box)}`);

    // Pressed from the keyboard: the focus goes on into the frame that replaces the button.
    const frameRequest = page.waitForRequest((request) => request.url().startsWith(FRAME));
    await play.focus();
    await page.keyboard.press('Enter');
    const frame = figure.locator('iframe');
    await frame.waitFor({ state: 'attached' });
    await frameRequest;
    assert.equal(await frame.getAttribute('src'), FRAME);
    assert.equal(
      await frame.getAttribute('sandbox'),
      'allow-scripts allow-same-origin allow-popups allow-presentation',
    );
    assert.equal(await frame.getAttribute('title'), 'Video from YouTube');
    assert.equal(await frame.getAttribute('loading'), 'lazy');
    assert.ok(await frame.getAttribute('allow'));
    assert.ok(await frame.evaluate((f) => f === document.activeElement), 'the frame has the focus');
    assert.equal(await play.count(), 0, 'the button is gone');
    assert.deepEqual(await card.boundingBox(), box, 'the frame fills the card without moving anything');
    assert.deepEqual(
      elsewhere(requests).map((url) => new URL(url).origin),
      ['https://www.youtube-nocookie.com'],
      'only the frame was asked for (and blocked here)',
    );
    assert.deepEqual(await violations(), [], 'no CSP violation');
  });

  it('keeps the card in place while the script arrives late (no layout shift)', async () => {
    const { page } = await watchedPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/*.js', async (route) => {
      await held;
      await route.continue();
    });
    // A deferred script holds back DOMContentLoaded, not the first paint: wait for the card itself.
    await page.goto(server.baseUrl + storyPath, { waitUntil: 'commit' });
    const card = page.locator('figure.story-embed .story-embed__card');
    await card.waitFor({ state: 'visible' });
    const caption = page.locator('figure.story-embed figcaption');
    assert.equal(await card.locator('button').count(), 0, 'the script has not run yet');
    const before = [await card.boundingBox(), await caption.boundingBox()];
    release();
    await card.getByRole('button', { name: 'Play the video from YouTube' }).waitFor({ state: 'visible' });
    assert.deepEqual([await card.boundingBox(), await caption.boundingBox()], before);
  });

  it('is a plain link to the video without JavaScript, and nothing is fetched from YouTube', async () => {
    const { page, requests, violations } = await watchedPage({ javaScriptEnabled: false });
    await page.goto(server.baseUrl + storyPath);
    const link = page.locator('figure.story-embed').getByRole('link', { name: VIDEO });
    await link.waitFor({ state: 'visible' });
    assert.equal(await link.getAttribute('href'), VIDEO);
    await page.locator('figure.story-embed .story-embed__card').waitFor({ state: 'hidden' });
    await page.waitForLoadState('networkidle');
    assert.deepEqual(elsewhere(requests), []);
    assert.deepEqual(await violations(), []);
  });

  it('offers a post on a static page, in an accessible card', async () => {
    // axe is injected as an inline script, which the site's CSP rightly forbids.
    const page = await openPage(browser, { bypassCSP: true });
    pages.push(page);
    await page.route('**/*', (route) =>
      new URL(route.request().url()).origin === server.baseUrl ? route.continue() : route.abort('blockedbyclient'),
    );
    await page.goto(server.baseUrl + staticPagePath);
    const card = page.locator('figure.story-embed .story-embed__card');
    await card.getByRole('button', { name: 'Load the post from X' }).waitFor({ state: 'visible' });
    const box = await card.boundingBox();
    assert.ok(box && Math.abs(box.width / box.height - 4 / 5) < 0.02, `a 4:5 card: ${JSON.stringify(box)}`);
    const violations = (await runAxe(page)).filter((v) => v.nodes.some((n) => n.html.includes('story-embed')));
    assert.equal(violations.length, 0, formatViolations(violations, staticPagePath));
  });

  it('is valid HTML on the article and the static page, card included (Nu HTML Checker)', async () => {
    const errors = await validatePages(server.baseUrl, [storyPath, staticPagePath]);
    assert.equal(errors.length, 0, formatHtmlErrors(errors, 'the pages with embeds'));
  });
});
