// Inline images of stored bodies drawn as <picture>: the pattern finds exactly the sanitiser's
// images, keeps everything else byte for byte, keeps the alt text and its language, and the
// reader's article, static page and newsroom preview draw them with one query (none without one).
import assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import { after, before, describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle, makeImage, makePage } from '../../test/helpers/factories.ts';
import { signedIn } from '../../test/helpers/newsroom.ts';
import { articlePath } from '../articles/model.ts';
import { sanitizeBody } from '../core/text/sanitize.ts';
import { pagePath } from '../pages/queries.ts';
import { bodyImageIds, safeBodyImages, BODY_IMAGE_SIZES, type BodyImages } from './body-images.ts';
import type { Image } from './image.ts';

const harbour: Image = { key: '2026-05-01-3f9a0b1c2d3e', width: 1600, height: 900, widths: [480, 960, 1600] };
const withAvif: Image = { ...harbour, formats: ['jpg', 'webp', 'avif'] };

/** The editor's figure for an image, through the sanitiser, as it is stored. */
function storedFigure(id: number, alt: string, key = harbour.key, extra = ''): string {
  return sanitizeBody(
    `<figure class="story-image"><img src="/media/${key}-960.jpg" alt="${alt}" width="960" height="540" data-media-id="${id}"${extra}><figcaption>The quay<small class="credit">Warta/Ani</small></figcaption></figure>`,
  );
}

const imagesOf = (entries: [number, Image][]): BodyImages => new Map(entries);
const parse = (html: string) => JSDOM.fragment(html);

describe('bodyImageIds', () => {
  it('finds the ids of the sanitiser’s images, each once, and nothing in a body without one', () => {
    assert.deepEqual(bodyImageIds('<p>No images, not even data-media id.</p>'), []);
    const body = `<p>Before.</p>${storedFigure(12, 'Boats')}<p>data-media-id is a phrase</p>${storedFigure(7, '')}${storedFigure(12, 'Again')}`;
    assert.deepEqual(bodyImageIds(body), [12, 7]);
  });

  it('ignores what the sanitiser never writes, and ids no integer column holds', () => {
    assert.deepEqual(
      bodyImageIds(
        `<img src="/media/a-960.jpg" data-media-id="3">` + // no alt
          `<img alt="x" src="/media/a-960.jpg" data-media-id="4">` + // another order
          `<img src='/media/a-960.jpg' alt='x' data-media-id='5'>` + // other quotes
          `<img src="/media/a-960.jpg" alt="x" data-media-id="99999999999">`,
      ),
      [],
    );
  });
});

describe('safeBodyImages', () => {
  it('draws a stored image as a <picture> of its stored sizes, lazy, sized by the media row', () => {
    const body = `<p>Before.</p>${storedFigure(12, 'Boats moored along the quay')}<p>After.</p>`;
    const html = safeBodyImages(body, imagesOf([[12, harbour]]));
    const figure = parse(html).querySelector('figure.story-image')!;
    const picture = figure.querySelector('picture')!;
    assert.ok(picture, html);
    assert.equal(picture.querySelector('source[type="image/avif"]'), null, 'no AVIF before the job made it');
    const webp = picture.querySelector('source[type="image/webp"]')!;
    assert.equal(
      webp.getAttribute('srcset'),
      `/media/${harbour.key}-480.webp 480w, /media/${harbour.key}-960.webp 960w, /media/${harbour.key}-1600.webp 1600w`,
    );
    assert.equal(webp.getAttribute('sizes'), BODY_IMAGE_SIZES);
    const img = picture.querySelector('img')!;
    assert.equal(
      img.getAttribute('src'),
      `/media/${harbour.key}-960.jpg`,
      'the 960 JPEG is the fallback, as the editor stored it',
    );
    assert.equal(
      img.getAttribute('srcset'),
      `/media/${harbour.key}-480.jpg 480w, /media/${harbour.key}-960.jpg 960w, /media/${harbour.key}-1600.jpg 1600w`,
    );
    assert.equal(img.getAttribute('sizes'), BODY_IMAGE_SIZES);
    assert.deepEqual([img.getAttribute('width'), img.getAttribute('height')], ['1600', '900']);
    assert.deepEqual([img.getAttribute('loading'), img.getAttribute('decoding')], ['lazy', 'async']);
    assert.equal(img.getAttribute('alt'), 'Boats moored along the quay');
    assert.equal(img.hasAttribute('data-media-id'), false);
    // Only the <img> changed: the caption and the text around it are as stored.
    const [start, end] = body.split(/<img [^>]*>/);
    assert.ok(html.startsWith(start!) && html.endsWith(end!), html);
    assert.equal(figure.querySelector('figcaption')!.textContent, 'The quayWarta/Ani');
  });

  it('offers AVIF first once the media row has it', () => {
    const html = safeBodyImages(storedFigure(12, 'Boats'), imagesOf([[12, withAvif]]));
    const sources = [...parse(html).querySelectorAll('source')].map((s) => s.getAttribute('type'));
    assert.deepEqual(sources, ['image/avif', 'image/webp']);
    assert.match(html, new RegExp(`srcset="/media/${harbour.key}-480\\.avif 480w, `));
  });

  it('keeps alt text with quotes, ampersands and angle brackets as the same text, inside its attribute', () => {
    const alt = 'Tom & Jerry say "hi" <b>loudly</b> \' onerror=alert(1)';
    const escaped = alt.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const html = safeBodyImages(storedFigure(12, escaped), imagesOf([[12, harbour]]));
    const img = parse(html).querySelector('picture img')!;
    assert.equal(img.getAttribute('alt'), alt);
    assert.equal(img.getAttribute('onerror'), null);
    assert.equal(parse(html).querySelectorAll('b').length, 0, 'no markup comes out of the alt text');
  });

  it('keeps a decorative image’s empty alt and the alt text’s language on the <img>', () => {
    const decorative = safeBodyImages(storedFigure(12, ''), imagesOf([[12, harbour]]));
    assert.equal(parse(decorative).querySelector('picture img')!.getAttribute('alt'), '');
    const arabic = safeBodyImages(
      storedFigure(12, 'قوارب', harbour.key, ' lang="ar" dir="rtl"'),
      imagesOf([[12, harbour]]),
    );
    const img = parse(arabic).querySelector('picture img')!;
    assert.deepEqual(
      [img.getAttribute('lang'), img.getAttribute('dir'), img.getAttribute('alt')],
      ['ar', 'rtl', 'قوارب'],
    );
  });

  it('leaves an image as stored when its row is gone or names another image’s files', () => {
    const body = `${storedFigure(12, 'Boats')}${storedFigure(13, 'Cranes', '2026-05-01-ffffffffffff')}`;
    assert.equal(safeBodyImages(body, new Map()), body);
    const html = safeBodyImages(body, imagesOf([[13, harbour]]));
    assert.equal(html, body, 'row 12 is gone; row 13 is not the image at that address');
    const one = safeBodyImages(body, imagesOf([[12, harbour]]));
    assert.equal(parse(one).querySelectorAll('picture').length, 1);
    assert.ok(one.endsWith(storedFigure(13, 'Cranes', '2026-05-01-ffffffffffff')));
  });
});

describe('inline images on reader pages and previews', () => {
  let t: TestApp;
  /** The queries of the request being read: those run in its async context (not a job's). */
  const measured = new AsyncLocalStorage<string[]>();
  before(async () => {
    // Every request renders (no page cache), so each one's queries can be counted.
    t = await createTestApp({ WARTA_PAGE_CACHE_SECONDS: '0' });
    t.testDb.onQuery((sql) => measured.getStore()?.push(sql));
  });
  after(() => t.close());

  /** The editor's figure for an uploaded image, as the upload answers it (the 960 size). */
  const figureOf = (image: { id: number; storage_key: string }, alt: string) =>
    `<figure class="story-image"><img src="/media/${image.storage_key}-960.jpg" alt="${alt}" width="960" height="540" data-media-id="${image.id}"><figcaption>Caption</figcaption></figure>`;

  async function read(url: string, headers: Record<string, string> = {}) {
    const queries: string[] = [];
    // Awaited inside run(): inject returns a thenable that starts the request when awaited.
    const res = await measured.run(queries, async () => await t.app.inject({ url, headers }));
    assert.equal(res.statusCode, 200, `GET ${url}: ${res.body.slice(0, 300)}`);
    const mediaQueries = queries.filter((sql) => /from "media"/.test(sql)).length;
    return { body: res.body, mediaQueries, document: new JSDOM(res.body).window.document };
  }

  it('draws an article’s inline images as <picture> with srcset, with one query for all of them', async () => {
    const [first, second] = [
      await makeImage(t.db, t.config.dataDir),
      await makeImage(t.db, t.config.dataDir, 800, 600),
    ];
    await t.db.updateTable('media').set({ formats: '["jpg","webp","avif"]' }).where('id', '=', second.id).execute();
    const article = await makeArticle(t.db, {
      body_html: `<p>Harbour.</p>${figureOf(first, 'Cranes &amp; ships')}<p>Market.</p>${figureOf(second, 'Stalls')}`,
    });
    const page = await read(articlePath(article));
    assert.equal(page.mediaQueries, 1, 'one query for the body’s images');
    const pictures = [...page.document.querySelectorAll('.story__body picture')];
    assert.equal(pictures.length, 2);
    const [a, b] = pictures.map((p) => p.querySelector('img')!);
    assert.equal(a!.getAttribute('alt'), 'Cranes & ships');
    assert.match(a!.getAttribute('srcset')!, new RegExp(`^/media/${first.storage_key}-480\\.jpg 480w, `));
    assert.deepEqual([a!.getAttribute('width'), a!.getAttribute('height')], ['1200', '675']);
    assert.equal(a!.getAttribute('loading'), 'lazy');
    assert.equal(pictures[0]!.querySelector('source[type="image/avif"]'), null);
    assert.ok(pictures[1]!.querySelector('source[type="image/avif"]'), 'AVIF where the row has it');
    assert.deepEqual([b!.getAttribute('width'), b!.getAttribute('height')], ['800', '600']);
    assert.ok(page.document.querySelector('.story__body figcaption'), 'the caption stays');
  });

  it('runs no media query for a body without inline images, and keeps an image whose row is gone', async () => {
    const plain = await makeArticle(t.db);
    assert.equal((await read(articlePath(plain))).mediaQueries, 0);
    const missing = await makeArticle(t.db, {
      body_html: `<p>Gone.</p>${figureOf({ id: 987_654, storage_key: '2026-01-01-000000000000' }, 'Gone')}`,
    });
    const page = await read(articlePath(missing));
    assert.equal(page.mediaQueries, 1);
    assert.equal(page.document.querySelectorAll('.story__body picture').length, 0);
    assert.ok(
      page.body.includes(
        '<img src="/media/2026-01-01-000000000000-960.jpg" alt="Gone" width="960" height="540" data-media-id="987654">',
      ),
    );
  });

  it('draws a static page’s inline images the same way', async () => {
    const image = await makeImage(t.db, t.config.dataDir);
    const page = await makePage(t.db, {
      title: 'Our studios',
      body_html: `<p>Studio.</p>${figureOf(image, 'Studio one')}`,
    });
    const html = await read(pagePath('en', page.path));
    assert.equal(html.mediaQueries, 1);
    const img = html.document.querySelector('.prose picture img')!;
    assert.ok(img, html.body.slice(0, 500));
    assert.equal(img.getAttribute('alt'), 'Studio one');
    assert.match(img.getAttribute('srcset')!, / 1200w$/);
    assert.equal(
      html.document.querySelector('.prose picture source[type="image/webp"]')!.getAttribute('sizes'),
      BODY_IMAGE_SIZES,
    );
  });

  it('draws them in the newsroom’s preview of a draft', async () => {
    const editor = await signedIn(t, 'editor', ['en']);
    const image = await makeImage(t.db, t.config.dataDir);
    const draft = await makeArticle(t.db, {
      status: 'draft',
      body_html: `<p>Draft.</p>${figureOf(image, 'Draft photo')}`,
    });
    const preview = await read(`/newsroom/articles/${draft.id}/preview`, editor.headers);
    assert.equal(preview.document.querySelector('.story__body picture img')!.getAttribute('alt'), 'Draft photo');
    assert.ok(preview.document.querySelector('.story__body picture source[type="image/webp"]'));
  });
});
