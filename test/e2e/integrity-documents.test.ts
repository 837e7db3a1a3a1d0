// The integrity document library in a real browser: zero axe-core violations (WCAG 2.2 AA) and zero
// Nu HTML Checker errors on the public listing (with documents, filtered to nothing, empty, right
// to left) and on the newsroom's list, upload form and edit form. Screenshots of the listing go
// to WARTA_SCREENSHOTS when it is set (to look at, not kept).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DESKTOP, PHONE, closeBrowser, formatViolations, launchBrowser, openPage, runAxe } from '../helpers/browser.ts';
import { browseAs, fetchAs, serveOnLoopback, signedIn, type SignedIn } from '../helpers/newsroom.ts';
import { formatHtmlErrors, validateHtml } from '../helpers/vnu.ts';
import { createDocument } from '../../src/integrity/documents/commands.ts';
import { documentStorage, storeDocumentFile } from '../../src/integrity/documents/files.ts';
import type { DocumentType } from '../../src/integrity/documents/model.ts';
import { compoundFile, ooxmlFile, pdfFile } from '../../src/integrity/documents/test-files.ts';

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let officer: SignedIn;
let editedId: number;

const LIBRARY: readonly [string, string, string, string, string, DocumentType, Buffer][] = [
  [
    'en',
    'Decree on the integrity zone team, 2026',
    'Appoints the team that leads the integrity zone and sets its duties.',
    'regulations',
    '2026',
    'application/pdf',
    pdfFile('a'.repeat(1_300_000)),
  ],
  [
    'en',
    'Service standards for broadcast archive requests',
    'How to ask for a recording, what it costs and how long it takes.',
    'service-standards',
    '2025',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ooxmlFile('docx'),
  ],
  [
    'en',
    'Integrity zone self-assessment (WBK)',
    '',
    'zone-evidence',
    '2025',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ooxmlFile('xlsx'),
  ],
  [
    'en',
    'Annual report on gratification reports',
    'Reports received, handled and closed in the year, by kind.',
    'reports',
    '2024',
    'application/vnd.ms-excel',
    compoundFile(['Workbook']),
  ],
  ['ar', 'تقرير النزاهة السنوي', 'ما أنجزته الوحدة خلال العام.', 'reports', '2025', 'application/pdf', pdfFile()],
  [
    'ar',
    'معايير الخدمة',
    '',
    'service-standards',
    '2024',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ooxmlFile('pptx'),
  ],
];

before(async () => {
  t = await createTestApp();
  const storage = documentStorage(t.config.dataDir);
  for (const [edition, title, description, category, year, type, data] of LIBRARY) {
    const file = await storeDocumentFile(storage, data, type);
    const doc = await createDocument(
      t.app.ctx.writer,
      edition,
      { title, description, category, year, isPublished: true },
      {
        file,
        fileName: `${title}.${type === 'application/pdf' ? 'pdf' : 'doc'}`,
        contentType: type,
        bytes: data.length,
      },
    );
    editedId ??= doc.id;
  }
  officer = await signedIn(t, 'integrity_officer', []);
  baseUrl = await serveOnLoopback(t);
  browser = await launchBrowser();
});
after(async () => {
  await closeBrowser(browser);
  await t.close();
});

const PUBLIC_PAGES = [
  '/en/integrity/documents',
  '/en/integrity/documents?q=nothing-like-this&category=reports',
  '/ar/integrity/documents',
  '/id/integrity/documents',
];
const NEWSROOM_PAGES = () => [
  '/newsroom/integrity/documents?edition=en',
  '/newsroom/integrity/documents/new?edition=ar',
  `/newsroom/integrity/documents/${editedId}`,
  `/newsroom/integrity/documents/${editedId}/delete`,
];

async function axeCheck(url: string, viewport: { width: number; height: number }, who?: SignedIn): Promise<void> {
  const page = await openPage(browser, {
    viewport,
    bypassCSP: true,
    ...(viewport.width < 600 ? { isMobile: true, hasTouch: true } : {}),
  });
  try {
    if (who) await browseAs(page.context(), who);
    const response = await page.goto(baseUrl + url);
    assert.equal(response?.status(), 200, url);
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatViolations(violations, `${url} at ${viewport.width}px`));
  } finally {
    await page.context().close();
  }
}

describe('integrity documents: axe-core, WCAG 2.2 AA', { timeout: 300_000 }, () => {
  for (const url of PUBLIC_PAGES)
    for (const viewport of [DESKTOP, PHONE])
      it(`${url} at ${viewport.width}px`, { timeout: 60_000 }, () => axeCheck(url, viewport));
  for (const viewport of [DESKTOP, PHONE])
    it(`the newsroom's pages at ${viewport.width}px`, { timeout: 120_000 }, async () => {
      for (const url of NEWSROOM_PAGES()) await axeCheck(url, viewport, officer);
    });
});

describe('integrity documents: Nu HTML Checker', { timeout: 240_000 }, () => {
  it('finds no error on the public and newsroom pages', { timeout: 200_000 }, async () => {
    const errors = await validateHtml([
      ...(await fetchAs(null, baseUrl, PUBLIC_PAGES)),
      ...(await fetchAs(officer, baseUrl, NEWSROOM_PAGES())),
    ]);
    assert.equal(errors.length, 0, formatHtmlErrors(errors));
  });
});

describe('integrity documents: the listing as readers see it', { timeout: 120_000 }, () => {
  it('filters without JavaScript and offers each file with its type and size', { timeout: 60_000 }, async () => {
    const page = await openPage(browser, { viewport: DESKTOP, javaScriptEnabled: false });
    try {
      await page.goto(`${baseUrl}/en/integrity/documents`);
      const shots = process.env.WARTA_SCREENSHOTS;
      if (shots) await page.screenshot({ path: path.join(shots, 'integrity-docs.png'), fullPage: true });
      assert.equal(await page.locator('.document').count(), 4);
      await page.getByText('PDF, 1.2 MB').waitFor();
      await page.getByLabel('Category').selectOption('zone-evidence');
      await page.getByRole('button', { name: 'Show documents' }).click();
      await page.waitForURL(/category=zone-evidence/);
      assert.equal(await page.locator('.document').count(), 1);
      await page.getByRole('heading', { name: 'Integrity zone self-assessment (WBK)' }).waitFor();
      if (shots) {
        await page.setViewportSize(PHONE);
        await page.goto(`${baseUrl}/en/integrity/documents`);
        await page.screenshot({ path: path.join(shots, 'integrity-docs-phone.png'), fullPage: true });
        await page.goto(`${baseUrl}/ar/integrity/documents`);
        await page.screenshot({ path: path.join(shots, 'integrity-docs-ar.png'), fullPage: true });
      }
    } finally {
      await page.context().close();
    }
  });
});
