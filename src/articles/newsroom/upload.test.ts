// Uploading an image into an article through the newsroom route: the real type from the bytes,
// ownership, the bomb refused from its header, the form token.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeArticle, makeCategory } from '../../../test/helpers/factories.ts';
import { signedIn, type SignedIn } from '../../../test/helpers/newsroom.ts';

let t: TestApp;
let png: Buffer;
before(async () => {
  t = await createTestApp();
  png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a7' } })
    .png()
    .toBuffer();
});
after(() => t.close());

function multipart(file: Buffer, filename: string, type: string): { body: Buffer; contentType: string } {
  const boundary = '----warta-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

function upload(
  who: SignedIn,
  articleId: number,
  file: Buffer,
  filename = 'photo.jpg',
  type = 'image/jpeg',
  token = who.csrfToken,
) {
  const { body, contentType } = multipart(file, filename, type);
  return t.app.inject({
    method: 'POST',
    url: `/newsroom/media/upload?article=${articleId}`,
    headers: { ...who.headers, 'content-type': contentType, 'x-csrf-token': token, accept: 'application/json' },
    payload: body,
  });
}

/** A PNG whose header says 16,000 × 16,000 pixels, in a few hundred bytes. */
function pngBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(16000, 0);
  ihdr.writeUInt32BE(16000, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1000))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('a writer adds an image to their own draft; the type comes from the bytes, not the name', async () => {
  const section = await makeCategory(t.db, { edition: 'en' });
  const contributor = await signedIn(t, 'contributor');
  const own = await makeArticle(t.db, { category_id: section.id, status: 'draft', published_at: null });
  await t.db.updateTable('articles').set({ created_by: contributor.user.id }).where('id', '=', own.id).execute();
  const res = await upload(contributor, own.id, png, 'holiday.jpg', 'image/jpeg');
  assert.equal(res.statusCode, 200, res.body);
  const json = res.json() as { id: number; src: string; width: number; height: number };
  assert.match(json.src, /^\/media\/.+-960\.jpg$/);
  assert.equal(json.width, 960);
  assert.equal(json.height, 640);
  const row = await t.db.selectFrom('media').selectAll().where('id', '=', json.id).executeTakeFirstOrThrow();
  assert.equal(row.mime, 'image/png', 'a PNG named .jpg is stored as the PNG it is');
  assert.equal(row.uploaded_by, contributor.user.id);
  assert.equal((await t.app.inject({ url: json.src })).statusCode, 200);

  // Not into someone else's draft, nor into a published story.
  const other = await makeArticle(t.db, { category_id: section.id, status: 'draft', published_at: null });
  assert.equal((await upload(contributor, other.id, png)).statusCode, 403);
  // A file whose extension lies the other way: text named .jpg.
  const text = await upload(contributor, own.id, Buffer.from('<html><script>alert(1)</script></html>'), 'x.jpg');
  assert.equal(text.statusCode, 415);
  assert.equal((text.json() as { error: { code: string } }).error.code, 'unsupported_media_type');
  // Without the form token: refused, nothing stored.
  const before = (await t.db.selectFrom('media').select('id').execute()).length;
  assert.equal((await upload(contributor, own.id, png, 'a.png', 'image/png', 'x'.repeat(43))).statusCode, 403);
  assert.equal((await t.db.selectFrom('media').select('id').execute()).length, before);
});

test('a decompression bomb is refused from its header, ten at once, and the site keeps serving', async () => {
  const editor = await signedIn(t, 'editor');
  const section = await makeCategory(t.db, { edition: 'en' });
  const article = await makeArticle(t.db, { category_id: section.id });
  const answers = await Promise.all(
    Array.from({ length: 10 }, () => upload(editor, article.id, pngBomb(), 'big.png', 'image/png')),
  );
  for (const res of answers) {
    assert.equal(res.statusCode, 422);
    assert.equal((res.json() as { error: { code: string } }).error.code, 'image_too_large');
  }
  assert.equal((await t.app.inject({ url: '/healthz' })).statusCode, 200);
  assert.equal((await t.app.inject({ url: '/en' })).statusCode, 200);
});
