// Demo photos made once and reused by every test process: drawing the demo's photos and resizing
// each into its stored sizes is most of a demo seed's time, and the result never changes.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { toDbTime } from '../../src/core/db/dialect.ts';
import type { Database, MediaRow } from '../../src/core/db/schema.ts';
import { mediaDir, type ImageMeta } from '../../src/media/index.ts';
import { renderAndStoreDemoPhoto, useDemoPhotoStorer, type DemoPhotoSpec } from '../../seed/demo/photos.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The code that decides a stored photo's files and row: a change to any of it starts a new cache. */
const INPUTS = ['seed/demo/photos.ts', 'src/media/store.ts', 'src/core/db/schema.ts'];
const PREFIX = 'warta-demo-photos-';
/** A lock older than this is taken over whoever holds it (a photo takes seconds to make). */
const STALE_LOCK_MS = 5 * 60_000;

/** A cached photo: its media row, less what differs per store, and its files by suffix ("480.jpg"). */
interface CachedPhoto {
  row: Omit<MediaRow, 'id' | 'storage_key' | 'created_at' | 'alt' | 'caption' | 'credit'>;
  files: string[];
}

let cacheDir: string | undefined;

/**
 * Makes this process store demo photos through the shared cache in os.tmpdir(), keyed by a hash
 * of the code that makes them. A photo is drawn and resized once (by `storeImage`, as always);
 * later seeds copy its files under a new storage key and record the same row.
 */
export function useDemoPhotoCache(): void {
  cacheDir ??= openCache();
  useDemoPhotoStorer(storeCachedPhoto);
}

/** The cache directory for the code as it is now, marked as in use. */
function openCache(): string {
  const hash = createHash('sha256').update(JSON.stringify(sharp.versions));
  for (const file of INPUTS) hash.update(file).update(fs.readFileSync(path.join(ROOT, file)));
  const dir = path.join(os.tmpdir(), PREFIX + hash.digest('hex').slice(0, 16));
  fs.mkdirSync(dir, { recursive: true });
  const now = new Date();
  fs.utimesSync(dir, now, now); // in use: see removeOldCaches
  removeOldCaches(dir);
  return dir;
}

async function storeCachedPhoto(
  db: Kysely<Database>,
  dataDir: string,
  photo: DemoPhotoSpec,
  meta: ImageMeta,
): Promise<MediaRow> {
  const entry = path.join(
    cacheDir!,
    createHash('sha256')
      .update(JSON.stringify([photo.scene, photo.seed]))
      .digest('hex'),
  );
  let cached = readEntry(entry);
  if (!cached) {
    // One process makes a photo while any other wanting it waits, rather than making it too.
    fs.mkdirSync(cacheDir!, { recursive: true });
    const release = await lock(`${entry}.lock`, () => fs.existsSync(entry));
    try {
      cached = readEntry(entry);
      if (!cached) {
        const row = await renderAndStoreDemoPhoto(db, dataDir, photo, meta);
        publishEntry(entry, row, dataDir);
        return row;
      }
    } finally {
      release();
    }
  }
  return copyEntry(db, dataDir, entry, cached, meta);
}

function readEntry(entry: string): CachedPhoto | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(entry, 'photo.json'), 'utf8')) as CachedPhoto;
  } catch {
    return undefined;
  }
}

/** Copies what storeImage wrote into a new entry, which appears whole or not at all (rename). */
function publishEntry(entry: string, row: MediaRow, dataDir: string): void {
  const { id: _id, storage_key: key, created_at: _at, alt: _alt, caption: _caption, credit: _credit, ...rest } = row;
  const source = mediaDir(dataDir);
  const files = fs
    .readdirSync(source)
    .filter((name) => name.startsWith(`${key}-`))
    .map((name) => name.slice(key.length + 1));
  const temp = `${entry}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  fs.mkdirSync(temp);
  for (const file of files) fs.copyFileSync(path.join(source, `${key}-${file}`), path.join(temp, file));
  fs.writeFileSync(path.join(temp, 'photo.json'), JSON.stringify({ row: rest, files } satisfies CachedPhoto));
  try {
    fs.renameSync(temp, entry);
  } catch {
    fs.rmSync(temp, { recursive: true, force: true }); // another process published it first
  }
}

/** Stores a cached photo in a data dir under a fresh key, as storeImage names its files. */
async function copyEntry(
  db: Kysely<Database>,
  dataDir: string,
  entry: string,
  cached: CachedPhoto,
  meta: ImageMeta,
): Promise<MediaRow> {
  const key = `${new Date().toISOString().slice(0, 10)}-${randomBytes(6).toString('hex')}`;
  const target = mediaDir(dataDir);
  await fs.promises.mkdir(target, { recursive: true });
  for (const file of cached.files)
    await fs.promises.copyFile(path.join(entry, file), path.join(target, `${key}-${file}`));
  return db
    .insertInto('media')
    .values({
      ...cached.row,
      alt: meta.alt,
      caption: meta.caption,
      credit: meta.credit,
      storage_key: key,
      created_at: toDbTime(new Date()),
      updated_at: toDbTime(new Date()),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Takes a lock file, waiting while another process holds it or until `isDone`. Two processes
 * that both take a stale lock only make the same photo twice: publishing stays atomic.
 */
async function lock(file: string, isDone: () => boolean): Promise<() => void> {
  for (;;) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (isDone()) return () => {};
    try {
      if (isStale(file)) fs.rmSync(file, { force: true });
    } catch {
      // released meanwhile
    }
    await delay(100);
  }
}

/** A lock is stale once its process has died (a test run stopped half-way) or after a long time. */
function isStale(file: string): boolean {
  const pid = Number(fs.readFileSync(file, 'utf8'));
  if (pid > 0) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
    }
  }
  return Date.now() - fs.statSync(file).mtimeMs > STALE_LOCK_MS;
}

/** Removes caches of older code left in os.tmpdir() (untouched for a day: no run uses them). */
function removeOldCaches(current: string): void {
  const dayAgo = Date.now() - 86_400_000;
  for (const name of fs.readdirSync(os.tmpdir())) {
    const dir = path.join(os.tmpdir(), name);
    if (!name.startsWith(PREFIX) || dir === current) continue;
    try {
      if (fs.statSync(dir).mtimeMs < dayAgo) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // another process removed it
    }
  }
}
