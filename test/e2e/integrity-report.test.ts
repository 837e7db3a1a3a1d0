// The public reporting channel in a real browser: a report sent with JavaScript on (the page's
// script solves the proof-of-work) and one with JavaScript off (the form is refused when sent
// at once, kept filled in, and taken after the wait: shortened for this test through the app's
// channel tuning, and really waited); the receipt, the code lookup and the report with an
// officer's reply; zero axe-core violations (WCAG 2.2 AA) and zero Nu HTML Checker errors on the
// form, the receipt and the status page in English and Arabic. Screenshots at 390 and 1280 px go
// to WARTA_SCREENSHOTS when it is set (to look at, not kept).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DESKTOP, PHONE, closeBrowser, formatViolations, launchBrowser, openPage, runAxe } from '../helpers/browser.ts';
import { serveOnLoopback, signedIn } from '../helpers/newsroom.ts';
import { formatHtmlErrors, validateHtml } from '../helpers/vnu.ts';
import type { WriteContext } from '../../src/core/events/index.ts';
import { tuneChannel } from '../../src/integrity/channel/tuning.ts';
import { jpegWithGps, pdf } from '../../src/integrity/evidence/test-fixtures.ts';
import { replyToReporter } from '../../src/integrity/reports/index.ts';
import { reportVault } from '../../src/integrity/vault.ts';

/** The no-JavaScript wait in this test: short, but waited for real. */
const WAIT_MS = 4000;

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let officer: WriteContext;
/** Raw HTML of each page as the server sent it, for the Nu HTML Checker. */
const documents: { url: string; html: string }[] = [];
const shots = process.env.WARTA_SCREENSHOTS;

before(async () => {
  t = await createTestApp();
  tuneChannel(t.app.ctx, { noScriptWaitMs: WAIT_MS });
  officer = { ...t.app.ctx.writer, actorId: (await signedIn(t, 'integrity_officer')).user.id };
  baseUrl = await serveOnLoopback(t);
  browser = await launchBrowser();
});
after(async () => {
  await closeBrowser(browser);
  await t.close();
});

/**
 * Checks a page as the server sent it: kept for the Nu HTML Checker, and written into a page of
 * its own with JavaScript on (axe runs as a script, and the no-JavaScript pages have none) at
 * the site's address, so its stylesheet loads; axe at a phone's and a laptop's width.
 */
async function checkPage(page: Page, name: string, html: string): Promise<void> {
  documents.push({ url: `${page.url()} (${name})`, html });
  const viewer = await openPage(browser, { bypassCSP: true });
  try {
    await viewer.goto(`${baseUrl}/en/integrity/report/status`);
    await viewer.setContent(html, { waitUntil: 'load' });
    for (const viewport of [PHONE, DESKTOP]) {
      await viewer.setViewportSize(viewport);
      const violations = await runAxe(viewer);
      assert.equal(violations.length, 0, formatViolations(violations, `${name} at ${viewport.width}px`));
      if (shots)
        await viewer.screenshot({ path: path.join(shots, `report-${name}-${viewport.width}.png`), fullPage: true });
    }
  } finally {
    await viewer.context().close();
  }
}

/** Sends the page's form and answers the raw HTML of the POST's response. */
async function submit(page: Page, button: string): Promise<string> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: button }).click(),
  ]);
  await page.waitForLoadState();
  return response.text();
}

async function latestPublicId(): Promise<string> {
  const row = await t.db
    .selectFrom('integrity_reports')
    .select('public_id')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return row.public_id;
}

describe('the reporting channel in a browser', { timeout: 300_000 }, () => {
  it('sends a report with JavaScript on, then opens it by its code', { timeout: 120_000 }, async () => {
    const page = await openPage(browser);
    try {
      const form = await page.goto(`${baseUrl}/en/integrity/report`);
      await checkPage(page, 'form-en', await form!.text());
      await page.getByLabel('Whistleblowing (misconduct, corruption)').check();
      await page.getByLabel('What happened?').fill('The head of unit asked for a fee to sign a licence.');
      await page.getByLabel('Where?').fill('Licensing unit');
      await page.getByLabel('Evidence').setInputFiles([
        { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps() },
        { name: 'letter.pdf', mimeType: 'application/pdf', buffer: pdf('letter') },
      ]);
      // The script solves the challenge by itself.
      await page.waitForFunction(
        () => document.querySelector<HTMLInputElement>('input[name="pow_number"]')?.value !== '',
      );
      const receipt = await submit(page, 'Send report');
      await page.getByRole('heading', { name: 'Your report has been sent' }).waitFor();
      await page.getByText('Save this code now. It cannot be shown again.').waitFor();
      assert.equal(page.url(), `${baseUrl}/en/integrity/report`, 'no redirect, no code in the address');
      const code = (await page.locator('#report-code').textContent())!.trim();
      assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
      assert.ok(await page.getByRole('button', { name: 'Copy code' }).isVisible(), 'the script offers to copy');
      await checkPage(page, 'receipt-en', receipt);

      await replyToReporter(officer, reportVault(t.app.ctx), await latestPublicId(), 'Which licence was it?');
      const lookup = await page.goto(`${baseUrl}/en/integrity/report/status`);
      await checkPage(page, 'lookup-en', await lookup!.text());
      await page.getByLabel('Receipt code').fill(code.toLowerCase());
      const status = await submit(page, 'Open report');
      await page.getByText('Which licence was it?').waitFor();
      await page.getByText('photo.jpg').waitFor();
      assert.equal(page.url(), `${baseUrl}/en/integrity/report/status`);
      await checkPage(page, 'status-en', status);
    } finally {
      await page.context().close();
    }
  });

  it('takes the form without JavaScript after the wait, keeping it filled in', { timeout: 120_000 }, async () => {
    const page = await openPage(browser, { javaScriptEnabled: false });
    try {
      const form = await page.goto(`${baseUrl}/ar/integrity/report`);
      await checkPage(page, 'form-ar', await form!.text());
      // A fresh form, sent at once: its wait has not passed.
      await page.goto(`${baseUrl}/ar/integrity/report`);
      const what = 'طلب موظف الشباك مبلغًا إضافيًا لتسريع المعاملة.';
      await page.getByLabel('شكوى بشأن خدمة عامة').check();
      await page.getByLabel('ماذا حدث؟').fill(what);
      const early = await submit(page, 'إرسال البلاغ');
      await page.getByText('أُرسل النموذج بسرعة لا يقبلها فحص الحماية').first().waitFor();
      assert.equal(await page.getByLabel('ماذا حدث؟').inputValue(), what, 'the text is kept');
      assert.ok(await page.getByLabel('شكوى بشأن خدمة عامة').isChecked());
      await checkPage(page, 'too-fast-ar', early);

      await page.waitForTimeout(WAIT_MS);
      const receipt = await submit(page, 'إرسال البلاغ');
      await page.getByRole('heading', { name: 'أُرسل بلاغكم' }).waitFor();
      const code = (await page.locator('#report-code').textContent())!.trim();
      await checkPage(page, 'receipt-ar', receipt);

      await page.goto(`${baseUrl}/ar/integrity/report/status`);
      await page.getByLabel('رمز الإيصال').fill(code);
      const status = await submit(page, 'فتح البلاغ');
      await page.getByText(what).waitFor();
      await checkPage(page, 'status-ar', status);

      await page.getByLabel('رسالتكم').fill('كان ذلك يوم الثلاثاء.');
      const added = await submit(page, 'إرسال');
      await page.getByText('أُضيفت رسالتكم إلى البلاغ.').waitFor();
      await checkPage(page, 'message-ar', added);
    } finally {
      await page.context().close();
    }
  });

  it('finds no Nu HTML Checker error on any page the browser saw', { timeout: 200_000 }, async () => {
    assert.ok(documents.length >= 9);
    const errors = await validateHtml(documents);
    assert.equal(errors.length, 0, formatHtmlErrors(errors));
  });
});
