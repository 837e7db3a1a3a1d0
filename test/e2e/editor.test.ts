// The newsroom's rich-text editor in a real browser, on a page of its own served under a strict
// CSP: writing and formatting, a link, an uploaded image and an embed stored as the sanitiser
// keeps them; a stored body with every figure round-tripped; upload errors; the keyboard alone.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build, stop } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { sanitizeBody } from '../../src/core/text/sanitize.ts';
import {
  closeBrowser,
  PHONE,
  formatViolations,
  launchBrowser,
  openPage,
  runAxe,
  settledValue,
} from '../helpers/browser.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'";
const MEDIA_SRC = '/media/2026-11-30-0a1b2c3d4e5f-960.jpg';
const UPLOAD_ANSWER = { id: 12, src: MEDIA_SRC, width: 960, height: 640, alt: '', caption: '', credit: '' };
const TOO_BIG = 'The file is larger than 20 MB.';
const YOUTUBE = 'https://www.youtube.com/watch?v=M7lc1UVf-VE';

/** A stored body with every block, mark and figure the editor writes, as the sanitiser stores it. */
const STORED = [
  '<h2>Harbour reopens</h2>',
  '<p>Boats <strong>return</strong> with <em>fish</em>, <u>nets</u> and <s>rumours</s>; ',
  '<a href="https://example.org/port" rel="noopener noreferrer">the port</a>, ',
  '<a href="mailto:desk@example.org">the desk</a> and <a href="/en/news/12/harbour">our report</a>.</p>',
  '<h3>At the quay</h3><h4>Morning</h4>',
  '<ul><li><p>Nets</p></li><li><p>Ropes</p></li></ul><ol><li><p>First</p></li></ol>',
  '<blockquote><p>We are back.</p></blockquote>',
  `<figure class="story-image"><img src="${MEDIA_SRC}" alt="Boats at the quay" width="960" height="640" data-media-id="12">`,
  '<figcaption>Boats at dawn <small class="credit">Warta/Ani</small></figcaption></figure>',
  `<figure class="story-image"><img src="${MEDIA_SRC}" alt="" width="960" height="640" data-media-id="13"></figure>`,
  '<figure class="story-audio"><audio controls preload="none" src="https://stream.example.org/clip.mp3"></audio>',
  '<figcaption>The harbour master</figcaption></figure>',
  '<figure class="story-audio"><audio controls preload="metadata" src="/media/2026-11-30-aaaaaaaaaaaa.mp3"></audio></figure>',
  `<figure class="story-embed" data-provider="youtube" data-embed-url="${YOUTUBE}">`,
  `<a href="${YOUTUBE}">${YOUTUBE}</a><figcaption>From above</figcaption></figure>`,
  '<figure class="story-embed" data-provider="x" data-embed-url="https://x.com/warta/status/1234567890">',
  '<a href="https://x.com/warta/status/1234567890">https://x.com/warta/status/1234567890</a></figure>',
  '<p>The end.</p>',
].join('');

let browser: Browser;
let server: http.Server;
let baseUrl = '';
let script: Buffer;
let styles: Buffer;
let tokens: Buffer;
let png: Buffer;
let jpeg: Buffer;
const pages: Page[] = [];

/** What the upload endpoint was sent. */
const uploads: { token: string | undefined; type: string; body: Buffer }[] = [];
/** Bodies the form posted to /save. */
const saved: string[] = [];
/** Uploads are answered once this settles: a test holds it to see the progress bar. */
let uploadGate: Promise<void> = Promise.resolve();

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function editorPage(query: URLSearchParams): string {
  const isRtl = query.get('dir') === 'rtl';
  const uploadUrl =
    query.get('upload') === 'too-big' ? '/newsroom/media/too-big' : '/newsroom/media/upload?article=123';
  const labels =
    query.get('labels') === 'id'
      ? ` data-labels="${escapeHtml(JSON.stringify({ bold: 'Tebal', toolbar: 'Format teks' }))}"`
      : '';
  const body = query.get('body') === 'stored' ? STORED : '';
  return `<!doctype html>
<html lang="${isRtl ? 'ar' : 'en'}" dir="${isRtl ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Edit story</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/tokens.css"><link rel="stylesheet" href="/editor.css"><link rel="stylesheet" href="/page.css">
<script src="/editor.js" defer></script></head>
<body><main><h1>Edit story</h1>
<form method="post" action="/save">
<label for="body">Story text</label>
<textarea id="body" name="bodyHtml" rows="12" data-rich-editor data-upload-url="${escapeHtml(uploadUrl)}" data-csrf-token="TOKEN"${labels}>${escapeHtml(body)}</textarea>
<button type="submit">Save story</button>
</form></main></body></html>`;
}

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const send = (status: number, type: string, body: string | Buffer) => {
    response.writeHead(status, { 'content-type': type, 'content-security-policy': CSP, 'cache-control': 'no-store' });
    response.end(body);
  };
  if (request.method === 'GET' && url.pathname === '/')
    return send(200, 'text/html; charset=utf-8', editorPage(url.searchParams));
  if (url.pathname === '/editor.js') return send(200, 'text/javascript; charset=utf-8', script);
  if (url.pathname === '/editor.css') return send(200, 'text/css; charset=utf-8', styles);
  if (url.pathname === '/tokens.css') return send(200, 'text/css; charset=utf-8', tokens);
  // The rest of the page (the newsroom's stylesheet in real life): a submit button of touch size.
  if (url.pathname === '/page.css') return send(200, 'text/css; charset=utf-8', 'button[type=submit]{min-height:44px}');
  if (url.pathname === MEDIA_SRC) return send(200, 'image/jpeg', jpeg);
  // Chromium asks for a favicon when a page names none (the "Saved" page), at a moment of its own
  // choosing: a 404 then would be a console error that comes and goes with the machine's speed.
  if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
  if (request.method === 'POST' && url.pathname === '/newsroom/media/upload') {
    const body = await readBody(request);
    uploads.push({
      token: request.headers['x-csrf-token'] as string | undefined,
      type: request.headers['content-type'] ?? '',
      body,
    });
    await uploadGate;
    return send(200, 'application/json', JSON.stringify(UPLOAD_ANSWER));
  }
  if (request.method === 'POST' && url.pathname === '/newsroom/media/too-big') {
    await readBody(request);
    return send(413, 'application/json', JSON.stringify({ error: { code: 'file_too_large', message: TOO_BIG } }));
  }
  if (request.method === 'POST' && url.pathname === '/save') {
    saved.push(new URLSearchParams((await readBody(request)).toString('utf8')).get('bodyHtml') ?? '');
    return send(200, 'text/html; charset=utf-8', '<!doctype html><html lang="en"><title>Saved</title><p>Saved</p>');
  }
  send(404, 'text/plain', 'not found');
}

before(
  async () => {
    const bundle = (entry: string, format?: 'iife') =>
      build({
        entryPoints: [ROOT + entry],
        bundle: true,
        minify: true,
        write: false,
        format,
        target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
        logLevel: 'silent',
      }).then((result) => Buffer.from(result.outputFiles[0]!.contents));
    [script, styles, tokens, png, jpeg, browser] = await Promise.all([
      bundle('client/newsroom/index.ts', 'iife'),
      bundle('client/newsroom/editor.css'),
      readFile(ROOT + 'styles/tokens.css'),
      sharp({ create: { width: 48, height: 32, channels: 3, background: '#2a6f97' } })
        .png()
        .toBuffer(),
      sharp({ create: { width: 96, height: 64, channels: 3, background: '#6f972a' } })
        .jpeg()
        .toBuffer(),
      launchBrowser(),
    ]);
    await stop();
    server = http.createServer((request, response) => {
      handle(request, response).catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    });
    server.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  },
  { timeout: 120_000 },
);

after(async () => {
  await closeBrowser(browser, pages);
  await new Promise((resolve) => server?.close(resolve));
});

/** Opens the editor page; `problems` collects page errors, CSP violations and unexpected console errors. */
async function openEditor(query = '', options: Parameters<typeof openPage>[1] = {}) {
  const page = await openPage(browser, options);
  pages.push(page);
  const problems: string[] = [];
  const foreignRequests: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // The 413 is the answer under test; Chrome logs every 4xx of a request.
    if (message.type() === 'error' && !message.text().includes('status of 413')) problems.push(message.text());
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(baseUrl) && !request.url().startsWith('data:')) foreignRequests.push(request.url());
  });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    ),
  );
  await page.goto(`${baseUrl}/${query}`);
  const editor = page.getByRole('textbox', { name: 'Story text' });
  await editor.waitFor();
  const textarea = page.locator('textarea[name="bodyHtml"]');
  const toolbar = page.getByRole('toolbar');
  const tool = (name: string) => toolbar.getByRole('button', { name, exact: true });
  return { page, editor, textarea, tool, problems, foreignRequests };
}

/**
 * Waits until the text has the focus: Tiptap's focus command gives it back on the next animation
 * frame, not at once, so reading document.activeElement right after a key races it.
 */
const textHasFocus = (page: Page) =>
  page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'textbox', undefined, {
    timeout: 5_000,
  });
const press = async (page: Page, key: string, times = 1) => {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
};

const focusedName = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');

describe('the newsroom editor', { timeout: 120_000 }, () => {
  it('writes a story with marks, a link, an uploaded image and an embed, as the sanitiser stores it', async () => {
    const { page, editor, textarea, tool, problems } = await openEditor();
    assert.equal(await textarea.isHidden(), true, 'the textarea is hidden but stays in the form');
    await page.evaluate(() => {
      const field = document.querySelector('textarea')!;
      field.addEventListener('input', () =>
        field.setAttribute('data-inputs', String(Number(field.dataset.inputs ?? 0) + 1)),
      );
    });

    await editor.click();
    await page.keyboard.type('Boats return to the harbour today.');
    // "harbour" bold from the toolbar.
    await press(page, 'End');
    await press(page, 'ArrowLeft', ' today.'.length);
    await press(page, 'Shift+ArrowLeft', 'harbour'.length);
    await tool('Bold').click();
    assert.equal(await tool('Bold').getAttribute('aria-pressed'), 'true');
    // "today" bold by the shortcut.
    await press(page, 'End');
    await press(page, 'ArrowLeft');
    await press(page, 'Shift+ArrowLeft', 'today'.length);
    await press(page, 'ControlOrMeta+b');
    // "Boats" linked through the dialog, which refuses a script address first.
    await press(page, 'Home');
    await press(page, 'Shift+ArrowRight', 'Boats'.length);
    assert.equal(await tool('Bold').getAttribute('aria-pressed'), 'false');
    await tool('Link').click();
    const linkDialog = page.getByRole('dialog', { name: 'Link' });
    const address = linkDialog.getByRole('textbox', { name: 'Address (https://, mailto: or tel:)' });
    await address.fill('javascript:alert(1)');
    await address.press('Enter');
    await linkDialog.getByRole('alert').filter({ hasText: 'Enter an address that starts with' }).waitFor();
    assert.equal(await address.getAttribute('aria-invalid'), 'true');
    await address.fill('https://example.org/boats');
    await address.press('Enter');
    await linkDialog.waitFor({ state: 'detached' });

    // An image from the file picker, with a progress bar while the server holds the answer.
    await press(page, 'ControlOrMeta+End');
    await press(page, 'Enter');
    let release = () => {};
    uploadGate = new Promise((resolve) => (release = resolve));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tool('Image').click()]);
    assert.equal(
      await chooser.element().getAttribute('accept'),
      'image/jpeg,image/png,image/webp,image/avif,image/gif',
    );
    assert.equal(await chooser.element().getAttribute('capture'), null, 'phones offer the camera or the library');
    await chooser.setFiles({ name: 'boats.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('progressbar', { name: 'Uploading “boats.png”' }).waitFor();
    release();
    const describeDialog = page.getByRole('dialog', { name: 'Describe the image' });
    await describeDialog.getByRole('button', { name: 'Save' }).click();
    await describeDialog
      .getByRole('alert')
      .filter({ hasText: 'Describe the image, or mark it as decorative.' })
      .waitFor();
    await describeDialog.getByRole('textbox', { name: 'Alternative text' }).fill('Fishing boats moored at the quay');
    await describeDialog.getByRole('textbox', { name: 'Caption' }).fill('Boats back in the harbour');
    await describeDialog.getByRole('textbox', { name: 'Credit' }).fill('Warta/Test');
    await describeDialog.getByRole('button', { name: 'Save' }).click();
    await editor.locator(`img[src="${MEDIA_SRC}"]`).waitFor();
    assert.equal(await page.getByRole('progressbar').count(), 0, 'the progress bar is gone');

    // A YouTube video, shown as a card that loads nothing from YouTube.
    await tool('Video or post').click();
    const embedDialog = page.getByRole('dialog', { name: 'Video or post' });
    await embedDialog.getByRole('textbox', { name: 'Address of the video or post' }).fill('https://example.org/clip');
    await embedDialog.getByRole('button', { name: 'Save' }).click();
    await embedDialog.getByRole('alert').filter({ hasText: 'is not a YouTube video' }).waitFor();
    await embedDialog.getByRole('textbox', { name: 'Address of the video or post' }).fill(YOUTUBE);
    await embedDialog.getByRole('textbox', { name: 'Caption' }).fill('The harbour from above');
    await embedDialog.getByRole('button', { name: 'Save' }).click();
    await editor.getByText('YouTube', { exact: true }).waitFor();
    assert.equal(await page.locator('iframe').count(), 0);

    const expected =
      '<p><a href="https://example.org/boats" rel="noopener noreferrer">Boats</a> return to the <strong>harbour</strong> <strong>today</strong>.</p>' +
      `<figure class="story-image"><img src="${MEDIA_SRC}" alt="Fishing boats moored at the quay" width="960" height="640" data-media-id="12">` +
      '<figcaption>Boats back in the harbour <small class="credit">Warta/Test</small></figcaption></figure>' +
      `<figure class="story-embed" data-provider="youtube" data-embed-url="${YOUTUBE}"><a href="${YOUTUBE}">${YOUTUBE}</a>` +
      '<figcaption>The harbour from above</figcaption></figure>';
    assert.equal(await textarea.inputValue(), expected);
    assert.equal(sanitizeBody(expected), expected, 'the sanitiser keeps the editor’s HTML as it is');
    assert.ok(Number(await textarea.getAttribute('data-inputs')) > 5, 'each change is signalled with an input event');

    const upload = uploads.at(-1);
    assert.ok(upload, 'the image was uploaded');
    assert.equal(upload.token, 'TOKEN');
    assert.match(upload.type, /^multipart\/form-data; boundary=/);
    assert.ok(upload.body.includes('Content-Disposition: form-data; name="file"; filename="boats.png"'));
    assert.ok(upload.body.includes('Content-Type: image/png'));
    assert.ok(upload.body.includes(png), 'the file is sent as it is');

    await page.getByRole('button', { name: 'Save story' }).click();
    await page.waitForURL(`${baseUrl}/save`);
    assert.equal(saved.at(-1), expected, 'a plain form submit sends the HTML');
    assert.deepEqual(problems, []);
  });

  it('loads a stored body with every kind of figure and saves it unchanged; a figure is edited by keyboard', async () => {
    assert.equal(sanitizeBody(STORED), STORED, 'the stored body is what the sanitiser stores');
    const { page, editor, textarea, problems, foreignRequests } = await openEditor('?body=stored');
    assert.equal(await editor.locator('img').count(), 2);
    await editor.getByText('https://stream.example.org/clip.mp3', { exact: true }).waitFor();
    await editor.getByText('X', { exact: true }).waitFor();
    assert.equal(await editor.locator('audio, iframe').count(), 0, 'cards only: nothing plays or loads in the editor');

    // A change and its undoing: the textarea then holds the stored body again, exactly.
    await editor.getByText('The end.').click();
    await press(page, 'End');
    await page.keyboard.type('!');
    assert.equal(await textarea.inputValue(), STORED.replace('The end.', 'The end.!'));
    await press(page, 'Backspace');
    assert.equal(await textarea.inputValue(), STORED);

    // A click on a card selects its figure; Enter opens its dialog.
    await editor.getByText('The harbour master').click();
    await press(page, 'Enter');
    const dialog = page.getByRole('dialog', { name: 'Audio' });
    const caption = dialog.getByRole('textbox', { name: 'Caption' });
    assert.equal(await caption.inputValue(), 'The harbour master');
    await caption.fill('The harbour master, at dawn');
    await caption.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const edited = STORED.replace('The harbour master', 'The harbour master, at dawn');
    assert.equal(await settledValue(textarea, edited), edited);
    assert.deepEqual(foreignRequests, [], 'nothing is fetched from another site');
    assert.deepEqual(problems, []);
  });

  it('announces an upload error and inserts nothing; refuses a file that is no image', async () => {
    const { page, editor, textarea, tool, problems } = await openEditor('?upload=too-big');
    await editor.click();
    await page.keyboard.type('Text.');
    const status = page.getByRole('status');
    assert.equal(await status.getAttribute('aria-live'), 'polite');

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tool('Image').click()]);
    await chooser.setFiles({ name: 'huge.png', mimeType: 'image/png', buffer: png });
    await status.filter({ hasText: TOO_BIG }).waitFor();

    // Pasted and dropped files take the same way.
    const dispatch = (kind: 'paste' | 'drop', name: string, type: string, bytes: number[]) =>
      editor.evaluate(
        (target, { kind, name, type, bytes }) => {
          const data = new DataTransfer();
          data.items.add(new File([new Uint8Array(bytes)], name, { type }));
          const box = target.getBoundingClientRect();
          const at = { clientX: box.left + 10, clientY: box.top + 10, bubbles: true, cancelable: true };
          target.dispatchEvent(
            kind === 'paste'
              ? new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
              : new DragEvent('drop', { dataTransfer: data, ...at }),
          );
        },
        { kind, name, type, bytes },
      );
    await dispatch('paste', 'notes.txt', 'text/plain', [104, 105]);
    await status.filter({ hasText: '“notes.txt” is not a JPEG, PNG, WebP, AVIF or GIF image.' }).waitFor();
    await dispatch('drop', 'dropped.png', 'image/png', [...png]);
    await status.filter({ hasText: TOO_BIG }).waitFor();

    assert.equal(await page.getByRole('dialog').count(), 0, 'no description is asked for');
    assert.equal(await editor.locator('img, figure').count(), 0);
    assert.equal(await textarea.inputValue(), '<p>Text.</p>');
    assert.deepEqual(problems, []);
  });

  it('pastes from a word processor without its styles, images from elsewhere or CSP reports', async () => {
    const { editor, textarea, problems, foreignRequests } = await openEditor();
    await editor.click();
    await editor.evaluate((target) => {
      const data = new DataTransfer();
      data.setData(
        'text/html',
        '<html><head><style>p { color: red }</style></head><body><h1 style="font-size: 20pt">Title</h1>' +
          '<p style=margin:0 title=\'a style="b"\'>Text <span style="color: red">red</span> <b>bold</b></p>' +
          '<img src="https://elsewhere.example/x.png"></body></html>',
      );
      data.setData('text/plain', 'Title\nText red bold');
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    assert.equal(await textarea.inputValue(), '<p>Title</p><p>Text red <strong>bold</strong></p>');
    assert.deepEqual(foreignRequests, []);
    assert.deepEqual(problems, []);
  });

  it('is used with the keyboard alone, with translated labels, at 390 px', async () => {
    const { page, editor, textarea, tool, problems } = await openEditor('?labels=id', { viewport: PHONE });
    assert.equal(await page.getByRole('toolbar', { name: 'Format teks' }).count(), 1);

    // One tab stop for the whole toolbar; arrows, Home and End move within it, wrapping round.
    await press(page, 'Tab');
    assert.equal(await focusedName(page), 'Tebal');
    await press(page, 'ArrowRight');
    assert.equal(await focusedName(page), 'Italic');
    await press(page, 'End');
    assert.equal(await focusedName(page), 'Redo');
    await press(page, 'ArrowRight');
    assert.equal(await focusedName(page), 'Tebal');
    await press(page, 'ArrowLeft');
    assert.equal(await focusedName(page), 'Redo');
    await press(page, 'Home');
    await press(page, 'Tab');
    await textHasFocus(page);

    // Alt+F10 goes to the toolbar, Enter applies, and the text has the focus again.
    await page.keyboard.type('Quiet night');
    await press(page, 'Shift+Home');
    await press(page, 'Alt+F10');
    assert.equal(await focusedName(page), 'Tebal');
    await press(page, 'ArrowRight');
    await press(page, 'Enter');
    assert.equal(await tool('Italic').getAttribute('aria-pressed'), 'true');
    await textHasFocus(page);
    await press(page, 'ControlOrMeta+Alt+2');
    assert.equal(await tool('Heading 2').getAttribute('aria-pressed'), 'true');

    // A new paragraph, italic turned off from the toolbar, a link by Ctrl+K.
    await press(page, 'End');
    await press(page, 'Enter');
    await press(page, 'Alt+F10');
    assert.equal(await focusedName(page), 'Italic', 'the toolbar remembers its last button');
    assert.equal(await tool('Italic').getAttribute('aria-pressed'), 'true', 'a new paragraph goes on in italics');
    await press(page, 'Enter');
    assert.equal(await tool('Italic').getAttribute('aria-pressed'), 'false');
    await page.keyboard.type('Call us');
    await press(page, 'Shift+Home');
    await press(page, 'ControlOrMeta+k');
    const linkDialog = page.getByRole('dialog', { name: 'Link' });
    await linkDialog.waitFor();
    assert.equal(await focusedName(page), 'rich-editor-dialog-1-href');
    await page.keyboard.type('tel:+62215550100');
    await press(page, 'Enter');
    await linkDialog.waitFor({ state: 'detached' });
    // A dialog opened by its shortcut closes with Escape, back to the text.
    await press(page, 'ControlOrMeta+Alt+e');
    await page.getByRole('dialog', { name: 'Video or post' }).waitFor();
    await press(page, 'Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await textHasFocus(page);
    await press(page, 'ControlOrMeta+z');
    await press(page, 'ControlOrMeta+Shift+z');
    assert.equal(
      await textarea.inputValue(),
      '<h2><em>Quiet night</em></h2><p><a href="tel:+62215550100">Call us</a></p>',
    );

    // 44 px targets, and nothing wider than the phone.
    for (const box of await page
      .getByRole('toolbar')
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().toJSON() as DOMRect))) {
      assert.ok(box.width >= 44 && box.height >= 44, `a toolbar button is ${box.width}×${box.height}`);
    }
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling');
    await editor.focus();
    assert.deepEqual(problems, []);
  });

  it('mirrors the arrow keys in right-to-left text', async () => {
    const { page, problems } = await openEditor('?dir=rtl');
    await press(page, 'Tab');
    assert.equal(await focusedName(page), 'Bold');
    await press(page, 'ArrowLeft');
    assert.equal(await focusedName(page), 'Italic');
    await press(page, 'ArrowRight');
    assert.equal(await focusedName(page), 'Bold');
    assert.deepEqual(problems, []);
  });

  it('has no accessibility violations with a figure card and a dialog open', async () => {
    // axe is injected as an inline script, so this page alone bypasses the CSP.
    const { page, editor } = await openEditor('?body=stored', { bypassCSP: true });
    assert.equal(formatViolations(await runAxe(page), 'the editor'), formatViolations([], 'the editor'));
    await editor.getByText('Boats at dawn').click();
    await press(page, 'Enter');
    await page.getByRole('dialog', { name: 'Describe the image' }).waitFor();
    assert.equal(formatViolations(await runAxe(page), 'the image dialog'), formatViolations([], 'the image dialog'));
  });
});
