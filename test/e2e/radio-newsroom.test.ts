// The radio's newsroom pages in a real browser: axe (WCAG 2.2 AA) and the Nu HTML Checker on the
// overview, the channel form, the program form with slots (also showing problems) and the
// schedule-changes page; the slot rows added, filled and removed with and without JavaScript
// and saved; no sideways scrolling on a 390 px phone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { saveChannel, saveProgram, addScheduleChange } from '../../src/broadcast/commands.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { PHONE, formatViolations, launchBrowser, openPage, runAxe } from '../helpers/browser.ts';
import {
  fetchAs,
  serveOnLoopback,
  signedIn,
  signInWithForm,
  staffWithPassword,
  watchProblems,
  type SignedIn,
} from '../helpers/newsroom.ts';
import { formatHtmlErrors, validateHtml } from '../helpers/vnu.ts';

let t: TestApp;
let browser: Browser;
let baseUrl = '';
let email = '';
let admin: SignedIn;
let channelId = 0;
let programId = 0;
const pages: Page[] = [];

before(
  async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser()]);
    email = (await staffWithPassword(t, 'admin', 'Radio Keeper')).email;
    admin = await signedIn(t, 'admin');
    const w = t.app.ctx.writer;
    channelId = await saveChannel(w, {
      edition: 'en',
      name: 'Warta English',
      description: 'The English service.',
      streams: [{ url: 'https://radio.example/hls/english.m3u8' }, { url: 'https://radio.example/english.mp3' }],
      statusSource: 'icecast',
    });
    programId = await saveProgram(w, {
      channelId,
      title: 'Morning Jakarta',
      slots: [
        { days: [1, 2, 3, 4, 5], start: '06:00', minutes: 180 },
        { days: [6, 7], start: '07:00', minutes: 120 },
      ],
      podcastCategory: 'Daily News',
    });
    await saveProgram(w, {
      channelId,
      title: 'Late Night Jazz',
      slots: [{ days: [5, 6], start: '23:00', minutes: 120 }],
    });
    const tomorrow = new Date(Date.now() + 86_400_000);
    await addScheduleChange(w, {
      channelId,
      kind: 'special',
      programId: null,
      note: 'Election night',
      startsAt: tomorrow,
      endsAt: new Date(tomorrow.getTime() + 3600_000),
    });
    baseUrl = await serveOnLoopback(t);
  },
  { timeout: 120_000 },
);

after(async () => {
  for (const page of pages)
    await page
      .context()
      .close()
      .catch(() => undefined);
  await browser?.close();
  await t?.close();
});

/** A signed-in page (axe is injected, so the CSP is bypassed; script errors are collected). */
async function signedInPage(
  options: Parameters<typeof openPage>[1] = {},
  expected: readonly RegExp[] = [],
): Promise<{ page: Page; problems: string[] }> {
  const page = await openPage(browser, { bypassCSP: true, ...options });
  pages.push(page);
  const problems = await watchProblems(page, expected);
  await signInWithForm(page, baseUrl, email);
  return { page, problems };
}

const PATHS = () => [
  '/newsroom/radio',
  '/newsroom/radio/channels?edition=en',
  `/newsroom/radio/channels/${channelId}`,
  '/newsroom/radio/channels/new?edition=en',
  '/newsroom/radio/programs?edition=en',
  `/newsroom/radio/programs/${programId}`,
  '/newsroom/radio/programs/new?edition=en',
  `/newsroom/radio/channels/${channelId}/schedule`,
];

describe('the radio pages in a browser', () => {
  it('has no axe violations, also with problems shown', { timeout: 120_000 }, async () => {
    // The forms shown again with problems answer 400, as they should.
    const { page, problems } = await signedInPage({}, [/status of 400/]);
    for (const path of PATHS()) {
      await page.goto(baseUrl + path);
      assert.equal(formatViolations(await runAxe(page), path), formatViolations([], path));
    }
    // The program form with a refused slot and an unknown host: problems beside their fields.
    await page.goto(`${baseUrl}/newsroom/radio/programs/${programId}`);
    await page.locator('#slot-0-start').fill('');
    await page.locator('#slot-0-minutes').fill('0');
    // The browser's own checks would stop this post: the server's are under test.
    await page.evaluate(() => document.querySelector<HTMLFormElement>('form.nr-form')!.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Save the program' }).first().click();
    await page.waitForSelector('#problems');
    assert.equal(await page.locator('#slot-0-minutes').getAttribute('aria-invalid'), 'true');
    assert.equal(
      formatViolations(await runAxe(page), 'program form with problems'),
      formatViolations([], 'program form with problems'),
    );
    // The schedule form with problems.
    await page.goto(`${baseUrl}/newsroom/radio/channels/${channelId}/schedule`);
    await page.getByRole('button', { name: 'Add to the schedule' }).click();
    await page.waitForSelector('#problems');
    assert.equal(
      formatViolations(await runAxe(page), 'schedule with problems'),
      formatViolations([], 'schedule with problems'),
    );
    assert.deepEqual(problems, []);
  });

  it('is valid HTML (Nu HTML Checker)', { timeout: 240_000 }, async () => {
    const documents = await fetchAs(admin, baseUrl, PATHS());
    // And the forms as shown again with problems.
    for (const [url, body] of [
      [`/newsroom/radio/programs/${programId}`, 'slotCount=1&slot-0-start=25:00&slot-0-minutes=0&title=&channelId=x'],
      ['/newsroom/radio/channels/new', 'edition=en&name=&streamCount=1&stream-0=javascript:alert(1)&timeZone=Mars/X'],
      [`/newsroom/radio/channels/${channelId}/schedule`, 'kind=special&startsAt=bad&endsAt='],
    ] as const) {
      const response = await fetch(baseUrl + url, {
        method: 'POST',
        headers: { cookie: admin.cookie, origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
        body: `_csrf=${encodeURIComponent(admin.csrfToken)}&${body}`,
        redirect: 'manual',
      });
      assert.equal(response.status, 400, url);
      documents.push({ url: `${url} (problems)`, html: await response.text() });
    }
    const errors = await validateHtml(documents);
    assert.equal(formatHtmlErrors(errors), formatHtmlErrors([]));
  });

  for (const javaScriptEnabled of [false, true]) {
    it(`adds, fills and removes slot rows and saves them, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async () => {
      const { page, problems } = await signedInPage({ javaScriptEnabled });
      const title = javaScriptEnabled ? 'Evening Talk' : 'Noon Report';
      await page.goto(`${baseUrl}/newsroom/radio/programs/new?edition=en`);
      await page.getByLabel('Title').fill(title);
      // Row 1 (the blank row of a new form): Monday and Wednesday at 12:00 for 30 minutes.
      await page.locator('#slot-0-day-1').check();
      await page.locator('#slot-0-day-3').check();
      await page.locator('#slot-0-start').fill('12:00');
      await page.locator('#slot-0-minutes').fill('30');
      // The page shown again lands on the new row.
      await Promise.all([
        page.waitForURL(/\/programs\/new\?edition=en#slot-row-1$/),
        page.getByRole('button', { name: 'Add a slot' }).click(),
      ]);
      assert.equal(await page.locator('.nr-radio-slot').count(), 2);
      assert.equal(await page.locator('#slot-0-start').inputValue(), '12:00', 'the typed row is kept');
      assert.ok(await page.locator('#slot-0-day-3').isChecked());
      await page.locator('#slot-1-day-6').check();
      await page.locator('#slot-1-start').fill('18:00');
      await page.locator('#slot-1-minutes').fill('60');
      // A third row, then taken away again.
      await page.getByRole('button', { name: 'Add a slot' }).click();
      // Without JavaScript each button posts the form and a new page comes: a locator's wait
      // outlives that navigation, where a function polled in the old page may not.
      await page.locator('.nr-radio-slot').nth(2).waitFor();
      await page.locator('#slot-2-day-7').check();
      await page.getByRole('button', { name: /^Remove\W+Slot 3$/ }).click();
      await page.locator('.nr-radio-slot').nth(2).waitFor({ state: 'detached' });
      assert.equal(await page.locator('.nr-radio-slot').count(), 2);
      await Promise.all([
        page.waitForURL(/\/newsroom\/radio\/programs\/\d+\?done=created/),
        page.getByRole('button', { name: 'Save the program' }).first().click(),
      ]);
      const id = Number(/programs\/(\d+)/.exec(page.url())![1]);
      const slots = await t.db
        .selectFrom('program_slots')
        .select(['days', 'start_time', 'minutes'])
        .where('program_id', '=', id)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        slots.map((s) => [s.days, s.start_time, s.minutes]),
        [
          ['1,3', '12:00', 30],
          ['6', '18:00', 60],
        ],
      );
      assert.deepEqual(problems, []);
    });
  }

  it('has no sideways scrolling on a 390 px phone', { timeout: 120_000 }, async () => {
    const { page, problems } = await signedInPage({ viewport: PHONE });
    for (const path of PATHS()) {
      await page.goto(baseUrl + path);
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      assert.ok(widths.scroll <= widths.client, `${path}: ${widths.scroll} px wide in ${widths.client} px`);
    }
    assert.deepEqual(problems, []);
  });
});
