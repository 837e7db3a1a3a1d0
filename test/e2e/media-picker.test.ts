// Choosing an article's photo from the media library in a real browser, by keyboard alone: the
// dialog opens from its button, searches as one types, moves between images with the arrow keys,
// loads more, chooses with Enter, fills only the empty text fields, closes with Escape giving focus
// back; the saved draft shows the photo in the form and in its preview; "Remove" takes it out.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { ingestImage } from '../../src/media/index.ts';
import { LIBRARY_PAGE_SIZE } from '../../src/media/newsroom/queries.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { closeBrowser, launchBrowser, openPage } from '../helpers/browser.ts';
import { makeCategory } from '../helpers/factories.ts';
import { serveOnLoopback, signInWithForm, staffWithPassword, watchProblems } from '../helpers/newsroom.ts';

let t: TestApp;
let browser: Browser;
let baseUrl = '';
let email = '';
let quayId = 0;
let quayKey = '';
let othersId = 0;
const pages: Page[] = [];

before(
  async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser()]);
    await makeCategory(t.db, { name: 'Coast', edition: 'en' });
    const writer = await staffWithPassword(t, 'contributor', 'Dewi Writer');
    const other = await staffWithPassword(t, 'contributor', 'Other Writer');
    email = writer.email;
    const png = (background: string) =>
      sharp({ create: { width: 320, height: 240, channels: 3, background } })
        .png()
        .toBuffer();
    const add = async (uploadedBy: number, text: { alt: string; caption?: string; credit?: string }, colour: string) =>
      ingestImage(t.app.ctx.writer, t.config.dataDir, await png(colour), { uploadedBy, ...text });
    // A page and a bit of older pictures, then the ones the test looks for (newest first).
    for (let i = 0; i < LIBRARY_PAGE_SIZE; i++) await add(writer.id, { alt: `Market stall ${i}` }, '#888');
    othersId = (await add(other.id, { alt: 'Harbour seen by someone else' }, '#a33')).id;
    const quay = await add(
      writer.id,
      { alt: 'Boats moored along the harbour quay', caption: 'Back in port', credit: 'Warta/Dewi' },
      '#2a6',
    );
    [quayId, quayKey] = [quay.id, quay.storage_key];
    await add(writer.id, { alt: 'Harbour lights at night', caption: 'Evening' }, '#236');
    baseUrl = await serveOnLoopback(t);
  },
  { timeout: 120_000 },
);

after(async () => {
  await closeBrowser(browser, pages);
  await t?.close();
});

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('choosing an article’s photo from the media library', { timeout: 180_000 }, () => {
  it('works by keyboard: search, arrows, More, Enter, Escape; saved and shown; removed again', async () => {
    const page = await openPage(browser);
    pages.push(page);
    const problems = await watchProblems(page);
    await signInWithForm(page, baseUrl, email);
    await page.goto(`${baseUrl}/newsroom/articles/new?edition=en`);
    await page.getByRole('textbox', { name: 'Headline' }).fill('Boats return to the harbour');
    await page.getByRole('combobox', { name: 'Section' }).selectOption({ label: 'Coast' });
    // Typed by the writer before choosing: never replaced by the library's text.
    await page.getByRole('textbox', { name: 'Caption', exact: true }).fill('The fleet is home');

    const photo = page.getByRole('group', { name: 'Photo', exact: true });
    const choose = photo.getByRole('button', { name: 'Choose from library' });
    assert.equal(await photo.getByRole('button', { name: 'Remove the photo' }).isVisible(), false);
    await choose.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Choose a photo from the media library' });
    await dialog.waitFor();
    const search = dialog.getByRole('searchbox', { name: 'Description, caption or credit contains' });
    assert.equal(await search.evaluate((el) => el === document.activeElement), true, 'focus starts in the search');
    await dialog
      .getByRole('status')
      .filter({ hasText: `${LIBRARY_PAGE_SIZE} image(s) shown.` })
      .waitFor();
    // Only this writer's uploads: not another contributor's.
    assert.equal(await dialog.locator(`[data-media-id="${othersId}"]`).count(), 0);

    // "More images" by keyboard: the next page is added and focus moves to its first image.
    await dialog.getByRole('button', { name: 'More images' }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByRole('status').filter({ hasText: '2 more image(s) shown.' }).waitFor();
    assert.equal(await dialog.locator('[data-picker-choice]').count(), LIBRARY_PAGE_SIZE + 2);
    assert.match(await focusedText(page), /^Market stall 1$|^Market stall 0$/);
    assert.equal(await dialog.getByRole('button', { name: 'More images' }).count(), 0);

    // A search as one types; the arrow keys move between the results; Enter chooses.
    await search.focus();
    await page.keyboard.type('harbour');
    await dialog.getByRole('status').filter({ hasText: '2 image(s) shown.' }).waitFor();
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedText(page), 'Harbour lights at night');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedText(page), 'Boats moored along the harbour quay');
    const quayButton = dialog.getByRole('button', { name: 'Boats moored along the harbour quay' });
    assert.match((await quayButton.getAttribute('aria-describedby')) ?? '', /^nr-picker-meta-\d+$/);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await choose.evaluate((el) => el === document.activeElement), true, 'focus back on the button');

    assert.equal(await page.getByRole('textbox', { name: 'Image number' }).inputValue(), String(quayId));
    assert.equal(
      await page.getByRole('textbox', { name: 'Description (alt text)' }).inputValue(),
      'Boats moored along the harbour quay',
    );
    assert.equal(await page.getByRole('textbox', { name: 'Caption', exact: true }).inputValue(), 'The fleet is home');
    assert.equal(await page.getByRole('textbox', { name: 'Credit', exact: true }).inputValue(), 'Warta/Dewi');
    const preview = photo.locator('figure.nr-photo-preview');
    await preview.getByText(`Image ${quayId}: Boats moored along the harbour quay`).waitFor();
    assert.equal(await preview.locator('img').getAttribute('src'), `/media/${quayKey}-320.jpg`);
    await photo
      .getByRole('status')
      .filter({
        hasText: `Image ${quayId} is now the photo. The description, caption or credit already typed was kept`,
      })
      .waitFor();

    // Escape closes the dialog and gives focus back too.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await choose.evaluate((el) => el === document.activeElement), true);

    // Remove: the number and the text the library filled in go; what the writer typed stays.
    await photo.getByRole('button', { name: 'Remove the photo' }).click();
    assert.equal(await page.getByRole('textbox', { name: 'Image number' }).inputValue(), '');
    assert.equal(await page.getByRole('textbox', { name: 'Description (alt text)' }).inputValue(), '');
    assert.equal(await page.getByRole('textbox', { name: 'Credit', exact: true }).inputValue(), '');
    assert.equal(await page.getByRole('textbox', { name: 'Caption', exact: true }).inputValue(), 'The fleet is home');
    assert.equal(await preview.isVisible(), false);
    assert.equal(await choose.evaluate((el) => el === document.activeElement), true);
    await photo.getByRole('status').filter({ hasText: 'The photo has been removed.' }).waitFor();

    // Chosen again (the search is still there): the same image, now to keep.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.getByRole('textbox', { name: 'Image number' }).inputValue(), String(quayId));

    // Saved: the form shows the photo from the server, and so does the draft's preview.
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/newsroom\/articles\/\d+\?done=created$/);
    const id = Number(/articles\/(\d+)/.exec(page.url())![1]);
    const stored = await t.db
      .selectFrom('articles')
      .select(['featured_media_id', 'image_alt', 'image_caption', 'image_credit'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(stored, {
      featured_media_id: quayId,
      image_alt: 'Boats moored along the harbour quay',
      image_caption: 'The fleet is home',
      image_credit: 'Warta/Dewi',
    });
    const shown = page.getByRole('group', { name: 'Photo', exact: true }).locator('figure.nr-photo-preview img');
    await page.waitForFunction(
      (img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth === 320,
      await shown.elementHandle(),
    );
    await page.getByRole('group', { name: 'Photo', exact: true }).getByText(`Image ${quayId}: Boats moored`).waitFor();

    const previewPage = await page.context().newPage();
    await previewPage.goto(`${baseUrl}/newsroom/articles/${id}/preview`);
    const featured = previewPage.locator('.story__figure img');
    assert.equal(await featured.getAttribute('alt'), 'Boats moored along the harbour quay');
    assert.match((await featured.getAttribute('src')) ?? '', new RegExp(`/media/${quayKey}-`));
    await previewPage.close();

    // On the saved form, Remove clears the number (the text fields are the writer's by now).
    await page
      .getByRole('group', { name: 'Photo', exact: true })
      .getByRole('button', { name: 'Remove the photo' })
      .click();
    assert.equal(await page.getByRole('textbox', { name: 'Image number' }).inputValue(), '');
    assert.equal(
      await page.getByRole('textbox', { name: 'Description (alt text)' }).inputValue(),
      'Boats moored along the harbour quay',
    );
    assert.equal(await page.locator('figure.nr-photo-preview').isVisible(), false);
    assert.deepEqual(problems, []);
  });
});
