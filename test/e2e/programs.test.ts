// The programs pages in Debian's Chromium, on the demo site seeded at a fixed clock: axe (WCAG 2.2
// AA) and the Nu HTML Checker on Program Highlight, the schedule (English and Arabic), a program
// page and the newsroom's picks page; the schedule in the listener's own zone (New York across the
// end of daylight saving, Tokyo), with station time beside it; the "on air now" mark following
// the browser's clock.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { seedDemo } from '../../seed/demo/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { closeBrowser, formatViolations, launchBrowser, openPage, PHONE, runAxe } from '../helpers/browser.ts';
import { useDemoPhotoCache } from '../helpers/demo.ts';
import { fetchAs, serveOnLoopback, signedIn, watchProblems } from '../helpers/newsroom.ts';
import { formatHtmlErrors, validateHtml, validatePages } from '../helpers/vnu.ts';
import { writerFor } from '../helpers/writer.ts';

/**
 * Saturday 31 October 2026, 22:30 in Jakarta: Music of the Archipelago (22:00–01:00) is on air,
 * and the week shown spans New York's return to standard time (1 November, 06:00 UTC).
 */
const NOW = new Date('2026-10-31T15:30:00Z');
const PAGES = ['/en/programs', '/en/programs/schedule', '/en/programs/morning-show', '/ar/programs/schedule'];

let t: TestApp;
let browser: Browser;
let baseUrl = '';
const opened: Page[] = [];

before(
  async () => {
    useDemoPhotoCache();
    t = await createTestApp();
    t.setNow(NOW);
    await seedDemo(writerFor(t.db), { dataDir: t.config.dataDir, timezone: t.config.timezone, now: NOW });
    baseUrl = await serveOnLoopback(t);
    browser = await launchBrowser();
  },
  { timeout: 180_000 },
);
after(async () => {
  await closeBrowser(browser, opened);
  await t?.close();
});

/** A page in a browser set to `timezoneId`, its clock fixed at NOW (timers still run). */
async function pageIn(timezoneId: string, options: { viewport?: typeof PHONE; bypassCSP?: boolean } = {}) {
  const page = await openPage(browser, { timezoneId, ...options });
  opened.push(page);
  await page.clock.install({ time: NOW });
  return page;
}

/** The listener-time text of the first airing starting at `iso`. */
function localTimeOf(page: Page, iso: string): Promise<string> {
  return page.locator(`.slot[data-start="${iso}"] .slot__local`).first().innerText();
}

describe('the programs pages in a browser', () => {
  it('pass axe on desktop and phone, and the Nu HTML Checker', async () => {
    for (const viewport of [undefined, PHONE]) {
      const page = await pageIn('Asia/Jakarta', { viewport, bypassCSP: true });
      for (const path of PAGES) {
        await page.goto(baseUrl + path);
        const violations = await runAxe(page);
        assert.equal(violations.length, 0, formatViolations(violations, `${path} (${viewport ? 'phone' : 'desktop'})`));
      }
    }
    const errors = await validatePages(baseUrl, PAGES);
    assert.equal(errors.length, 0, formatHtmlErrors(errors));
  });

  it('the newsroom picks page passes axe and the Nu HTML Checker', async () => {
    const editor = await signedIn(t, 'editor');
    const documents = await fetchAs(editor, baseUrl, ['/newsroom/radio/picks', '/newsroom/radio/picks?edition=ar']);
    const errors = await validateHtml(documents);
    assert.equal(errors.length, 0, formatHtmlErrors(errors));
    const page = await pageIn('Asia/Jakarta', { bypassCSP: true });
    await page.context().setExtraHTTPHeaders({ cookie: editor.cookie });
    await page.goto(`${baseUrl}/newsroom/radio/picks`);
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatViolations(violations, '/newsroom/radio/picks'));
  });

  it('shows New York times across the end of daylight saving, with station time beside them', async () => {
    const page = await pageIn('America/New_York');
    const problems = await watchProblems(page);
    await page.goto(`${baseUrl}/en/programs/schedule`);
    await page.locator('.slot__local').first().waitFor();
    assert.match(
      await page.locator('.schedule__zone').innerText(),
      /your time zone \(America\/New_York\), with station time \(Western Indonesia Time\)/,
    );
    // Sunday 1 November 06:00 Jakarta = Saturday 31 October 19:00 in New York (daylight time, UTC−4).
    assert.equal(await localTimeOf(page, '2026-10-31T23:00:00.000Z'), 'Sat 19:00–21:00');
    // Monday 2 November 06:00 Jakarta = Sunday 1 November 18:00 (standard time again, UTC−5).
    assert.equal(await localTimeOf(page, '2026-11-01T23:00:00.000Z'), 'Sun 18:00–21:00');
    // The station's own time stays beside it.
    const station = page.locator('.slot[data-start="2026-11-01T23:00:00.000Z"] .slot__station').first();
    assert.equal(await station.innerText(), '06:00–09:00');
    assert.deepEqual(problems, []);
  });

  it('shows Tokyo times (same day as the station: no weekday), in Arabic too', async () => {
    const page = await pageIn('Asia/Tokyo');
    await page.goto(`${baseUrl}/en/programs/schedule`);
    await page.locator('.slot__local').first().waitFor();
    assert.equal(await localTimeOf(page, '2026-11-01T23:00:00.000Z'), '08:00–11:00');
    // Saturday 22:00 Jakarta = Sunday 00:00 in Tokyo: the day differs, so the weekday is named.
    assert.equal(await localTimeOf(page, '2026-10-31T15:00:00.000Z'), 'Sun 00:00–03:00');
    await page.goto(`${baseUrl}/ar/programs/schedule`);
    await page.locator('.slot__local').first().waitFor();
    assert.match(await localTimeOf(page, '2026-11-01T23:00:00.000Z'), /^08:00–11:00$/);
    assert.match(await page.locator('.schedule__zone').innerText(), /Asia\/Tokyo/);
  });

  it('adds nothing in the station’s own zone, and moves the "on air now" mark with the clock', async () => {
    const page = await pageIn('Asia/Jakarta');
    await page.goto(`${baseUrl}/en/programs/schedule`);
    assert.equal(await page.locator('.slot__local').count(), 0);
    const onAir = page.locator('.slot--on-air');
    assert.equal(await onAir.count(), 2, 'today’s list and the week');
    assert.equal(await onAir.first().getAttribute('data-start'), '2026-10-31T15:00:00.000Z');
    assert.match(await onAir.first().innerText(), /On air now/);
    // Three hours later (01:30 in Jakarta) nothing is on air: the marks go without a reload.
    await page.clock.runFor(3 * 3_600_000);
    await page.waitForFunction(() => document.querySelectorAll('.slot--on-air, .slot__badge--on-air').length === 0, {
      timeout: 10_000,
    });
  });
});
