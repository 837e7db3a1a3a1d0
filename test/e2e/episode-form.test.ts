// The newsroom's episode form in a real browser, under the site's strict CSP: an audio file sent
// with a progress bar (the upload slowed down so it can be seen), the submit button disabled
// meanwhile and the saved episode's page gone to; the form shown again with its problems keeping
// the chosen file; a failed connection said, with what was typed kept. "Find an article" by a
// word of its title, added and removed by keyboard, axe-clean while open, and saved as linked.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { findEpisode } from '../../src/broadcast/episodes/queries.ts';
import { makeProgram } from '../../src/broadcast/episodes/test-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { PHONE, closeBrowser, formatViolations, launchBrowser, openPage, runAxe } from '../helpers/browser.ts';
import { makeArticle } from '../helpers/factories.ts';
import {
  fetchAs,
  serveOnLoopback,
  signedIn,
  signInWithForm,
  staffWithPassword,
  watchProblems,
} from '../helpers/newsroom.ts';
import { formatHtmlErrors, validateHtml } from '../helpers/vnu.ts';

const run = promisify(execFile);

let t: TestApp;
let browser: Browser;
let baseUrl = '';
let email = '';
let audioFile = '';
let tempDir = '';
let lighthouseId = 0;
let ferryId = 0;
const pages: Page[] = [];

/**
 * An MP3 big enough for the upload to take a few seconds when slowed down: 40 s of tone at
 * 128 kbit/s (about 640 KB) from ffmpeg, or the demo's file without it.
 */
async function makeAudio(dir: string): Promise<string> {
  const file = path.join(dir, 'harbour-hour.mp3');
  try {
    await run('ffmpeg', [
      ...['-nostdin', '-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=frequency=330:duration=40'],
      ...['-c:a', 'libmp3lame', '-b:a', '128k', file],
    ]);
    return file;
  } catch {
    return fileURLToPath(new URL('../../seed/demo/audio/weekend.mp3', import.meta.url));
  }
}

before(
  async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser()]);
    tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'warta-episode-form-'));
    audioFile = await makeAudio(tempDir);
    email = (await staffWithPassword(t, 'editor', 'Sari Producer')).email;
    await makeProgram(t.app.ctx.writer, 'en', 'harbour-hour', { title: 'Harbour Hour' });
    lighthouseId = (await makeArticle(t.db, { edition: 'en', title: 'Lighthouse keeper retires after forty years' }))
      .id;
    ferryId = (await makeArticle(t.db, { edition: 'en', title: 'Night ferry to the islands returns', status: 'draft' }))
      .id;
    // Another edition's namesake, never offered on an English episode.
    await makeArticle(t.db, { edition: 'id', title: 'Lighthouse di pelabuhan' });
    await makeArticle(t.db, { edition: 'ar', title: 'منارة الميناء تضيء من جديد', slug: 'harbour-light' });
    baseUrl = await serveOnLoopback(t);
  },
  { timeout: 120_000 },
);

after(async () => {
  await closeBrowser(browser, pages);
  await t?.close();
  if (tempDir) await fs.rm(tempDir, { recursive: true, force: true });
});

/** A signed-in page on a new episode's form (`bypassCSP` only where axe is injected). */
async function openForm(
  options: { bypassCSP?: boolean; expected?: RegExp[] } = {},
): Promise<{ page: Page; problems: string[] }> {
  const page = await openPage(browser, { bypassCSP: options.bypassCSP });
  pages.push(page);
  const problems = await watchProblems(page, options.expected);
  await signInWithForm(page, baseUrl, email);
  await page.goto(`${baseUrl}/newsroom/episodes/new?edition=en`);
  await page.getByRole('combobox', { name: 'Program' }).selectOption({ label: 'Harbour Hour' });
  return { page, problems };
}

/** The id of the episode whose saved page the browser shows. */
function episodeIdOf(page: Page): number {
  const match = /\/newsroom\/episodes\/(\d+)\?done=/.exec(page.url());
  assert.ok(match, page.url());
  return Number(match[1]);
}

describe('the episode form’s upload progress', { timeout: 180_000 }, () => {
  it('shows the progress of a slowed upload, keeps the button disabled, and goes to the saved episode', async () => {
    const { page, problems } = await openForm();
    await page.getByRole('textbox', { name: 'Title' }).fill('Harbour Hour: the night shift');
    await page.getByLabel('Audio file', { exact: true }).setInputFiles(audioFile);
    // About 160 KB a second: the upload takes a few seconds, as a big file on a slow line would.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 160 * 1024,
    });
    const submit = page.getByRole('button', { name: 'Add the episode' });
    await submit.click();
    const progress = page.getByRole('progressbar', { name: 'Upload progress' });
    await progress.waitFor();
    assert.equal(await submit.isDisabled(), true, 'the button is disabled while sending');
    await page
      .getByRole('status')
      .filter({ hasText: /^Uploading: \d{1,3} %$/ })
      .waitFor();
    await page.waitForFunction(() => {
      const bar = document.querySelector('progress');
      return !!bar && bar.value > 0 && bar.value < 100;
    });
    assert.match((await page.locator('[data-upload-percent]').textContent()) ?? '', /^\d{1,3} %$/);
    await page.waitForURL(/\/newsroom\/episodes\/\d+\?done=created$/, { timeout: 60_000 });
    await cdp.detach();
    await page.getByText('The episode has been added as a draft.').waitFor();
    const episode = await findEpisode(t.db, episodeIdOf(page));
    assert.equal(episode?.title, 'Harbour Hour: the night shift');
    assert.equal(episode?.audioBytes, (await fs.stat(audioFile)).size);
    assert.deepEqual(problems, []);
  });

  it('shows the form again with its problems, keeping what was typed and the chosen file', async () => {
    // The refusal is a 400, which the browser's console reports.
    const { page, problems } = await openForm({ expected: [/status of 400/] });
    await page.getByRole('textbox', { name: 'Description' }).fill('Kept while the title is missing.');
    await page.getByLabel('Audio file', { exact: true }).setInputFiles(audioFile);
    await page.getByRole('button', { name: 'Add the episode' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Title' });
    await summary.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'problems', 'focus on the problems');
    assert.match(page.url(), /\/newsroom\/episodes\/new\?edition=en$/);
    assert.equal(
      await page.getByRole('textbox', { name: 'Description' }).inputValue(),
      'Kept while the title is missing.',
    );
    assert.equal(
      await page.getByLabel('Audio file', { exact: true }).evaluate((el: HTMLInputElement) => el.files?.[0]?.name),
      path.basename(audioFile),
    );
    // The enhancements run on the form shown again: one photo dialog, the search, the upload.
    assert.equal(await page.locator('#media-picker').count(), 1);
    await page.getByRole('searchbox', { name: 'Find an article' }).waitFor();
    await page.getByRole('textbox', { name: 'Title' }).fill('Harbour Hour: second try');
    await page.getByRole('button', { name: 'Add the episode' }).click();
    await page.waitForURL(/\/newsroom\/episodes\/\d+\?done=created$/);
    const episode = await findEpisode(t.db, episodeIdOf(page));
    assert.equal(episode?.description, 'Kept while the title is missing.');
    assert.equal(episode?.audioBytes, (await fs.stat(audioFile)).size);
    assert.deepEqual(problems, []);
  });

  it('says so when the connection fails, keeps what was typed and lets the person try again', async () => {
    const { page } = await openForm();
    await page.getByRole('textbox', { name: 'Title' }).fill('Harbour Hour: offline');
    await page.getByLabel('Audio file', { exact: true }).setInputFiles(audioFile);
    await page.route(`${baseUrl}/newsroom/episodes`, (route) =>
      route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
    );
    const submit = page.getByRole('button', { name: 'Add the episode' });
    await submit.click();
    await page
      .getByRole('status')
      .filter({ hasText: 'The episode could not be sent: check the connection and try again.' })
      .waitFor();
    assert.equal(await submit.isDisabled(), false);
    assert.equal(await page.getByRole('progressbar').count(), 0, 'the bar is hidden again');
    assert.equal(await page.getByRole('textbox', { name: 'Title' }).inputValue(), 'Harbour Hour: offline');
    assert.equal(
      await page.getByLabel('Audio file', { exact: true }).evaluate((el: HTMLInputElement) => el.files?.length),
      1,
    );
    await page.unroute(`${baseUrl}/newsroom/episodes`);
    await submit.click();
    await page.waitForURL(/\/newsroom\/episodes\/\d+\?done=created$/);
  });
});

describe('the episode form’s “Find an article”', { timeout: 180_000 }, () => {
  it('finds an article by a word of its title, adds and removes by keyboard, is axe-clean, saves the link', async () => {
    const { page, problems } = await openForm({ bypassCSP: true });
    await page.getByRole('textbox', { name: 'Title' }).fill('Harbour Hour: the keeper');
    await page.getByLabel('Use an address on another server').check();
    await page.getByRole('textbox', { name: 'Audio address' }).fill('https://cdn.example/keeper.mp3');

    const search = page.getByRole('searchbox', { name: 'Find an article' });
    await search.focus();
    await page.keyboard.type('lighthouse');
    const status = page.locator('[data-article-status]');
    await status.filter({ hasText: '1 article(s) found.' }).waitFor();
    // The Indonesian namesake is not offered.
    assert.equal(await page.locator('[data-article-add]').count(), 1);

    // Enter in the search box searches; it never sends the form.
    await page.keyboard.press('Enter');
    assert.match(page.url(), /\/newsroom\/episodes\/new\?edition=en$/);
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatViolations(violations, 'the episode form with the search open'));

    await page.keyboard.press('ArrowDown');
    const add = page.getByRole('button', { name: 'Add “Lighthouse keeper retires after forty years”' });
    assert.equal(await add.evaluate((el) => el === document.activeElement), true, 'ArrowDown goes to the results');
    await page.keyboard.press('Enter');
    await status.filter({ hasText: '“Lighthouse keeper retires after forty years” is now linked.' }).waitFor();
    const numbers = page.getByRole('textbox', { name: 'Linked articles' });
    assert.equal(await numbers.inputValue(), String(lighthouseId));
    const linked = page.getByRole('list', { name: 'Linked articles now' });
    await linked.getByRole('link', { name: `${lighthouseId}: Lighthouse keeper retires after forty years` }).waitFor();
    assert.equal(
      await page.getByRole('button', { name: 'Added “Lighthouse keeper retires after forty years”' }).count(),
      1,
    );

    // A second one, then removed again: focus goes to the remaining article's button.
    await search.fill('ferry');
    await status.filter({ hasText: '1 article(s) found.' }).waitFor();
    await page.getByRole('button', { name: 'Add “Night ferry to the islands returns”' }).press('Enter');
    assert.equal(await numbers.inputValue(), `${lighthouseId}, ${ferryId}`);
    await linked.getByRole('button', { name: 'Remove “Night ferry to the islands returns”' }).press('Enter');
    assert.equal(await numbers.inputValue(), String(lighthouseId));
    await status.filter({ hasText: '“Night ferry to the islands returns” is no longer linked.' }).waitFor();
    assert.equal(
      await linked
        .getByRole('button', { name: 'Remove “Lighthouse keeper retires after forty years”' })
        .evaluate((el) => el === document.activeElement),
      true,
    );
    const violationsAfter = await runAxe(page);
    assert.equal(violationsAfter.length, 0, formatViolations(violationsAfter, 'the episode form with a link added'));

    await page.getByRole('button', { name: 'Add the episode' }).click();
    await page.waitForURL(/\/newsroom\/episodes\/\d+\?done=created$/);
    const episode = await findEpisode(t.db, episodeIdOf(page));
    assert.deepEqual(episode?.articleIds, [lighthouseId]);
    await page
      .getByRole('list', { name: 'Linked articles now' })
      .getByRole('link', { name: `${lighthouseId}: Lighthouse keeper retires after forty years` })
      .waitFor();
    assert.deepEqual(problems, []);

    // The form as the server sends it, new and with a linked article: valid HTML.
    const editor = await signedIn(t, 'editor', ['en']);
    const paths = ['/newsroom/episodes/new?edition=en', new URL(page.url()).pathname];
    const errors = await validateHtml(await fetchAs(editor, baseUrl, paths));
    assert.equal(errors.length, 0, formatHtmlErrors(errors));
  });

  it('is axe-clean on a phone in the Arabic edition, right to left, with results shown', async () => {
    const page = await openPage(browser, { bypassCSP: true, viewport: PHONE });
    pages.push(page);
    const problems = await watchProblems(page);
    await signInWithForm(page, baseUrl, email);
    await page.goto(`${baseUrl}/newsroom/episodes/new?edition=ar`);
    await page.getByRole('searchbox', { name: 'Find an article' }).fill('منارة');
    await page.locator('[data-article-status]').filter({ hasText: '1 article(s) found.' }).waitFor();
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatViolations(violations, 'the Arabic episode form on a phone'));
    // Nothing wider than the phone's screen.
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
    assert.deepEqual(problems, []);
  });
});
