// The AVIF job: it writes AVIF sizes of images lacking them, records them (media.updated, so
// cached pages are redrawn), and reader pages then offer AVIF first; a broken image waits at the
// back of the queue instead of holding up the others.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle } from '../../test/helpers/factories.ts';
import { articlePath } from '../articles/index.ts';
import { avifJob, listMediaLackingAvif, makeMissingAvif } from './avif.ts';
import { ingestImage, mediaDir } from './index.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

let shade = 0;
async function upload(width: number, height: number) {
  shade += 40;
  const input = await sharp({ create: { width, height, channels: 3, background: { r: shade % 256, g: 90, b: 40 } } })
    .jpeg()
    .toBuffer();
  return ingestImage(t.app.ctx.writer, t.config.dataDir, input, { uploadedBy: null });
}

const fileOf = (key: string, suffix: string) => `${mediaDir(t.config.dataDir)}/${key}-${suffix}`;
const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('the AVIF job', () => {
  it('is registered, and waits until the process has warmed up', async () => {
    assert.ok(t.app.ctx.jobs.names().includes('media.avif'));
    const run = { now: new Date(), previousRunAt: undefined };
    assert.equal(await avifJob(t.app.ctx).run(run), 'waiting for the process to warm up');
  });

  it('writes AVIF at every stored width, and the story page then lists AVIF first', async () => {
    const image = await upload(700, 420);
    const story = await makeArticle(t.db, { title: 'Ferry timetable changes', featured_media_id: image.id });
    const page = articlePath(story);
    const before = await get(page);
    assert.equal(before.statusCode, 200);
    assert.doesNotMatch(before.body, /image\/avif/, 'no AVIF yet');
    assert.equal((await get(page)).headers['x-cache'], 'hit', 'the page is cached');

    const message = await avifJob(t.app.ctx, { warmUpMs: 0 }).run({ now: new Date(), previousRunAt: undefined });
    assert.equal(message, '1 images given AVIF sizes');
    for (const [width, height] of [
      [480, 288],
      [700, 420],
    ]) {
      const meta = await sharp(fileOf(image.storage_key, `${width}.avif`)).metadata();
      assert.deepEqual([meta.format, meta.compression, meta.width, meta.height], ['heif', 'av1', width, height]);
      assert.equal(meta.exif, undefined);
    }
    const row = await t.db.selectFrom('media').selectAll().where('id', '=', image.id).executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(row.formats), ['jpg', 'webp', 'avif']);
    assert.ok(row.bytes > image.bytes, 'the AVIF files are counted');
    const event = await t.db
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'media.updated')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(event.payload), { mediaId: image.id });

    const after = await get(page);
    assert.notEqual(after.headers['x-cache'], 'hit', 'the cached page was purged');
    const key = image.storage_key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    assert.match(
      after.body,
      new RegExp(
        `<picture[^>]*><source type="image/avif" srcset="/media/${key}-480\\.avif 480w, /media/${key}-700\\.avif 700w" sizes="[^"]+"/?><source type="image/webp"`,
      ),
    );
    assert.match(after.body, new RegExp(`<img src="/media/${key}-700\\.jpg"[^>]* width="700" height="420"`));
    assert.match((await get('/en')).body, /type="image\/avif"/, 'the story’s card too');
    assert.deepEqual(await makeMissingAvif(t.app.ctx.writer, t.config.dataDir), { made: 0, failed: [] }, 'done once');
  });

  it('puts an image whose files are missing at the back of the queue and goes on with the others', async () => {
    const broken = await upload(500, 300);
    const fine = await upload(520, 300);
    for (const name of fs.readdirSync(mediaDir(t.config.dataDir))) {
      if (name.startsWith(`${broken.storage_key}-`)) fs.rmSync(`${mediaDir(t.config.dataDir)}/${name}`);
    }
    const run = await makeMissingAvif(t.app.ctx.writer, t.config.dataDir);
    assert.equal(run.made, 1);
    assert.deepEqual(
      run.failed.map((f) => f.mediaId),
      [broken.id],
    );
    assert.match(run.failed[0]!.reason, /is stored/);
    assert.ok(fs.existsSync(fileOf(fine.storage_key, '520.avif')));
    const waiting = await listMediaLackingAvif(t.db, 10);
    assert.deepEqual(
      waiting.map((r) => r.id),
      [broken.id],
      'only the broken one still waits, last in line',
    );
  });
});
