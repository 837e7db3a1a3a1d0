// The satisfaction survey in a real browser: zero axe-core violations (WCAG 2.2 AA) and zero Nu
// HTML Checker errors on the form (empty and refused), the thank-you page, the "already answered"
// page and the results (with the demo's four quarters, and empty), in English and Arabic, and on
// the newsroom's survey page (with elements, and the one-click start). The form is answered with
// the keyboard-operable radios as a reader would. Screenshots go to WARTA_SCREENSHOTS when it is set.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DESKTOP, PHONE, closeBrowser, formatViolations, launchBrowser, openPage, runAxe } from '../helpers/browser.ts';
import { browseAs, fetchAs, serveOnLoopback, signedIn, type SignedIn } from '../helpers/newsroom.ts';
import { formatHtmlErrors, validateHtml } from '../helpers/vnu.ts';
import { seedDemoSurvey } from '../../src/integrity/survey/demo.ts';
import { listActiveElements } from '../../src/integrity/survey/queries.ts';
import { quarterOf } from '../../src/integrity/survey/quarter.ts';

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let officer: SignedIn;

before(async () => {
  t = await createTestApp();
  await seedDemoSurvey(t.app.ctx.writer, { now: new Date(), timezone: t.app.ctx.settings.timezone });
  // Indonesian starts empty, for the newsroom's one-click start and the empty results.
  await t.db.deleteFrom('survey_responses').where('edition', '=', 'id').execute();
  await t.db.deleteFrom('survey_elements').where('edition', '=', 'id').execute();
  t.app.ctx.pageCache.purge('all');
  officer = await signedIn(t, 'integrity_officer', []);
  baseUrl = await serveOnLoopback(t);
  browser = await launchBrowser();
});
after(async () => {
  await closeBrowser(browser);
  await t.close();
});

const shots = process.env.WARTA_SCREENSHOTS;

async function withPage<T>(viewport: { width: number; height: number }, run: (page: Page) => Promise<T>): Promise<T> {
  const page = await openPage(browser, {
    viewport,
    bypassCSP: true,
    ...(viewport.width < 600 ? { isMobile: true, hasTouch: true } : {}),
  });
  try {
    return await run(page);
  } finally {
    await page.context().close();
  }
}

async function assertAxe(page: Page, where: string): Promise<void> {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, formatViolations(violations, where));
}

async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** Answers every question with the keyboard: focus the group's first radio, arrow to the score. */
async function answerAll(page: Page, arrows: number): Promise<void> {
  const groups = await page.locator('fieldset.survey-q').count();
  for (let i = 0; i < groups; i++) {
    await page.locator('fieldset.survey-q').nth(i).locator('input[type="radio"]').first().focus();
    await page.keyboard.press('Space');
    for (let k = 0; k < arrows; k++)
      await page.keyboard.press(page.url().includes('/ar/') ? 'ArrowLeft' : 'ArrowRight');
  }
}

for (const edition of ['en', 'ar'] as const) {
  describe(`the survey in ${edition}: axe-core, WCAG 2.2 AA`, { timeout: 300_000 }, () => {
    for (const viewport of [DESKTOP, PHONE])
      it(
        `form, refused form, thank-you, already answered and results at ${viewport.width}px`,
        { timeout: 120_000 },
        () =>
          withPage(viewport, async (page) => {
            const tag = `${edition}-${viewport.width}`;
            const response = await page.goto(`${baseUrl}/${edition}/integrity/survey`);
            assert.equal(response?.status(), 200);
            assert.equal(await page.locator('html').getAttribute('dir'), edition === 'ar' ? 'rtl' : 'ltr');
            await assertAxe(page, `the form (${tag})`);
            await shot(page, `survey-form-${tag}`);

            // Sent with nothing chosen (the browser's own check switched off): the server's answer.
            await page.locator('form.survey__form').evaluate((form) => ((form as HTMLFormElement).noValidate = true));
            await page.locator('.survey__submit').click();
            await page.locator('#survey-problems').waitFor();
            await assertAxe(page, `the refused form (${tag})`);
            await shot(page, `survey-refused-${tag}`);

            await answerAll(page, 2);
            const checked = await page
              .locator('input[type="radio"]:checked')
              .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
            assert.ok(checked.length >= 9 && checked.every((v) => v === '3'), checked.join(','));
            await page.locator('#survey-comment').fill(edition === 'ar' ? 'خدمة ممتازة' : 'Quick and friendly.');
            await page.locator('.survey__submit').click();
            await page.locator('.survey-done h1').waitFor();
            assert.ok(page.url().endsWith(`/${edition}/integrity/survey`));
            await assertAxe(page, `the thank-you page (${tag})`);
            await shot(page, `survey-thanks-${tag}`);

            // The cookie came back with the form: this browser has answered this quarter.
            await page.goto(`${baseUrl}/${edition}/integrity/survey`);
            assert.equal(await page.locator('fieldset').count(), 0);
            await assertAxe(page, `the already-answered page (${tag})`);

            await page.goto(`${baseUrl}/${edition}/integrity/survey/results`);
            assert.equal(await page.locator('.survey-chart .survey-chart__bar').count(), 4);
            await assertAxe(page, `the results (${tag})`);
            await shot(page, `survey-results-${tag}`);
          }),
      );
  });
}

describe('the survey: empty results and the newsroom, axe-core', { timeout: 300_000 }, () => {
  for (const viewport of [DESKTOP, PHONE])
    it(`at ${viewport.width}px`, { timeout: 120_000 }, () =>
      withPage(viewport, async (page) => {
        await page.goto(`${baseUrl}/id/integrity/survey/results`);
        await assertAxe(page, 'the empty results');
        await browseAs(page.context(), officer);
        for (const url of ['/newsroom/integrity/survey?edition=en', '/newsroom/integrity/survey?edition=id']) {
          const response = await page.goto(baseUrl + url);
          assert.equal(response?.status(), 200, url);
          await assertAxe(page, url);
          await shot(page, `survey-newsroom-${url.slice(-2)}-${viewport.width}`);
        }
      }),
    );
});

describe('the survey: Nu HTML Checker', { timeout: 240_000 }, () => {
  it('finds no error on any of its pages', { timeout: 200_000 }, async () => {
    const documents = [
      ...(await fetchAs(null, baseUrl, [
        '/id/integrity/survey',
        '/id/integrity/survey/results',
        ...['en', 'ar'].flatMap((e) => [`/${e}/integrity/survey/results`]),
      ])),
      ...(await fetchAs(officer, baseUrl, [
        '/newsroom/integrity/survey?edition=en',
        '/newsroom/integrity/survey?edition=id',
      ])),
    ];
    // The form and its answers are private pages: fetched here, with and without a cookie.
    const period = quarterOf(new Date(), t.app.ctx.settings.timezone);
    for (const edition of ['en', 'ar']) {
      const url = `/${edition}/integrity/survey`;
      const elements = await listActiveElements(t.db, edition);
      const fields = new URLSearchParams(elements.map((e) => [`score-${e.id}`, '4']));
      const cookie = `warta_survey=${encodeURIComponent(t.signCookie(`${edition}:${period}`))}`;
      const pages = {
        form: await t.app.inject({ url }),
        refused: await t.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'comment=nothing+chosen',
        }),
        thanks: await t.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: fields.toString(),
        }),
        already: await t.app.inject({ url, headers: { cookie } }),
      };
      assert.equal(pages.refused.statusCode, 400);
      assert.equal(pages.thanks.statusCode, 200);
      for (const [name, response] of Object.entries(pages))
        documents.push({ url: `${baseUrl}${url}#${name}`, html: response.body });
    }
    const errors = await validateHtml(documents);
    assert.equal(errors.length, 0, formatHtmlErrors(errors));
  });
});
