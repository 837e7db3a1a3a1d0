// The newsroom's upload pipeline: the type comes from the bytes, refused files leave nothing
// behind, a decompression bomb is refused from its header while the app keeps serving, photos
// are turned upright and lose their EXIF and GPS, and pictures are processed two at a time.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeAuthor } from '../../test/helpers/factories.ts';
import { AppError } from '../core/http/errors.ts';
import { ingestImage, MAX_UPLOAD_BYTES, mediaDir } from './index.ts';
import { imageSlots } from './store.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const ingest = (input: Buffer, uploadedBy: number | null = null) =>
  ingestImage(t.app.ctx.writer, t.config.dataDir, input, { uploadedBy, alt: 'Alt text', credit: 'Warta' });

/** A flat-coloured picture in a format; colours differ so no two tests share a processed picture. */
let shade = 0;
async function picture(format: 'jpeg' | 'png' | 'webp' | 'avif' | 'gif', width: number, height: number) {
  shade = (shade + 37) % 256;
  const image = sharp({ create: { width, height, channels: 3, background: { r: shade, g: 120, b: 200 } } });
  return format === 'avif' ? image.avif({ effort: 0 }).toBuffer() : image.toFormat(format).toBuffer();
}

/** A PNG's chunk: length, type, data, CRC. */
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** What a real bomb looks like: a header that says 16,000 × 16,000 grey pixels, and a little data. */
function pngBomb(side = 16_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(side + 1), { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Rows and files now, to show that a refused upload wrote neither. */
async function stored() {
  const rows = await t.db
    .selectFrom('media')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  const dir = mediaDir(t.config.dataDir);
  return { rows: Number(rows?.n ?? 0), files: fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [] };
}

/** Asserts that `work` is refused with this status and code, and that nothing was stored. */
async function assertRefused(
  work: () => Promise<unknown>,
  status: number,
  code: string,
  message?: RegExp,
  label = code,
) {
  const before = await stored();
  await assert.rejects(work, (error: unknown) => {
    assert.ok(error instanceof AppError, `${label}: an AppError, not ${String(error)}`);
    assert.equal(error.status, status, label);
    assert.equal(error.code, code, label);
    if (message) assert.match(error.message, message, label);
    return true;
  });
  assert.deepEqual(await stored(), before, `${label}: no row and no file`);
}

const fileOf = (key: string, suffix: string) => `${mediaDir(t.config.dataDir)}/${key}-${suffix}`;

describe('ingestImage', () => {
  it('stores JPEG, PNG, WebP, AVIF and GIF with their sizes in JPEG and WebP, and records who sent them', async () => {
    const reporter = await makeAuthor(t.db);
    for (const [format, mime] of [
      ['jpeg', 'image/jpeg'],
      ['png', 'image/png'],
      ['webp', 'image/webp'],
      ['avif', 'image/avif'],
      ['gif', 'image/gif'],
    ] as const) {
      const row = await ingest(await picture(format, 1000, 600), reporter.id);
      assert.equal(row.mime, mime, `${format}: the type read from the bytes`);
      assert.deepEqual([row.width, row.height], [1000, 600], format);
      assert.equal(row.variants, '[480,960,1000]', format);
      assert.equal(row.formats, '["jpg","webp"]', `${format}: no AVIF during the upload`);
      assert.equal(row.uploaded_by, reporter.id);
      assert.equal(row.alt, 'Alt text');
      assert.ok(row.updated_at, 'updated_at is set');
      for (const [width, height] of [
        [480, 288],
        [960, 576],
        [1000, 600],
      ]) {
        for (const [ext, type] of [
          ['jpg', 'jpeg'],
          ['webp', 'webp'],
        ]) {
          const meta = await sharp(fileOf(row.storage_key, `${width}.${ext}`)).metadata();
          assert.deepEqual(
            [meta.format, meta.width, meta.height],
            [type, width, height],
            `${format} → ${width}.${ext}`,
          );
        }
      }
      assert.equal(fs.existsSync(fileOf(row.storage_key, '1000.avif')), false);
      const event = await t.db
        .selectFrom('outbox_events')
        .select('payload')
        .where('type', '=', 'media.created')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(event.payload), { mediaId: row.id });
    }
  });

  it('takes the type from the bytes alone: a PNG called photo.jpg and sent as image/jpeg is stored as a PNG', async () => {
    // The API has no name or Content-Type to be misled by; what the route was told does not matter.
    const png = await picture('png', 500, 400);
    const row = await ingest(png);
    assert.equal(row.mime, 'image/png');
    assert.equal(row.uploaded_by, null);
    assert.deepEqual(JSON.parse(row.variants), [480, 500]);
  });

  it('refuses text, HTML, SVG, PDF, TIFF and HEIC files with 415, writing nothing', async () => {
    const tiff = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#888' } })
      .tiff()
      .toBuffer();
    // A HEIC's container, as an iPhone writes it (the pixels do not matter: the header refuses it).
    const avif = (await picture('avif', 40, 30)).toString('latin1');
    const heic = Buffer.from(avif.replace('ftypavif', 'ftypheic').replace(/avif/g, 'heic'), 'latin1');
    const refused: [string, Buffer, RegExp][] = [
      ['text', Buffer.from('Minutes of the editorial meeting\n'), /not a picture/],
      ['html', Buffer.from('<!doctype html><html><body><img src=x onerror=alert(1)></body></html>'), /web page/],
      [
        'svg',
        Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'),
        /SVG/,
      ],
      ['pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), /PDF/],
      ['tiff', tiff, /TIFF/],
      ['heic', heic, /HEIC/],
      ['empty', Buffer.alloc(0), /empty/],
    ];
    for (const [name, bytes, message] of refused) {
      await assertRefused(() => ingest(bytes), 415, 'unsupported_media_type', message, name);
      await assertRefused(() => ingest(bytes), 415, 'unsupported_media_type', /JPEG, PNG, WebP, AVIF or GIF/, name);
    }
  });

  it('refuses a cut-short or corrupt JPEG with 422, writing nothing', async () => {
    const jpeg = await picture('jpeg', 800, 600);
    await assertRefused(
      () => ingest(jpeg.subarray(0, jpeg.length >> 1)),
      422,
      'unprocessable_content',
      /damaged or cut short/,
    );
    const garbage = Buffer.concat([jpeg.subarray(0, 3), Buffer.alloc(2000, 0x5a)]);
    await assertRefused(() => ingest(garbage), 422, 'unprocessable_content', /cannot be read/);
  });

  it('refuses a file over 25 MB with 413 before reading it', async () => {
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await assertRefused(() => ingest(big), 413, 'payload_too_large', /25 MB/);
  });

  it('refuses a 16,000 × 16,000 PNG bomb from its header, ten at once, and the app keeps serving', async () => {
    const bomb = pngBomb();
    assert.ok(bomb.length < 200, `a tiny file (${bomb.length} bytes)`);
    await assertRefused(() => ingest(bomb), 422, 'image_too_large', /16000 × 16000 pixels \(256 megapixels\)/);
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    const outcomes = Promise.allSettled(Array.from({ length: 10 }, () => ingest(bomb)));
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    const settled = await outcomes;
    const ms = performance.now() - started;
    assert.equal(health.statusCode, 200, 'served while the bombs arrived');
    assert.ok(
      settled.every((s) => s.status === 'rejected' && (s.reason as AppError).code === 'image_too_large'),
      'every one refused',
    );
    assert.ok(ms < 3000, `refused in ${Math.round(ms)} ms, without decoding`);
    assert.ok(process.memoryUsage().rss - rss < 100 * 1024 * 1024, 'no 256-megapixel buffer was made');
    assert.equal(imageSlots.active, 0, 'no processing slot was taken');
    assert.equal((await t.app.inject({ method: 'GET', url: '/en' })).statusCode, 200, 'and serves after them');
    // Just over the limit is refused too; a picture too tall to store is refused with the reason.
    await assertRefused(() => ingest(pngBomb(7072)), 422, 'image_too_large', /megapixels/);
    const tall = await sharp({ create: { width: 100, height: 2000, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    assert.ok((await ingest(tall)).id, 'a tall picture within the limits is stored');
    const tower = await sharp({ create: { width: 40, height: 17_000, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    await assertRefused(() => ingest(tower), 422, 'image_too_large', /too tall/);
  });

  it('turns a photo with EXIF orientation 6 upright and keeps no EXIF, GPS or XMP in any stored file', async () => {
    const photo = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#3a7' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({
        IFD0: { Make: 'PhoneMaker', Copyright: 'Reporter' },
        IFD3: {
          GPSLatitudeRef: 'S',
          GPSLatitude: '6/1 10/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '106/1 49/1 0/1',
        },
      })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>')
      .toBuffer();
    const original = await sharp(photo).metadata();
    assert.ok(original.exif && original.xmp && original.orientation === 6, 'the upload carries EXIF, GPS and XMP');
    const row = await ingest(photo);
    assert.deepEqual([row.width, row.height], [400, 600], 'turned a quarter: width and height swap');
    assert.deepEqual(JSON.parse(row.variants), [400]);
    for (const ext of ['jpg', 'webp']) {
      const meta = await sharp(fileOf(row.storage_key, `400.${ext}`)).metadata();
      assert.deepEqual([meta.width, meta.height], [400, 600], ext);
      assert.equal(meta.exif, undefined, `${ext}: no EXIF (so no GPS)`);
      assert.equal(meta.xmp, undefined, `${ext}: no XMP`);
      assert.equal(meta.orientation, undefined, `${ext}: upright, nothing left to turn`);
      assert.equal(meta.space, 'srgb');
    }
  });

  it('converts a wide-gamut (Display P3) photo to sRGB', async () => {
    // Stored as P3 values of sRGB (200, 100, 50); a copy that kept the numbers and lost the
    // profile would show (187, 105, 62), duller.
    const p3 = await sharp({ create: { width: 500, height: 300, channels: 3, background: { r: 200, g: 100, b: 50 } } })
      .withIccProfile('p3')
      .png()
      .toBuffer();
    const row = await ingest(p3);
    const webp = await sharp(fileOf(row.storage_key, '500.webp')).raw().toBuffer();
    const [r, g, b] = webp;
    assert.ok(Math.abs(r! - 200) <= 6 && Math.abs(g! - 100) <= 6 && Math.abs(b! - 50) <= 6, `got ${r}, ${g}, ${b}`);
  });

  it('keeps transparency in WebP and puts a transparent PNG on white in the JPEG', async () => {
    const png = await sharp({
      create: { width: 600, height: 400, channels: 4, background: { r: 255, g: 0, b: 0, alpha: 0.5 } },
    })
      .png()
      .toBuffer();
    const row = await ingest(png);
    const pixel = async (suffix: string) => [
      ...(await sharp(fileOf(row.storage_key, suffix)).raw().toBuffer()).subarray(0, 4),
    ];
    const [r, g, b, a] = await pixel('480.webp');
    assert.ok(r! > 250 && g! < 8 && b! < 8 && Math.abs(a! - 128) <= 2, `half-transparent red, got ${[r, g, b, a]}`);
    const [jr, jg, jb] = await pixel('600.jpg');
    assert.ok(jr! > 250 && Math.abs(jg! - 128) <= 4 && Math.abs(jb! - 128) <= 4, `red on white, got ${[jr, jg, jb]}`);
  });

  it('processes ten uploads that arrive together two at a time, and all are stored', async () => {
    const uploads = await Promise.all(Array.from({ length: 10 }, () => picture('jpeg', 1800, 300)));
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, imageSlots.active)), 1);
    try {
      const rows = await Promise.all(uploads.map((input) => ingest(input)));
      assert.equal(new Set(rows.map((r) => r.storage_key)).size, 10);
      assert.ok(rows.every((r) => r.variants === '[480,960,1600]'));
    } finally {
      clearInterval(watch);
    }
    assert.ok(most >= 1 && most <= 2, `at most two at once (saw ${most})`);
  });

  it('checks its options, and leaves no files when the row cannot be recorded', async () => {
    const png = await picture('png', 300, 200);
    await assertRefused(
      () => ingestImage(t.app.ctx.writer, t.config.dataDir, png, { uploadedBy: null, alt: 'x'.repeat(501) }),
      400,
      'bad_request',
      /alt: is longer than 500 characters/,
    );
    const before = await stored();
    await assert.rejects(ingest(png, 2_000_000_000), (error: Error) => {
      assert.doesNotMatch(error.name, /AppError|InputError/, 'the database refused the row: no such user');
      return true;
    });
    assert.deepEqual(await stored(), before, 'the files written for it are gone again');
  });
});
