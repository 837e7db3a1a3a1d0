// A reporter's day in a real browser: sign in through the form, write a story in the rich-text
// editor with an uploaded photo, schedule it a minute ahead on the app's injected clock, and see
// it reach the public site (page cache on, as deployed) at that minute and not before.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page, Response } from 'playwright-core';
import sharp from 'sharp';
import { toLocalInput } from '../../src/newsroom/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { closeBrowser, launchBrowser, openPage } from '../helpers/browser.ts';
import { makeArticle, makeCategory } from '../helpers/factories.ts';
import { serveOnLoopback, signInWithForm, staffWithPassword, watchProblems } from '../helpers/newsroom.ts';

const MINUTE = 60_000;
/** The app's clock: a whole minute, so the "Publish at" field (minutes) can name the next one. */
const START = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
const HEADLINE = 'Fishing boats return to the harbour after the storm';

let t: TestApp;
let browser: Browser;
let baseUrl = '';
let email = '';
let jpeg: Buffer;
const pages: Page[] = [];

before(
  async () => {
    [t, browser, jpeg] = await Promise.all([
      createTestApp(),
      launchBrowser(),
      // A real photo-like JPEG: a gradient, so the encoder has something to do.
      sharp(Buffer.from(Array.from({ length: 160 * 120 * 3 }, (_, i) => (i * 7) % 256)), {
        raw: { width: 160, height: 120, channels: 3 },
      })
        .resize(1280, 960)
        .jpeg({ quality: 80 })
        .toBuffer(),
    ]);
    t.setNow(START);
    const section = await makeCategory(t.db, { name: 'Coast', edition: 'en' });
    // An older story, so the home page has something on it before ours appears.
    await makeArticle(t.db, {
      category_id: section.id,
      title: 'Lighthouse keepers mark a century on the cape',
      published_at: new Date(START.getTime() - 3600_000).toISOString(),
    });
    email = (await staffWithPassword(t, 'editor', 'Ani Reporter')).email;
    baseUrl = await serveOnLoopback(t);
  },
  { timeout: 120_000 },
);

after(async () => {
  await closeBrowser(browser, pages);
  await t?.close();
});

/** The policy's sources for one directive ('' when the policy has none). */
function directive(policy: string, name: string): string {
  return (
    policy
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `)) ?? ''
  );
}

/** A reader's page in a fresh, cookie-less context (what the page cache serves). */
async function readerVisit(path: string) {
  const page = await openPage(browser);
  pages.push(page);
  const problems = await watchProblems(page, [/status of 404/]);
  const response = await page.goto(baseUrl + path);
  assert.ok(response, `no answer for ${path}`);
  return { page, response, problems };
}

describe('writing, scheduling and publishing a story in the newsroom', { timeout: 180_000 }, () => {
  it('signs in, writes a story with a photo, schedules it, and the site shows it at its minute', async () => {
    const page = await openPage(browser);
    pages.push(page);
    const problems = await watchProblems(page);
    const newsroomAnswers: Response[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'document' && new URL(response.url()).pathname.startsWith('/newsroom'))
        newsroomAnswers.push(response);
    });

    await signInWithForm(page, baseUrl, email);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

    // The form: headline, summary, section, tags.
    await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Articles' }).click();
    await page.getByRole('link', { name: 'New article (EN)' }).click();
    await page.getByRole('heading', { level: 1, name: 'New article' }).waitFor();
    await page.getByRole('textbox', { name: 'Headline' }).fill(HEADLINE);
    await page
      .getByRole('textbox', { name: 'Summary' })
      .fill('The fleet is back in port, and the fish market opens again.');
    await page.getByRole('combobox', { name: 'Section' }).selectOption({ label: 'Coast' });
    await page.getByRole('combobox', { name: 'Tags' }).fill('harbour, fishing');

    // The story, in the rich-text editor: two paragraphs, one word made bold from the toolbar.
    const editor = page.getByRole('textbox', { name: 'Story', exact: true });
    await editor.click();
    await page.keyboard.type('Dozens of boats sailed into the harbour at dawn.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('The market opens again tomorrow.');
    await page.keyboard.press('Home');
    for (let i = 0; i < 'The market'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.getByRole('toolbar').getByRole('button', { name: 'Bold', exact: true }).click();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/newsroom\/articles\/\d+\?done=created$/);
    const id = Number(/articles\/(\d+)/.exec(page.url())![1]);
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    // A photo into the saved draft, through the editor's image button, described in its dialog.
    await page.getByRole('textbox', { name: 'Story', exact: true }).getByText('Dozens of boats').click();
    await page.keyboard.press('End');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('toolbar').getByRole('button', { name: 'Image', exact: true }).click(),
    ]);
    await chooser.setFiles({ name: 'boats.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    const describeImage = page.getByRole('dialog', { name: 'Describe the image' });
    await describeImage.getByRole('textbox', { name: 'Alternative text' }).fill('Boats moored along the quay');
    await describeImage.getByRole('textbox', { name: 'Caption' }).fill('Back in port');
    await describeImage.getByRole('textbox', { name: 'Credit' }).fill('Warta/Ani');
    await describeImage.getByRole('button', { name: 'Save' }).click();
    await describeImage.waitFor({ state: 'detached' });
    const inEditor = page.getByRole('textbox', { name: 'Story', exact: true }).locator('img[src^="/media/"]');
    await inEditor.waitFor();
    const src = (await inEditor.getAttribute('src'))!;

    // Scheduled for the next minute of the site's clock, in the site's time zone.
    const due = new Date(START.getTime() + MINUTE);
    await page.getByLabel('Publish at').fill(toLocalInput(due, t.config.timezone));
    await page.getByRole('button', { name: 'Publish or schedule' }).click();
    await page.waitForURL(`${baseUrl}/newsroom/articles/${id}?done=publish`);
    await page.locator('.nr-status').filter({ hasText: 'Scheduled' }).waitFor();

    const stored = await t.db
      .selectFrom('articles')
      .select(['status', 'published_at', 'body_html', 'edition', 'slug'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.status, 'published');
    assert.equal(new Date(stored.published_at!).getTime(), due.getTime(), 'due at the chosen minute');
    assert.match(stored.body_html, /<strong>The market<\/strong> opens again tomorrow\./);
    assert.ok(stored.body_html.includes(`<img src="${src}" alt="Boats moored along the quay"`), stored.body_html);
    const articleUrl = `/en/news/${id}/${stored.slug}`;

    // Half a minute before: no article page, and the home page (stored by the cache) without it.
    t.setNow(new Date(START.getTime() + 30_000));
    for (let visit = 0; visit < 2; visit++) {
      const early = await readerVisit(articleUrl);
      assert.equal(early.response.status(), 404, 'not out yet');
      const home = await readerVisit('/en');
      assert.equal(home.response.status(), 200);
      await home.page.getByRole('link', { name: 'Lighthouse keepers mark a century on the cape' }).first().waitFor();
      assert.equal(await home.page.locator(`a[href="${articleUrl}"]`).count(), 0, 'the home page does not list it yet');
      if (visit === 1) assert.equal(home.response.headers()['x-cache'], 'hit', 'the page cache is on');
      assert.deepEqual([...early.problems, ...home.problems], []);
    }

    // Past the minute: the cached home page has expired by itself, and the story is out.
    t.setNow(new Date(due.getTime() + 30_000));
    const home = await readerVisit('/en');
    assert.equal(home.response.status(), 200);
    await home.page.locator(`main a[href="${articleUrl}"]`).first().waitFor();
    const story = await readerVisit(articleUrl);
    assert.equal(story.response.status(), 200);
    await story.page.getByRole('heading', { level: 1, name: HEADLINE }).waitFor();
    const body = story.page.locator('.story__body');
    await body.getByText('Dozens of boats sailed into the harbour at dawn.').waitFor();
    assert.equal(await body.locator('strong').innerText(), 'The market');
    const photo = body.locator(`img[src="${src}"]`);
    await photo.scrollIntoViewIfNeeded();
    await story.page.waitForFunction(
      (img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0,
      await photo.elementHandle(),
    );
    assert.equal(await photo.getAttribute('alt'), 'Boats moored along the quay');
    // textContent: the credit is set in capitals by the style sheet alone.
    const caption = (await body.locator('figure figcaption').textContent()) ?? '';
    assert.ok(caption.includes('Back in port') && caption.includes('Warta/Ani'), caption);
    assert.deepEqual([...home.problems, ...story.problems], []);

    // Every newsroom page comes with a policy that allows no inline script or style: those
    // opened above, and the rest of what this editor can open (each section of the bar, the
    // story's revisions and preview, the account page), fetched with the same session.
    const sections = await page
      .getByRole('navigation', { name: 'Newsroom' })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const others = [
      ...sections,
      `/newsroom/articles/${id}/revisions`,
      `/newsroom/articles/${id}/preview`,
      '/newsroom/account',
    ];
    const policies = await Promise.all(
      newsroomAnswers
        .filter((answer) => answer.status() < 300 || answer.status() >= 400)
        .map(async (answer) => ({ url: answer.url(), headers: await answer.allHeaders() })),
    );
    for (const path of others) {
      const answer = await page.context().request.get(baseUrl + path);
      assert.equal(answer.status(), 200, path);
      policies.push({ url: answer.url(), headers: answer.headers() });
    }
    assert.ok(policies.length >= 12, `${policies.length} newsroom pages seen`);
    for (const { url, headers } of policies) {
      const where = new URL(url).pathname;
      const policy = headers['content-security-policy'] ?? '';
      assert.match(directive(policy, 'script-src'), /^script-src /, `${where} has a script-src`);
      assert.doesNotMatch(directive(policy, 'script-src'), /'unsafe-inline'/, `${where}: script-src`);
      assert.match(directive(policy, 'style-src'), /^style-src /, `${where} has a style-src`);
      assert.doesNotMatch(directive(policy, 'style-src'), /'unsafe-inline'/, `${where}: style-src`);
    }
    assert.deepEqual(problems, []);
  });
});
