// Demo photos drawn ahead of their story are stored exactly as those drawn when stored.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { mediaDir } from '../../src/media/index.ts';
import { drawDemoPhotoAhead, renderAndStoreDemoPhoto } from './photos.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const meta = { alt: 'A harbour at dusk', caption: 'The harbour', credit: 'Warta demo' };
const largest = (key: string) => fs.readFileSync(path.join(mediaDir(t.config.dataDir), `${key}-1600.jpg`));

describe('demo photos drawn ahead', () => {
  it('stores the same picture as one drawn when its story is stored, and draws it once', async () => {
    const photo = { scene: 'harbour', seed: 7 };
    const direct = await renderAndStoreDemoPhoto(t.db, t.config.dataDir, photo, meta);
    drawDemoPhotoAhead(photo);
    drawDemoPhotoAhead(photo); // already being drawn: not drawn twice
    const ahead = await renderAndStoreDemoPhoto(t.db, t.config.dataDir, photo, meta);
    assert.notEqual(ahead.storage_key, direct.storage_key);
    assert.deepEqual([ahead.width, ahead.height], [1600, 900]);
    assert.ok(largest(ahead.storage_key).equals(largest(direct.storage_key)));
  });
});
