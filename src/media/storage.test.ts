// The local media storage: whole files or none, names that cannot leave the directory, a
// listing without the files still being written, and removal.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { localMediaStorage } from './storage.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-media-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('local media storage', () => {
  it('stores, reads and lists files; an unknown name reads as undefined', async () => {
    const storage = localMediaStorage(path.join(dir, 'media'));
    assert.deepEqual(await storage.list(), [], 'an empty store before the folder exists');
    await storage.put('2024-06-01-abc-480.jpg', Buffer.from('jpeg bytes'));
    await storage.put('2024-06-01-abc-480.webp', Buffer.from('webp bytes'));
    assert.equal((await storage.get('2024-06-01-abc-480.jpg'))?.toString(), 'jpeg bytes');
    assert.equal(await storage.get('2024-06-01-abc-960.jpg'), undefined);
    assert.deepEqual((await storage.list()).sort(), ['2024-06-01-abc-480.jpg', '2024-06-01-abc-480.webp']);
    assert.equal(storage.localDir, path.join(dir, 'media'));
    await storage.remove('2024-06-01-abc-480.webp');
    await storage.remove('2024-06-01-abc-480.webp'); // gone already: no error
    assert.deepEqual(await storage.list(), ['2024-06-01-abc-480.jpg']);
  });

  it('leaves no partial file behind and lists none being written', async () => {
    const storage = localMediaStorage(path.join(dir, 'whole'));
    await storage.put('a-1.jpg', Buffer.alloc(1 << 20, 7));
    assert.deepEqual(fs.readdirSync(path.join(dir, 'whole')), ['a-1.jpg'], 'only the finished file');
    // Another process's image half-way through its write:
    fs.writeFileSync(path.join(dir, 'whole', '.b-1.jpg.123.partial'), 'half');
    assert.deepEqual(fs.readdirSync(path.join(dir, 'whole')).sort(), ['.b-1.jpg.123.partial', 'a-1.jpg']);
    assert.deepEqual(await storage.list(), ['a-1.jpg']);
    assert.equal((await storage.get('a-1.jpg'))?.length, 1 << 20);
  });

  it('refuses names that could leave the directory', async () => {
    const storage = localMediaStorage(path.join(dir, 'safe'));
    for (const name of ['../escape.jpg', 'sub/file.jpg', '.hidden', '', 'a\\b.jpg']) {
      await assert.rejects(storage.put(name, Buffer.from('x')), /not a media file name/, name);
      await assert.rejects(storage.get(name), /not a media file name/, name);
      await assert.rejects(storage.remove(name), /not a media file name/, name);
    }
    assert.equal(fs.existsSync(path.join(dir, 'escape.jpg')), false);
  });
});
