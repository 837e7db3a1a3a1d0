// The newsroom's redirects pages in a real browser: zero axe-core violations (WCAG 2.2 AA) at
// laptop and phone widths and zero Nu HTML Checker errors, with rows, a tested address and a
// refused form on screen.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { toDbTime } from '../../src/core/db/dialect.ts';
import { addK2Site, linkK2 } from '../../src/redirects/test-fixture.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { closeBrowser, DESKTOP, formatViolations, launchBrowser, openPage, PHONE, runAxe } from '../helpers/browser.ts';
import { makeArticle } from '../helpers/factories.ts';
import { browseAs, fetchAs, serveOnLoopback, signedIn, type SignedIn } from '../helpers/newsroom.ts';
import { formatHtmlErrors, validateHtml } from '../helpers/vnu.ts';

describe('newsroom redirects: axe and the Nu HTML Checker', { timeout: 300_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let editor: SignedIn;
  let redirectId: number;

  before(async () => {
    t = await createTestApp();
    editor = await signedIn(t, 'editor');
    const story = await makeArticle(t.db, { edition: 'id', title: 'Harga beras naik' });
    await addK2Site(t.app.ctx.writer, 'id', 'https://old.example/indonesian');
    await linkK2(t.db, { edition: 'id', kind: 'item', sourceId: 5, targetId: story.id });
    const at = toDbTime(new Date());
    const rows = Array.from({ length: 60 }, (_, i) => ({
      from_path: `/2019/05/a-rather-long-old-wordpress-permalink-number-${i}-with-words?p=${i + 1}`,
      to_path: `/id/news/${story.id}/${story.slug}`,
      edition: 'id',
      origin: (i % 3 === 0 ? 'manual' : i % 3 === 1 ? 'k2' : 'wxr') as 'manual' | 'k2' | 'wxr',
      created_by: null,
      created_at: at,
      updated_at: at,
    }));
    await t.db.insertInto('redirects').values(rows).execute();
    redirectId = (await t.db.selectFrom('redirects').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    baseUrl = await serveOnLoopback(t);
    browser = await launchBrowser();
  });

  after(async () => {
    await closeBrowser(browser);
    await t.close();
  });

  const PATHS = () => [
    `/newsroom/redirects?test=${encodeURIComponent('/indonesian/index.php/component/k2/item/5-harga?start=10')}`,
    '/newsroom/redirects?q=nothing-matches-this',
    `/newsroom/redirects/${redirectId}`,
  ];

  for (const viewport of [DESKTOP, PHONE]) {
    it(`has no axe violations at ${viewport.width}px, a refused form included`, async () => {
      const mobile = viewport.width < 600 ? { isMobile: true, hasTouch: true } : {};
      const page = await openPage(browser, { viewport, bypassCSP: true, ...mobile });
      try {
        await browseAs(page.context(), editor);
        for (const path of PATHS()) {
          const response = await page.goto(baseUrl + path);
          assert.equal(response?.status(), 200, path);
          const violations = await runAxe(page);
          assert.equal(violations.length, 0, formatViolations(violations, `${path} at ${viewport.width}px`));
        }
        await page.goto(`${baseUrl}/newsroom/redirects`);
        await page.getByLabel('Old address', { exact: true }).fill('no-slash');
        await page.getByLabel('New address', { exact: true }).fill('https://other.example/x');
        await page.getByRole('button', { name: 'Add the redirect' }).click();
        await page.getByRole('alert').waitFor();
        const violations = await runAxe(page);
        assert.equal(violations.length, 0, formatViolations(violations, `the refused form at ${viewport.width}px`));
      } finally {
        await page.context().close();
      }
    });
  }

  it('has no Nu HTML Checker errors', async () => {
    const documents = await fetchAs(editor, baseUrl, PATHS());
    const refused = await t.app.inject({
      method: 'POST',
      url: '/newsroom/redirects',
      headers: { ...editor.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: editor.csrfToken, fromPath: 'x y', toPath: '' }).toString(),
    });
    assert.equal(refused.statusCode, 400);
    documents.push({ url: `${baseUrl}/newsroom/redirects (refused)`, html: refused.body });
    const errors = await validateHtml(documents);
    assert.equal(errors.length, 0, formatHtmlErrors(errors));
  });
});
