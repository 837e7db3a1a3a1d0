// The integrity officers' inbox in a real browser: zero axe-core violations (WCAG 2.2 AA) and zero
// Nu HTML Checker errors on the list (with reports, filtered to nothing), a report's page (with
// evidence, a thread of every kind, right-to-left text) and a refused form, at 1280 and 390 px
// without sideways scrolling; no script error or CSP violation. Screenshots go to
// WARTA_SCREENSHOTS when it is set (to look at, not kept).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DESKTOP, PHONE, closeBrowser, formatViolations, launchBrowser, openPage, runAxe } from '../helpers/browser.ts';
import {
  fetchAs,
  postForm,
  serveOnLoopback,
  signedIn,
  STAFF_PASSWORD,
  staffWithPassword,
  watchProblems,
  type SignedIn,
} from '../helpers/newsroom.ts';
import { formatHtmlErrors, validateHtml } from '../helpers/vnu.ts';
import { jpegWithGps, pdf } from '../../src/integrity/evidence/test-fixtures.ts';
import { addReporterMessage, submitReport } from '../../src/integrity/reports/index.ts';
import { reportVault } from '../../src/integrity/vault.ts';

const BASE = '/newsroom/integrity/reports';

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let officer: SignedIn;
let officerEmail: string;
let busy: string;
let quiet: string;

before(async () => {
  t = await createTestApp();
  const vault = reportVault(t.app.ctx);
  officer = await signedIn(t, 'integrity_officer', []);
  officerEmail = (await staffWithPassword(t, 'integrity_officer', 'Ina Pratiwi')).email;
  const colleague = await signedIn(t, 'integrity_officer', []);
  quiet = (
    await submitReport(t.app.ctx.writer, vault, {
      edition: 'en',
      form: { kind: 'complaint', what: 'The service counter closed two hours early without notice.' },
      files: [],
    })
  ).publicId;
  const busyReport = await submitReport(t.app.ctx.writer, vault, {
    edition: 'ar',
    form: {
      kind: 'whistleblowing',
      what: 'طلب موظف في قسم التراخيص مبلغًا إضافيًا لتسريع المعاملة.\nThe amount was written on a sticky note: https://example.org/a-very-long-address-that-must-wrap-on-a-phone-screen',
      when: 'Monday 2 March 2026, around 10:00',
      where: 'Licensing office, second floor',
      who: 'A section head',
      name: 'Siti Rahmawati',
      email: 'siti.rahmawati.reporter@example.id',
      phone: '+62 812 5555 0101',
    },
    files: [
      { name: 'IMG_20260302_101500.jpg', bytes: await jpegWithGps() },
      { name: 'ledger-of-fees-kept-by-the-desk-2026.pdf', bytes: pdf('ledger') },
    ],
  });
  busy = busyReport.publicId;
  await postForm(t, officer, `${BASE}/${busy}/assign`, { assignee: String(colleague.user.id) });
  await postForm(t, officer, `${BASE}/${busy}/note`, { text: 'Internal: the desk was moved last month.' });
  await postForm(t, officer, `${BASE}/${busy}/reply`, { text: 'Thank you. Could you send a photo of the note?' });
  await addReporterMessage(t.app.ctx.writer, vault, busyReport.receiptCode, {
    text: 'Here it is.',
    files: [{ name: 'note.pdf', bytes: pdf('note') }],
  });
  await postForm(t, officer, `${BASE}/${busy}/move`, { status: 'verified' });
  await postForm(t, officer, `${BASE}/${busy}/move`, { status: 'closed', reason: 'Handed to the inspectorate.' });
  baseUrl = await serveOnLoopback(t);
  browser = await launchBrowser();
});
after(async () => {
  await closeBrowser(browser);
  await t.close();
});

const PAGES = () => [
  BASE,
  `${BASE}?kind=gratification&status=closed&assigned=me`,
  `${BASE}/${busy}`,
  `${BASE}/${quiet}`,
];

async function open(viewport: { width: number; height: number }): Promise<{ page: Page; problems: string[] }> {
  const page = await openPage(browser, {
    viewport,
    bypassCSP: true,
    ...(viewport.width < 600 ? { isMobile: true, hasTouch: true } : {}),
  });
  // A refused form answers 400, which the browser reports on its console.
  const problems = await watchProblems(page, [/status of 400/]);
  // Signed in through the form, as an officer would (they have no dashboard: straight to the inbox).
  await page.goto(`${baseUrl}/newsroom/sign-in?next=${encodeURIComponent(BASE)}`);
  await page.getByRole('textbox', { name: 'E-mail address' }).fill(officerEmail);
  await page.getByLabel('Password', { exact: true }).fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${baseUrl}${BASE}`);
  return { page, problems };
}

async function check(page: Page, where: string): Promise<void> {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, formatViolations(violations, where));
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(sideways <= 0, `${where} scrolls sideways by ${sideways}px`);
}

async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.WARTA_SCREENSHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

describe('integrity inbox: axe-core, WCAG 2.2 AA, no sideways scroll', { timeout: 300_000 }, () => {
  for (const viewport of [DESKTOP, PHONE])
    it(`the pages at ${viewport.width}px`, { timeout: 150_000 }, async () => {
      const { page, problems } = await open(viewport);
      try {
        for (const url of PAGES()) {
          const response = await page.goto(baseUrl + url);
          assert.equal(response?.status(), 200, url);
          await check(page, `${url} at ${viewport.width}px`);
        }
        await page.goto(`${baseUrl}${BASE}`);
        await shoot(page, `inbox-list-${viewport.width}`);
        await page.goto(`${baseUrl}${BASE}/${busy}`);
        await shoot(page, `inbox-report-${viewport.width}`);

        // A refused form: its problem beside the field, announced, the text kept.
        await page.goto(`${baseUrl}${BASE}/${quiet}`);
        await page.getByLabel('New status').selectOption('closed');
        await page.getByRole('button', { name: 'Change the status' }).click();
        await page.getByText('Give a reason for closing or reopening the report.').first().waitFor();
        assert.equal(await page.getByLabel('New status').inputValue(), 'closed', 'the choice is kept');
        await check(page, `a refused status change at ${viewport.width}px`);
        await shoot(page, `inbox-refused-${viewport.width}`);
        assert.deepEqual(problems, []);
      } finally {
        await page.context().close();
      }
    });
});

describe('integrity inbox: Nu HTML Checker', { timeout: 240_000 }, () => {
  it('finds no error on the list, the reports and a refused form', { timeout: 200_000 }, async () => {
    const refused = await postForm(t, officer, `${BASE}/${quiet}/reply`, { text: '' });
    assert.equal(refused.statusCode, 400);
    const errors = await validateHtml([
      ...(await fetchAs(officer, baseUrl, PAGES())),
      { url: `${BASE}/${quiet}/reply (refused)`, html: refused.body },
    ]);
    assert.equal(errors.length, 0, formatHtmlErrors(errors));
  });
});

describe('integrity inbox: working a report in the browser', { timeout: 120_000 }, () => {
  it('filters the list, opens a report, adds a note and sees it marked internal', { timeout: 60_000 }, async () => {
    const { page, problems } = await open(DESKTOP);
    try {
      await page.goto(`${baseUrl}${BASE}`);
      await page.getByLabel('Type').selectOption('complaint');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/kind=complaint/);
      await page.getByRole('link', { name: quiet }).click();
      await page.getByRole('heading', { name: `Report ${quiet}` }).waitFor();
      await page.getByRole('textbox', { name: 'Note' }).fill('Called the branch: counter hours confirmed.');
      await page.getByRole('button', { name: 'Add the note' }).click();
      await page.getByText('The note is added.').waitFor();
      const note = page.locator('.nr-inbox-entry-note').last();
      assert.match(await note.innerText(), /Internal: never shown to the reporter/);
      assert.match(await note.innerText(), /counter hours confirmed/);
      assert.deepEqual(problems, []);
    } finally {
      await page.context().close();
    }
  });
});
