// The newsroom's media library through HTTP: uploading with the plain form (the type read from
// the bytes, refusals said on the page with nothing stored), who sees which images, search and
// pages, the text defaults, where an image is used (featured, inside an article's or a page's
// text, also before the usage consumer has caught up), and a delete refused while it is used.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeArticle, makePage } from '../../../test/helpers/factories.ts';
import { signedIn, type SignedIn, postForm } from '../../../test/helpers/newsroom.ts';
import { updateArticle } from '../../articles/index.ts';
import { toDbTime } from '../../core/db/dialect.ts';
import type { MediaRow } from '../../core/db/schema.ts';
import { ingestImage, mediaDir, MAX_UPLOAD_BYTES } from '../index.ts';
import { findUsages, imagesInBody } from '../usages.ts';
import { LIBRARY_PAGE_SIZE } from './queries.ts';

let t: TestApp;
let editor: SignedIn;
let png: Buffer;

before(async () => {
  t = await createTestApp();
  editor = await signedIn(t, 'editor', ['en']);
  png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#2a6' } })
    .png()
    .toBuffer();
});
after(() => t.close());

const get = (who: SignedIn, url: string) => t.app.inject({ url, headers: who.headers });

const post = (who: SignedIn, url: string, fields: Record<string, string> = {}) => postForm(t, who, url, fields);

/** The library's upload form as a browser sends it: the token and text fields, then the file. */
function upload(
  who: SignedIn,
  file: { bytes: Buffer; name: string; type: string },
  fields: Record<string, string> = {},
  token = who.csrfToken,
) {
  const boundary = '----warta-library-test';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries({ _csrf: token, alt: '', caption: '', credit: '', ...fields })) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return t.app.inject({
    method: 'POST',
    url: '/newsroom/media',
    headers: { ...who.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
}

const mediaCount = async () => (await t.db.selectFrom('media').select('id').execute()).length;
const storedFiles = () => fs.readdirSync(mediaDir(t.config.dataDir)).sort();
const filesOf = (row: Pick<MediaRow, 'storage_key'>) =>
  storedFiles().filter((name) => name.startsWith(`${row.storage_key}-`));
const mediaRow = (id: number) => t.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();

/** An image uploaded by `who` through the pipeline (as the article editor's upload does). */
async function imageBy(who: SignedIn | null, text: { alt?: string; caption?: string; credit?: string } = {}) {
  return ingestImage(t.app.ctx.writer, t.config.dataDir, png, { uploadedBy: who?.user.id ?? null, ...text });
}

/** A body with the editor's inline figure for `image`. */
const figure = (image: MediaRow) =>
  `<p>Before.</p><figure class="story-image"><img src="/media/${image.storage_key}-480.jpg" alt="Inline" width="480" height="320" data-media-id="${image.id}"><figcaption>Inline caption</figcaption></figure><p>After.</p>`;

describe('uploading through the library form', () => {
  test('stores a PNG named .jpg as the PNG it is, with its text, and shows it', async () => {
    const res = await upload(
      editor,
      { bytes: png, name: 'harbour.jpg', type: 'image/jpeg' },
      { alt: 'Cranes over the harbour at dawn', caption: 'The new quay', credit: 'Warta/Ani' },
    );
    assert.equal(res.statusCode, 303, res.body.slice(0, 600));
    const id = Number(/^\/newsroom\/media\/(\d+)\?done=uploaded$/.exec(String(res.headers.location))?.[1]);
    const row = await mediaRow(id);
    assert.ok(row);
    assert.equal(row.mime, 'image/png', 'the type comes from the bytes, not the name or Content-Type');
    assert.equal(row.uploaded_by, editor.user.id);
    assert.deepEqual(
      [row.alt, row.caption, row.credit],
      ['Cranes over the harbour at dawn', 'The new quay', 'Warta/Ani'],
    );
    assert.deepEqual(filesOf(row), [
      `${row.storage_key}-480.jpg`,
      `${row.storage_key}-480.webp`,
      `${row.storage_key}-900.jpg`,
      `${row.storage_key}-900.webp`,
    ]);

    const page = await get(editor, String(res.headers.location));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The image has been uploaded\./);
    assert.match(
      page.body,
      /<img src="\/media\/[^"]+-900\.jpg"[^>]* width="900" height="600" alt="Cranes over the harbour at dawn"/,
    );
    assert.match(page.body, new RegExp(`<dt>Uploaded by</dt><dd>${editor.user.display_name}</dd>`));
    assert.match(page.body, /image\/png/);
    assert.match(page.body, /AVIF: pending/);
    assert.match(page.body, /No article, page or person uses this image, and it is not the site’s logo\./);
  });

  test('refuses a text file named .jpg with 415 on the page, keeping what was typed and storing nothing', async () => {
    const [count, files] = [await mediaCount(), storedFiles()];
    const res = await upload(
      editor,
      { bytes: Buffer.from('Minutes of the editorial meeting\n'), name: 'minutes.jpg', type: 'image/jpeg' },
      { alt: 'Typed <b>alt</b>' },
    );
    assert.equal(res.statusCode, 415);
    assert.match(res.headers['content-type'] as string, /^text\/html/);
    assert.match(res.body, /role="alert"/);
    assert.match(res.body, /This file is not a picture\. Upload a JPEG, PNG, WebP, AVIF or GIF image\./);
    assert.match(
      res.body,
      /Typed &lt;b>alt&lt;\/b>|Typed &lt;b&gt;alt&lt;\/b&gt;/,
      'the typed alt text is kept, escaped',
    );
    assert.equal(await mediaCount(), count);
    assert.deepEqual(storedFiles(), files);
  });

  test('says what is wrong with a bomb (422), a file over the limit (413) and no file (400)', async () => {
    const count = await mediaCount();
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(16000, 0);
    ihdr.writeUInt32BE(16000, 4);
    ihdr[8] = 8;
    ihdr[9] = 2;
    const chunk = (type: string, data: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      return Buffer.concat([length, Buffer.from(type), data, Buffer.alloc(4)]);
    };
    const bomb = Buffer.concat([
      png.subarray(0, 8),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(Buffer.alloc(1000))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    const bombed = await upload(editor, { bytes: bomb, name: 'big.png', type: 'image/png' });
    assert.equal(bombed.statusCode, 422);
    assert.match(bombed.body, /16000 × 16000 pixels/);

    const huge = Buffer.alloc(MAX_UPLOAD_BYTES + 10);
    png.copy(huge);
    const tooLarge = await upload(editor, { bytes: huge, name: 'huge.png', type: 'image/png' });
    assert.equal(tooLarge.statusCode, 413);
    assert.match(tooLarge.body, /larger than 25 MB/);

    const none = await upload(editor, { bytes: Buffer.alloc(0), name: '', type: 'application/octet-stream' });
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /Image file: choose a file to upload\./);
    assert.equal(await mediaCount(), count);
  });

  test('refuses an upload without the form token, and from contributors and authors, storing nothing', async () => {
    const count = await mediaCount();
    const file = { bytes: png, name: 'a.png', type: 'image/png' };
    assert.equal((await upload(editor, file, {}, 'x'.repeat(43))).statusCode, 403);
    for (const role of ['contributor', 'author'] as const) {
      const who = await signedIn(t, role, ['en']);
      assert.equal((await upload(who, file)).statusCode, 403, role);
    }
    assert.equal(await mediaCount(), count);
  });
});

describe('who sees which images', () => {
  test('a contributor sees only their own uploads, without the upload form; an editor sees all', async () => {
    const writer = await signedIn(t, 'contributor', ['en']);
    const other = await signedIn(t, 'contributor', ['en']);
    const own = await imageBy(writer, { alt: 'Fishing boats at the quay' });
    const theirs = await imageBy(other, { alt: 'Rice terraces' });
    const seeded = await imageBy(null, { alt: 'A seeded picture' });

    const mine = await get(writer, '/newsroom/media');
    assert.equal(mine.statusCode, 200);
    assert.match(mine.body, new RegExp(`href="/newsroom/media/${own.id}"`));
    assert.match(mine.body, /Fishing boats at the quay/);
    assert.doesNotMatch(mine.body, new RegExp(`href="/newsroom/media/(${theirs.id}|${seeded.id})"`));
    assert.doesNotMatch(mine.body, /multipart\/form-data/, 'no upload form');
    assert.doesNotMatch(mine.body, /name="mine"/);
    // Thumbnails: the 480 px size with its width and height, lazy, described by the link's text.
    assert.match(
      mine.body,
      new RegExp(`<img src="/media/${own.storage_key}-480\\.jpg" width="480" height="320" alt="" loading="lazy"`),
    );
    // Not even with ?mine= left off, or by opening the others' pages.
    assert.equal((await get(writer, `/newsroom/media/${theirs.id}`)).statusCode, 403);
    assert.equal((await get(writer, `/newsroom/media/${seeded.id}`)).statusCode, 403);
    assert.equal((await get(writer, `/newsroom/media/${own.id}`)).statusCode, 200);
    assert.doesNotMatch((await get(writer, `/newsroom/media/${own.id}`)).body, /Delete the image/);

    const all = await get(editor, '/newsroom/media');
    for (const image of [own, theirs, seeded]) assert.match(all.body, new RegExp(`href="/newsroom/media/${image.id}"`));
    assert.match(all.body, /enctype="multipart\/form-data"/);
    const editorsOwn = await get(editor, '/newsroom/media?mine=on');
    assert.doesNotMatch(editorsOwn.body, new RegExp(`href="/newsroom/media/(${own.id}|${theirs.id})"`));
    assert.match(editorsOwn.body, /name="mine" type="checkbox" checked/);

    const officer = await signedIn(t, 'integrity_officer');
    assert.equal((await get(officer, '/newsroom/media')).statusCode, 403);
    assert.equal((await get(officer, `/newsroom/media/${own.id}`)).statusCode, 403);
  });

  test('search finds alt text, captions and credits in either case; % and _ are plain characters', async () => {
    const a = await imageBy(editor, { alt: 'Volcano ash over Yogyakarta' });
    const b = await imageBy(editor, { caption: 'Ministers meet on the VOLCANO warning' });
    const c = await imageBy(editor, { credit: 'Antara/Volcanologist' });
    const d = await imageBy(editor, { alt: 'Turnout was 80% in the north' });
    const ids = (body: string) => [...body.matchAll(/href="\/newsroom\/media\/(\d+)"/g)].map((m) => Number(m[1]));
    const found = ids((await get(editor, '/newsroom/media?q=volcano')).body);
    assert.deepEqual(found.sort(), [a.id, b.id, c.id].sort());
    assert.deepEqual(ids((await get(editor, '/newsroom/media?q=80%25')).body), [d.id]);
    assert.deepEqual(ids((await get(editor, '/newsroom/media?q=%25%25%25')).body), []);
    assert.deepEqual(ids((await get(editor, '/newsroom/media?q=_olcano+ash')).body), []);
    assert.match((await get(editor, '/newsroom/media?q=nothing-like-it')).body, /No images match\./);
  });

  test('pages newest first by (created_at, id), also among images uploaded at the same moment', async () => {
    const who = await signedIn(t, 'author', ['en']);
    // Every one at the same time: the id alone orders them.
    t.setNow(new Date('2026-03-01T08:00:00.000Z'));
    const made: number[] = [];
    try {
      for (let i = 0; i < LIBRARY_PAGE_SIZE + 3; i++) made.push((await imageBy(who, { alt: `Frame ${i}` })).id);
    } finally {
      t.setNow(undefined);
    }
    const ids = (body: string) => [...body.matchAll(/href="\/newsroom\/media\/(\d+)"/g)].map((m) => Number(m[1]));
    const first = await get(who, '/newsroom/media');
    const next = /href="(\/newsroom\/media\?after=[^"]+)"/.exec(first.body)?.[1]?.replaceAll('&amp;', '&');
    assert.ok(next, 'a link to older images');
    const second = await get(who, next);
    assert.match(second.body, /Newest images/);
    assert.deepEqual([...ids(first.body), ...ids(second.body)], [...made].reverse());
    assert.doesNotMatch(second.body, /Older images/);
  });
});

describe('the text defaults', () => {
  test('the uploader edits them (media.updated); too long is refused on the page; others get 403', async () => {
    const writer = await signedIn(t, 'contributor', ['en']);
    const image = await imageBy(writer, { alt: 'Old alt' });
    const res = await post(writer, `/newsroom/media/${image.id}`, {
      alt: '  New alt  ',
      caption: 'A caption',
      credit: 'Warta',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/newsroom/media/${image.id}?done=saved`);
    const row = await mediaRow(image.id);
    assert.deepEqual([row?.alt, row?.caption, row?.credit], ['New alt', 'A caption', 'Warta']);
    const event = await t.db
      .selectFrom('outbox_events')
      .select(['payload', 'actor_id'])
      .where('type', '=', 'media.updated')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(event.payload), { mediaId: image.id });
    assert.equal(Number(event.actor_id), writer.user.id);
    assert.match((await get(writer, res.headers.location as string)).body, /The defaults have been saved\./);

    const long = await post(writer, `/newsroom/media/${image.id}`, { alt: 'x'.repeat(501), caption: '', credit: '' });
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /Description: use at most 500 characters\./);
    assert.equal((await mediaRow(image.id))?.alt, 'New alt');

    const other = await signedIn(t, 'contributor', ['en']);
    const author = await signedIn(t, 'author', ['en']);
    for (const who of [other, author]) {
      assert.equal((await post(who, `/newsroom/media/${image.id}`, { alt: 'Mine now' })).statusCode, 403);
    }
    assert.equal((await post(editor, `/newsroom/media/${image.id}`, { alt: 'By the editor' })).statusCode, 303);
    assert.equal((await mediaRow(image.id))?.alt, 'By the editor');
    assert.equal((await get(editor, '/newsroom/media/999999')).statusCode, 404);
  });
});

describe('where an image is used, and deleting it', () => {
  test('lists the articles featuring it and the articles and pages showing it in their text', async () => {
    const image = await imageBy(editor, { alt: 'Used' });
    const featuring = await makeArticle(t.db, { title: 'Harbour reopens after storm', featured_media_id: image.id });
    const inline = await makeArticle(t.db, {
      title: 'Fishing fleet returns',
      status: 'draft',
      body_html: figure(image),
    });
    const page = await makePage(t.db, { title: 'Our photographers', body_html: figure(image) });
    await makeArticle(t.db, { title: 'Unrelated story' });

    const res = await get(editor, `/newsroom/media/${image.id}`);
    assert.equal(res.statusCode, 200);
    assert.match(
      res.body,
      new RegExp(
        `<a href="/newsroom/articles/${featuring.id}" lang="en" dir="auto">Harbour reopens after storm</a> <span class="nr-meta">Article · EN · Published · featured image</span>`,
      ),
    );
    assert.match(
      res.body,
      new RegExp(
        `<a href="/newsroom/articles/${inline.id}" lang="en" dir="auto">Fishing fleet returns</a> <span class="nr-meta">Article · EN · Draft · in the text</span>`,
      ),
    );
    assert.match(
      res.body,
      new RegExp(
        `<a href="/newsroom/pages/${page.id}" lang="en" dir="auto">Our photographers</a> <span class="nr-meta">Page · EN · Published · in the text</span>`,
      ),
    );
    assert.doesNotMatch(res.body, /Unrelated story/);

    // The list follows the stories: the image taken out of the text is no longer listed there.
    await updateArticle(t.app.ctx.writer, inline.id, { bodyHtml: '<p>No picture now.</p>' });
    assert.doesNotMatch((await get(editor, `/newsroom/media/${image.id}`)).body, /Fishing fleet returns/);
  });

  test('finds an image put into a story whose event the usage consumer has not handled yet', async () => {
    const image = await imageBy(editor);
    const story = await makeArticle(t.db, { title: 'Late-breaking photo' });
    // In one transaction the event is not yet visible to the consumer: only the lookup can see it.
    const usages = await t.db
      .transaction()
      .execute(async (trx) => {
        await trx
          .updateTable('articles')
          .set({ body_html: figure(image) })
          .where('id', '=', story.id)
          .execute();
        await trx
          .insertInto('outbox_events')
          .values({
            type: 'article.updated',
            payload: JSON.stringify({ articleId: story.id, edition: 'en' }),
            actor_id: null,
            created_at: toDbTime(new Date()),
          })
          .execute();
        const found = await findUsages(trx, image);
        throw Object.assign(new Error('roll back'), { found });
      })
      .catch((error: { found?: Awaited<ReturnType<typeof findUsages>> }) => error.found);
    assert.ok(usages);
    assert.deepEqual(
      usages.items.map((u) => [u.kind, u.id, u.ways]),
      [['article', story.id, ['inline']]],
    );
    assert.equal(usages.isComplete, true);
  });

  test('refuses to delete an image in use, naming where; deletes an unused one with its files', async () => {
    const image = await imageBy(editor, { alt: 'Soon gone' });
    const story = await makeArticle(t.db, {
      title: 'Bridge closed for repairs',
      featured_media_id: image.id,
      body_html: figure(image),
    });
    const files = filesOf(image);
    assert.ok(files.length > 0);

    const refused = await post(editor, `/newsroom/media/${image.id}/delete`);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /role="alert"/);
    assert.match(refused.body, /The image was not deleted: it is used by the articles, pages or people below\./);
    assert.match(
      refused.body,
      new RegExp(`<a href="/newsroom/articles/${story.id}" lang="en" dir="auto">Bridge closed for repairs</a>`),
    );
    assert.match(refused.body, /featured image, in the text/);
    assert.ok(await mediaRow(image.id), 'still stored');
    assert.deepEqual(filesOf(image), files);

    // Contributors and authors may not delete, not even their own uploads.
    for (const role of ['contributor', 'author'] as const) {
      const who = await signedIn(t, role, ['en']);
      const theirs = await imageBy(who);
      assert.equal((await post(who, `/newsroom/media/${image.id}/delete`)).statusCode, 403, role);
      assert.equal((await post(who, `/newsroom/media/${theirs.id}/delete`)).statusCode, 403, role);
      assert.ok(await mediaRow(theirs.id));
    }

    // Out of the story (featured and inline): now it goes, with every file, and pages are purged.
    await updateArticle(t.app.ctx.writer, story.id, { featuredMediaId: null, bodyHtml: '<p>Text only.</p>' });
    await t.app.inject({ url: '/en' });
    assert.equal((await t.app.inject({ url: '/en' })).headers['x-cache'], 'hit');
    const deleted = await post(editor, `/newsroom/media/${image.id}/delete`);
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, '/newsroom/media?done=deleted');
    assert.equal(await mediaRow(image.id), undefined);
    assert.deepEqual(filesOf(image), [], 'every stored size is removed');
    assert.notEqual((await t.app.inject({ url: '/en' })).headers['x-cache'], 'hit', 'cached pages were purged');
    const event = await t.db
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'media.deleted')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(event.payload), { mediaId: image.id });
    assert.match((await get(editor, deleted.headers.location as string)).body, /The image has been deleted\./);
    assert.equal((await post(editor, `/newsroom/media/${image.id}/delete`)).statusCode, 404);
  });
});

describe('reading a body for images', () => {
  test('finds the editor’s ids and /media/ addresses, and ignores ids no image can have', () => {
    const html =
      '<img src="/media/2026-05-01-0a1b2c3d4e5f-960.jpg" srcset="/media/2026-05-01-0a1b2c3d4e5f-480.webp 480w" data-media-id="12">' +
      '<img data-media-id=\'7\'><img data-media-id="99999999999"><p>data-media-id is a phrase</p>';
    assert.deepEqual(imagesInBody(html), { ids: [12, 7], keys: ['2026-05-01-0a1b2c3d4e5f'] });
  });
});
