// What a reader does in a real browser on the demo site: home to article, the Arabic
// right-to-left layout, the phone menu, and keyboard use of the skip link.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, PHONE, openPage, useDemoSite, type DemoServer } from '../helpers/browser.ts';

const TIMEOUT = 90_000;
const LONG_DATE =
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4} \d{2}:\d{2}$/;

let server: DemoServer;
let browser: Browser;
const pages: Page[] = [];

useDemoSite((s, b) => {
  server = s;
  browser = b;
}, pages);

async function open(path: string, viewport: { width: number; height: number } = DESKTOP): Promise<Page> {
  const page = await openPage(browser, {
    viewport,
    ...(viewport.width < 600 ? { isMobile: true, hasTouch: true } : {}),
  });
  pages.push(page);
  const response = await page.goto(server.baseUrl + path);
  assert.ok(response, `no response for ${path}`);
  return page;
}

/** Texts of the elements a selector matches, in document order. */
const texts = (page: Page, selector: string) =>
  page
    .locator(selector)
    .allInnerTexts()
    .then((all) => all.map((s) => s.trim()));

describe('reading a story', { timeout: TIMEOUT }, () => {
  it('goes from the home page to an article that shows every element of the reference page', async () => {
    const page = await open('/en');
    const top = page.getByRole('region', { name: 'Top story' });
    const topLink = top.getByRole('heading').getByRole('link');
    await topLink.waitFor({ state: 'visible' });
    await top.locator('img').first().waitFor({ state: 'visible' });
    assert.ok((await topLink.innerText()).trim().length > 10, 'the top story has a headline');
    await page.getByRole('region', { name: 'Latest news' }).getByRole('link').first().waitFor({ state: 'visible' });
    await page.getByRole('region', { name: 'Most read' }).getByRole('link').first().waitFor({ state: 'visible' });

    // Follow the newest story that has every element (the top story is our own reporting, without a source).
    const link = page.locator(`main a[href="${server.paths.article}"]`).first();
    assert.ok((await link.count()) > 0, `the home page links to ${server.paths.article}`);
    await link.scrollIntoViewIfNeeded();
    await link.waitFor({ state: 'visible' });
    const headline = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL(server.baseUrl + server.paths.article);
    const id = Number(/\/news\/(\d+)\//.exec(page.url())?.[1]);
    const row = await server.test.db
      .selectFrom('articles')
      .leftJoin('users', 'users.id', 'articles.author_id')
      .select([
        'articles.dateline',
        'articles.source',
        'articles.image_caption',
        'articles.image_credit',
        'articles.hit_count',
        'articles.rating_count',
        'users.display_name as author',
      ])
      .where('articles.id', '=', id)
      .executeTakeFirstOrThrow();
    const story = page.locator('article.story');

    // Date: "Sunday, 16 June 2024 00:00" in a <time datetime>.
    const time = story.locator('header time').first();
    await time.waitFor({ state: 'visible' });
    assert.match((await time.innerText()).trim(), LONG_DATE);
    assert.match(
      (await time.getAttribute('datetime')) ?? '',
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$/,
    );

    // Headline, also in <title>.
    const h1 = page.getByRole('heading', { level: 1 });
    assert.equal(await h1.count(), 1, 'one h1');
    assert.equal((await h1.innerText()).trim(), headline);
    assert.ok((await page.title()).startsWith(headline), `title "${await page.title()}"`);

    // Byline with a link to the author's page.
    assert.ok(row.author, 'the story has an author');
    const byline = story.getByText('Written by', { exact: false }).first();
    await byline.waitFor({ state: 'visible' });
    const authorLink = story.getByRole('link', { name: row.author });
    await authorLink.waitFor({ state: 'visible' });
    assert.match((await authorLink.getAttribute('href')) ?? '', /^\/en\/author\/[^/]+$/);

    // Rating line.
    await story.getByText('Rate this item').waitFor({ state: 'visible' });
    const votes = story.getByText(/^\(\d[\d,]* votes?\)$/);
    await votes.waitFor({ state: 'visible' });
    assert.equal(
      (await votes.innerText()).trim(),
      `(${row.rating_count.toLocaleString('en-GB')} ${row.rating_count === 1 ? 'vote' : 'votes'})`,
    );

    // Photo with caption and a separate credit.
    const figure = story.locator('figure').first();
    await figure.locator('img').waitFor({ state: 'visible' });
    assert.ok(((await figure.locator('img').getAttribute('alt')) ?? '').length > 0, 'the photo has alt text');
    const figcaption = figure.locator('figcaption');
    await figcaption.waitFor({ state: 'visible' });
    assert.ok(row.image_caption && row.image_credit, 'the story has a caption and a credit');
    const caption = figcaption.getByText(row.image_caption, { exact: true });
    const credit = figcaption.getByText(row.image_credit, { exact: false });
    await caption.waitFor({ state: 'visible' });
    await credit.waitFor({ state: 'visible' });
    assert.ok(
      !(await caption.innerText()).includes(row.image_credit),
      'the credit is an element of its own, not part of the caption',
    );

    // Dateline opens the body, the source closes it.
    assert.ok(row.dateline && row.source, 'the story has a dateline and a source');
    const paragraphs = await texts(page, 'article.story .story__body > p');
    assert.ok(paragraphs.length >= 2, 'the body has paragraphs');
    assert.ok(
      paragraphs[0]!.startsWith(`${row.dateline}:`),
      `the body starts with the dateline "${row.dateline}:": ${paragraphs[0]!.slice(0, 60)}`,
    );
    assert.ok(
      paragraphs.at(-1)!.endsWith(`/${row.source}`),
      `the body ends with the source "/${row.source}": …${paragraphs.at(-1)!.slice(-60)}`,
    );
    await story.locator('.story__body .dateline').waitFor({ state: 'visible' });
    await story.locator('.story__body .source').waitFor({ state: 'visible' });

    // Tags, read count, related stories.
    const tags = story.locator('a[rel="tag"]');
    await tags.first().waitFor({ state: 'visible' });
    for (const href of await tags.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? '')))
      assert.match(href, /^\/en\/tag\/[^/]+$/);
    const reads = story.getByText(/^Read \d[\d,]* times?$/);
    await reads.waitFor({ state: 'visible' });
    assert.equal(
      (await reads.innerText()).trim(),
      `Read ${row.hit_count.toLocaleString('en-GB')} ${row.hit_count === 1 ? 'time' : 'times'}`,
    );
    const related = page.getByRole('region', { name: 'Related news' });
    await related.getByRole('link').first().waitFor({ state: 'visible' });
    for (const href of await related
      .locator('h2 a, h3 a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) {
      assert.match(href, /^\/en\/news\/\d+\//);
      assert.notEqual(href, new URL(page.url()).pathname, 'a story is not related to itself');
    }

    // The reference page's order: date, headline, byline, rating, photo, body, tags, read count, related.
    const order = await page.evaluate(() => {
      const selectors = [
        'article.story header time',
        'h1',
        'article.story a[rel="author"]',
        'article.story .rating',
        'article.story figure',
        'article.story .story__body',
        'article.story a[rel="tag"]',
        'article.story .story__hits',
        '#related-title',
      ];
      const nodes = selectors.map((s) => document.querySelector(s));
      const missing = selectors.filter((_, i) => !nodes[i]);
      if (missing.length) return `missing: ${missing.join(', ')}`;
      for (let i = 1; i < nodes.length; i++) {
        if (!(nodes[i - 1]!.compareDocumentPosition(nodes[i]!) & Node.DOCUMENT_POSITION_FOLLOWING))
          return `${selectors[i]} comes before ${selectors[i - 1]}`;
      }
      return 'in order';
    });
    assert.equal(order, 'in order');
  });
});

describe('type', { timeout: TIMEOUT }, () => {
  it('sets English headlines in a Latin serif, not in a Chinese font with full-width punctuation', async () => {
    // On Linux without the serif faces the stack names first, the Chinese fallback (which also
    // has Latin letters) used to take the headlines: "men’s" came out as "men’ s", its
    // apostrophe one em wide. A Latin face draws it a fifth as wide.
    const page = await open(server.paths.article);
    // No named function inside: tsx would wrap it in a helper the page does not have.
    const widths = await page.locator('h1').evaluate((h1) => {
      const span = document.createElement('span');
      span.textContent = '\u2019';
      h1.append(span);
      const apostrophe = span.getBoundingClientRect().width;
      span.remove();
      return { apostrophe, em: parseFloat(getComputedStyle(h1).fontSize) };
    });
    assert.ok(widths.apostrophe < widths.em / 2, `’ is ${widths.apostrophe} px wide at ${widths.em} px`);
  });
});

describe('Arabic edition', { timeout: TIMEOUT }, () => {
  /** Where the logo and the first two navigation links are drawn. */
  async function geometry(page: Page) {
    const box = async (selector: string, index = 0) => {
      const b = await page.locator(selector).nth(index).boundingBox();
      assert.ok(b, `${selector} #${index} is drawn`);
      return b;
    };
    return {
      logo: await box('header .logo'),
      first: await box('#site-nav li a', 0),
      second: await box('#site-nav li a', 1),
      width: page.viewportSize()!.width,
    };
  }

  it('is right-to-left and mirrors the layout on a wide screen', async () => {
    const page = await open(server.paths.arabicArticle, DESKTOP);
    const html = page.locator('html');
    assert.equal(await html.getAttribute('dir'), 'rtl');
    assert.equal(await html.getAttribute('lang'), 'ar');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
    await page.getByRole('heading', { level: 1 }).waitFor({ state: 'visible' });

    const ar = await geometry(page);
    const centre = (b: { x: number; width: number }) => b.x + b.width / 2;
    assert.ok(
      centre(ar.logo) > ar.width / 2,
      `the logo is on the right half (centre at ${centre(ar.logo)} of ${ar.width})`,
    );
    assert.ok(
      centre(ar.first) > ar.width / 2,
      `the navigation starts on the right (first link centre at ${centre(ar.first)})`,
    );
    if (Math.abs(ar.first.y - ar.second.y) < ar.first.height / 2) {
      assert.ok(
        ar.first.x > ar.second.x,
        `the second navigation link is left of the first (${ar.second.x} < ${ar.first.x})`,
      );
    }
    // The text column starts at the right: the headline's right edge is further right than in English.
    const h1 = await page.getByRole('heading', { level: 1 }).boundingBox();
    assert.ok(h1 && h1.x + h1.width > ar.width / 2, 'the headline sits from the right');

    // The same page in English is the mirror image.
    const en = await open(server.paths.article, DESKTOP);
    assert.equal(await en.locator('html').getAttribute('dir'), 'ltr');
    const ltr = await geometry(en);
    assert.ok(centre(ltr.logo) < ltr.width / 2, `the English logo is on the left half (centre at ${centre(ltr.logo)})`);
    assert.ok(centre(ltr.first) < ltr.width / 2, 'the English navigation starts on the left');
  });
});

describe('on a phone (390 px)', { timeout: TIMEOUT }, () => {
  it('folds the navigation behind a menu button and keeps Listen live visible', async () => {
    const page = await open('/en', PHONE);
    const button = page.getByRole('button', { name: 'Menu' });
    const navLink = page.locator('#site-nav a').first();
    // Says "Listen live" or "Radio: off air" by the demo stream's state; on screen either way.
    const listenLive = page.locator('header a.listen-live');

    await button.waitFor({ state: 'visible' });
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await button.getAttribute('aria-controls'), 'site-nav');
    await navLink.waitFor({ state: 'hidden' });
    await listenLive.waitFor({ state: 'visible' });

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page does not scroll sideways (${overflow}px too wide)`);
    const live = await listenLive.boundingBox();
    assert.ok(
      live && live.x >= 0 && live.x + live.width <= PHONE.width && live.y + live.height <= PHONE.height,
      'Listen live is on screen',
    );

    await button.click();
    await page.waitForFunction(() => document.querySelector('.nav-toggle')?.getAttribute('aria-expanded') === 'true');
    await navLink.waitFor({ state: 'visible' });
    const links = page.locator('#site-nav a');
    for (let i = 0; i < (await links.count()); i++) await links.nth(i).waitFor({ state: 'visible' });
    await listenLive.waitFor({ state: 'visible' });

    await button.click();
    await page.waitForFunction(() => document.querySelector('.nav-toggle')?.getAttribute('aria-expanded') === 'false');
    await navLink.waitFor({ state: 'hidden' });
  });

  it('shows the full navigation and no menu button on a wide screen', async () => {
    const page = await open('/en', DESKTOP);
    const links = page.locator('#site-nav a');
    for (let i = 0; i < (await links.count()); i++) await links.nth(i).waitFor({ state: 'visible' });
    await page.locator('.nav-toggle').waitFor({ state: 'hidden' });
  });
});

describe('page health', { timeout: TIMEOUT }, () => {
  it('loads reader pages without script errors, CSP violations or failed requests', async () => {
    const problems: string[] = [];
    for (const path of [
      server.paths.home,
      server.paths.article,
      server.paths.arabicArticle,
      server.paths.profilePage,
      server.paths.category,
    ]) {
      const page = await openPage(browser, { viewport: DESKTOP });
      pages.push(page);
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`${path}: console error: ${msg.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`${path}: script error: ${error.message}`));
      page.on('requestfailed', (request) =>
        problems.push(`${path}: request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
      );
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${path}: ${response.status()} for ${response.url()}`);
      });
      await page.goto(server.baseUrl + path);
      // Lazy images below the fold count too: each is brought into view (a jump to the bottom
      // of a long page would leave those in the middle unrequested).
      await page.evaluate(async () => {
        for (const img of document.images) {
          img.scrollIntoView({ block: 'center' });
          // The browser decides what is near the viewport on its next frames.
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        }
      });
      await page.waitForFunction(() => [...document.images].every((img) => img.complete));
      const broken = await page.evaluate(() =>
        [...document.images].filter((img) => img.naturalWidth === 0).map((img) => img.currentSrc || img.src),
      );
      for (const src of broken) problems.push(`${path}: image did not load: ${src}`);
      await page.context().close();
    }
    assert.deepEqual(problems, []);
  });
});

describe('keyboard', { timeout: TIMEOUT }, () => {
  it('reaches a visible skip link first, and Enter moves focus to the main content', async () => {
    const page = await open('/en', DESKTOP);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return {
        className: el?.className ?? '',
        text: el?.textContent?.trim() ?? '',
        href: el?.getAttribute('href') ?? '',
      };
    });
    assert.equal(focused.href, '#main', `the first Tab lands on the skip link, not on ${JSON.stringify(focused)}`);
    assert.equal(focused.text, 'Skip to main content');

    const skip = page.locator('a[href="#main"]').first();
    await skip.waitFor({ state: 'visible' });
    const box = await skip.boundingBox();
    assert.ok(box && box.width > 1 && box.height > 1, 'the focused skip link has a size');
    assert.ok(
      box.x >= 0 && box.y >= 0 && box.x + box.width <= DESKTOP.width && box.y + box.height <= DESKTOP.height,
      `the focused skip link is on screen (${JSON.stringify(box)})`,
    );
    const outline = await skip.evaluate((el) => {
      const s = getComputedStyle(el);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
    });
    assert.ok(
      (outline.style !== 'none' && outline.width > 0) || outline.shadow !== 'none',
      `the focused skip link shows a focus indicator: ${JSON.stringify(outline)}`,
    );

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    assert.match(page.url(), /#main$/);
  });
});
