// Scheduled times in the editor's own time zone: in Chromium set to Asia/Tokyo while the site runs
// on the tests' zone (Asia/Jakarta), the article form's and the banner form's time fields get a polite line with the time
// in Tokyo, and the listed scheduled times (article list, dashboard, banners) a title with it.
// In the site's own zone nothing is added. The script reads a site-zone wall time as the server
// does, daylight-saving switches included (checked against the server's reading below).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { instantOfWallTime, shortTime } from '../../client/newsroom/local-time.ts';
import { raiseBanner } from '../../src/banner/index.ts';
import { fromLocalInput, toLocalInput } from '../../src/newsroom/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { closeBrowser, launchBrowser, openPage, runAxe, formatViolations } from '../helpers/browser.ts';
import { makeArticle } from '../helpers/factories.ts';
import { browseAs, serveOnLoopback, signedIn, watchProblems, type SignedIn } from '../helpers/newsroom.ts';

/** The app's clock: two hours before the scheduled minute below. */
const NOW = new Date('2026-12-01T04:00:00.000Z');
/** A scheduled minute: 15:05 in Tokyo (UTC+9), whatever the site's zone. */
const DUE = new Date('2026-12-01T06:05:00.000Z');
const IN_TOKYO = '15:05 Tue 1 Dec in your time zone (Asia/Tokyo)';
const HEADLINE = 'Ferry timetable changes for the holidays';

let t: TestApp;
let browser: Browser;
let baseUrl = '';
/** The site's zone, and a time as a datetime-local field there holds it. */
let zone = '';
const wallTime = (iso: string) => toLocalInput(new Date(iso), zone);
let editor: SignedIn;
const pages: Page[] = [];

before(
  async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser()]);
    zone = t.config.timezone;
    assert.notEqual(zone, 'Asia/Tokyo', 'the browser is in another zone than the site');
    t.setNow(NOW);
    editor = await signedIn(t, 'editor', ['en']);
    await makeArticle(t.db, { title: HEADLINE, published_at: DUE.toISOString() });
    await raiseBanner(
      { ...t.app.ctx.writer, now: () => NOW },
      { edition: 'en', text: 'Storm warning for the coast', expires: 'at', until: wallTime(DUE.toISOString()) },
      { timezone: t.config.timezone, createdBy: editor.user.id },
    );
    baseUrl = await serveOnLoopback(t);
  },
  { timeout: 120_000 },
);

after(async () => {
  await closeBrowser(browser, pages);
  await t?.close();
});

/** A newsroom page as `editor`, in a browser set to `timezoneId`. */
async function open(path: string, timezoneId: string, options: { bypassCSP?: boolean } = {}) {
  const page = await openPage(browser, { timezoneId, ...options });
  pages.push(page);
  await browseAs(page.context(), editor);
  const problems = await watchProblems(page);
  const response = await page.goto(baseUrl + path);
  assert.equal(response?.status(), 200, path);
  return { page, problems };
}

describe('times in the editor’s own time zone', { timeout: 120_000 }, () => {
  it('shows the Tokyo time beside the publish field, updated when the value changes', async () => {
    const { page, problems } = await open('/newsroom/articles/new?edition=en', 'Asia/Tokyo');
    const field = page.getByLabel('Publish at');
    const line = page.locator('#publishAt-local-time');
    assert.equal(await line.textContent(), '', 'no text while the field is empty');
    assert.equal(await line.getAttribute('aria-live'), 'polite');
    await field.fill(wallTime(DUE.toISOString()));
    await line.filter({ hasText: `= ${IN_TOKYO}` }).waitFor();
    assert.equal(await line.textContent(), `= ${IN_TOKYO}`);
    // The field's description names it, so a screen reader hears it on the field too.
    assert.match((await field.getAttribute('aria-describedby')) ?? '', /^publish-hint publishAt-local-time$/);
    await field.fill(wallTime('2026-12-31T23:30:00Z'));
    await line.filter({ hasText: '08:30 Fri 1 Jan' }).waitFor();
    await field.fill('');
    await page.waitForFunction(() => document.getElementById('publishAt-local-time')?.textContent === '');
    // The unpublish field has its own line.
    await page.getByLabel('Take off the site at').fill(wallTime('2026-12-02T00:00:00Z'));
    await page.locator('#unpublishAt-local-time').filter({ hasText: '= 09:00 Wed 2 Dec in your time zone' }).waitFor();
    assert.deepEqual(problems, []);
  });

  it('adds nothing when the browser is in the site’s zone', async () => {
    const { page, problems } = await open('/newsroom/articles/new?edition=en', zone);
    await page.getByLabel('Publish at').fill(wallTime(DUE.toISOString()));
    await page.getByLabel('Publish at').blur();
    assert.equal(await page.locator('.nr-local-time').count(), 0);
    assert.equal(await page.getByLabel('Publish at').getAttribute('aria-describedby'), 'publish-hint');
    assert.deepEqual(problems, []);
  });

  it('titles the scheduled times of the article list and the dashboard, and the banners’ expiry', async () => {
    const list = await open('/newsroom/articles', 'Asia/Tokyo');
    const row = list.page.getByRole('row').filter({ hasText: HEADLINE });
    const scheduled = row.locator('td[data-label="Status"] time');
    assert.equal(await scheduled.getAttribute('datetime'), DUE.toISOString());
    const inSiteZone = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
    assert.equal(await scheduled.textContent(), inSiteZone.format(DUE), 'the server’s text stays in the site zone');
    await list.page.waitForFunction((time) => time?.getAttribute('title') !== null, await scheduled.elementHandle());
    assert.equal(await scheduled.getAttribute('title'), IN_TOKYO);
    await list.page.getByText(`Times are in the site time zone, ${zone}.`).waitFor();

    const dashboard = await open('/newsroom', 'Asia/Tokyo');
    const queued = dashboard.page
      .getByRole('region', { name: 'Scheduled', exact: true })
      .locator(`time[datetime="${DUE.toISOString()}"]`);
    await dashboard.page.waitForFunction((time) => time?.getAttribute('title') !== null, await queued.elementHandle());
    assert.equal(await queued.getAttribute('title'), IN_TOKYO);

    const banners = await open('/newsroom/banner', 'Asia/Tokyo');
    const expiries = banners.page.locator(`time[datetime="${DUE.toISOString()}"]`);
    assert.equal(await expiries.count(), 2, 'the live banner and the recent list');
    await banners.page.waitForFunction(() =>
      [...document.querySelectorAll('time[data-local-title]')].every((time) => time.hasAttribute('title')),
    );
    assert.deepEqual(await expiries.evaluateAll((times) => times.map((time) => time.getAttribute('title'))), [
      IN_TOKYO,
      IN_TOKYO,
    ]);
    // The expiry field has its line too.
    await banners.page.getByLabel('Expiry time').fill(wallTime(DUE.toISOString()));
    await banners.page
      .locator('#banner-until-local-time')
      .filter({ hasText: `= ${IN_TOKYO}` })
      .waitFor();
    assert.deepEqual([...list.problems, ...dashboard.problems, ...banners.problems], []);
  });

  it('keeps the article form free of accessibility violations with the line shown', async () => {
    const { page } = await open('/newsroom/articles/new?edition=en', 'Asia/Tokyo', { bypassCSP: true });
    await page.getByLabel('Publish at').fill(wallTime(DUE.toISOString()));
    await page.locator('#publishAt-local-time').filter({ hasText: IN_TOKYO }).waitFor();
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatViolations(violations));
  });
});

describe('reading a site-zone time as the server does', () => {
  it('gives the server’s instant for every quarter hour around daylight-saving switches', () => {
    const days: [string, string][] = [
      ['America/New_York', '2026-03-08'],
      ['America/New_York', '2026-11-01'],
      ['Europe/London', '2026-03-29'],
      ['Europe/London', '2026-10-25'],
      ['Australia/Lord_Howe', '2026-04-05'],
      ['Australia/Lord_Howe', '2026-10-04'],
      ['Pacific/Chatham', '2026-04-05'],
      ['America/St_Johns', '2026-03-08'],
      ['Asia/Kolkata', '2026-12-01'],
      ['UTC', '2026-12-01'],
      ['Asia/Jakarta', '2026-12-01'],
    ];
    for (const [zone, day] of days) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const value = `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        assert.equal(
          instantOfWallTime(value, zone)?.toISOString(),
          fromLocalInput(value, zone)?.toISOString(),
          `${value} in ${zone}`,
        );
      }
    }
    assert.equal(instantOfWallTime('2026-12-01 06:05', 'UTC'), undefined, 'not a datetime-local value');
    assert.equal(instantOfWallTime('2026-12-01T06:05', 'Not/A_Zone'), undefined);
  });

  it('writes the time as "15:05 Tue 1 Dec"', () => {
    assert.equal(shortTime(DUE, 'Asia/Tokyo'), '15:05 Tue 1 Dec');
    assert.equal(shortTime(new Date('2026-07-04T00:30:00Z'), 'America/New_York'), '20:30 Fri 3 Jul');
  });
});
