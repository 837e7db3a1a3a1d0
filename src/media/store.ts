// Stores an uploaded or generated image: checks what it is from its header (probe.ts), then, one
// decode per picture, turns it upright, converts it to sRGB, drops its metadata (EXIF, GPS, XMP)
// and writes the WebP and JPEG sizes the reader pages offer in srcset to the media storage.
// AVIF sizes come later, from a background job (avif.ts): they take seconds per picture.
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Insertable, Kysely } from 'kysely';
import type { Database, MediaRow, MediaTable } from '../core/db/schema.ts';
import { toDbTime } from '../core/db/dialect.ts';
import { AppError } from '../core/http/errors.ts';
import { MAX_IMAGE_PIXELS, MAX_STORED_SIDE, probeImage, type ImageProbe } from './probe.ts';
import { Semaphore } from './semaphore.ts';
import { localMediaStorage, type MediaStorage } from './storage.ts';

/** Widths generated for srcset; an image is never enlarged past its own width. */
export const IMAGE_WIDTHS = [480, 960, 1600] as const;
/** The formats an image has once uploaded; 'avif' is added by the background job. */
export const UPLOAD_FORMATS = ['jpg', 'webp'] as const;

/**
 * Pictures decoded or encoded at once in this process (uploads and the AVIF job): memory stays
 * bounded whatever arrives together, and two of libuv's four threads stay free. A 33rd waiting
 * upload is told to come back rather than held in memory.
 */
export const imageSlots = new Semaphore(
  2,
  32,
  () => new AppError('service_unavailable', 'Many pictures are being processed right now; try again in a minute.'),
);

/** What the newsroom says about an image. */
export interface ImageMeta {
  alt: string;
  caption: string;
  credit: string;
}

/** An image's files, written to the media storage, and what its media row says of them. */
export interface StoredImage {
  readonly key: string;
  readonly probe: ImageProbe;
  readonly widths: readonly number[];
  /** The stored files' names. */
  readonly files: readonly string[];
  readonly bytes: number;
}

/** Directory under the data dir where media files live. */
export function mediaDir(dataDir: string): string {
  return path.join(dataDir, 'media');
}

/** The site's media store: <data dir>/media on local disk (the one place to choose another store). */
export function mediaStorage(dataDir: string): MediaStorage {
  return localMediaStorage(mediaDir(dataDir));
}

/**
 * Processes an image and records it, without an event: for the demo seed and the test factories,
 * whose stories (saved by commands) are what make an image appear. The newsroom uses ingestImage.
 * Throws AppError 413, 415 or 422 (see probeImage) for a file that is not an image it takes.
 */
export async function storeImage(
  db: Kysely<Database>,
  dataDir: string,
  input: Buffer,
  meta: ImageMeta,
): Promise<MediaRow> {
  const stored = await writeImageFiles(dataDir, input);
  return db
    .insertInto('media')
    .values(mediaValues(stored, meta, null, new Date()))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Checks an upload, makes its sizes and writes them under a new key; nothing is written for a refused file. */
export async function writeImageFiles(dataDir: string, input: Buffer): Promise<StoredImage> {
  const probe = await probeImage(input);
  const rendered = await renderImage(input, probe);
  const key = `${new Date().toISOString().slice(0, 10)}-${randomBytes(6).toString('hex')}`;
  const storage = mediaStorage(dataDir);
  const files: string[] = [];
  try {
    for (const [suffix, data] of rendered.files) {
      const name = `${key}-${suffix}`;
      await storage.put(name, data);
      files.push(name);
    }
  } catch (error) {
    await removeImageFiles(dataDir, files);
    throw error;
  }
  let bytes = 0;
  for (const data of rendered.files.values()) bytes += data.length;
  return { key, probe, widths: rendered.widths, files, bytes };
}

/** Removes files written for an image whose row could not be recorded (best effort: an orphan is harmless). */
export async function removeImageFiles(dataDir: string, files: readonly string[]): Promise<void> {
  const storage = mediaStorage(dataDir);
  await Promise.all(files.map((name) => storage.remove(name).catch(() => undefined)));
}

/** The media row of stored files. */
export function mediaValues(
  stored: StoredImage,
  meta: ImageMeta,
  uploadedBy: number | null,
  now: Date,
): Insertable<MediaTable> {
  const at = toDbTime(now);
  return {
    kind: 'image',
    storage_key: stored.key,
    // The upload's real type, read from its bytes; the stored files are JPEG and WebP.
    mime: stored.probe.mime,
    width: stored.probe.width,
    height: stored.probe.height,
    bytes: stored.bytes,
    alt: meta.alt,
    caption: meta.caption,
    credit: meta.credit,
    variants: JSON.stringify(stored.widths),
    formats: JSON.stringify(UPLOAD_FORMATS),
    uploaded_by: uploadedBy,
    created_at: at,
    updated_at: at,
  };
}

/** The widths stored for a picture this wide: the srcset widths below it, and its own (at most the largest). */
export function storedWidths(width: number): number[] {
  const widths: number[] = IMAGE_WIDTHS.filter((w) => w < width);
  widths.push(Math.min(width, IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!));
  return [...new Set(widths)].sort((a, b) => a - b);
}

/** An image's sizes, made but not yet written: file suffix ("960.webp") → bytes. */
interface RenderedImage {
  readonly widths: readonly number[];
  readonly files: ReadonlyMap<string, Buffer>;
}

/**
 * The last few pictures made, by a hash of their bytes: an upload retried from a phone on a bad
 * connection, or the test factories' one picture stored for every story, is not made again.
 */
const recent = new Map<string, RenderedImage>();
const RECENT_ENTRIES = 8;
const RECENT_BYTES = 16 * 1024 * 1024;

async function renderImage(input: Buffer, probe: ImageProbe): Promise<RenderedImage> {
  const hash = createHash('sha256').update(input).digest('hex');
  const known = recent.get(hash);
  if (known) return known;
  const widths = storedWidths(probe.width);
  const largest = widths[widths.length - 1]!;
  const tallest = Math.round((probe.height * largest) / probe.width);
  if (tallest > MAX_STORED_SIDE) {
    throw new AppError(
      'image_too_large',
      `The picture is too tall for its width (${probe.width} × ${probe.height} pixels): at ${largest} pixels wide it would be ${tallest} tall, and ${MAX_STORED_SIDE} is the most that can be stored. Crop it.`,
    );
  }
  const files = await imageSlots.run(() => renderSizes(input, widths));
  const rendered = { widths, files };
  remember(hash, rendered);
  return rendered;
}

/**
 * Decodes the picture once, upright and at the largest stored width, then makes every size from
 * those pixels: a large upload is not decoded again for each size and format. The pixels are
 * sRGB (sharp converts from an embedded profile, such as a phone's Display P3, and drops it), and
 * no EXIF, GPS or XMP data reaches a stored file: sharp writes none unless asked.
 */
async function renderSizes(input: Buffer, widths: readonly number[]): Promise<Map<string, Buffer>> {
  const { default: sharp } = await import('sharp');
  const largest = widths[widths.length - 1]!;
  let decoded: { data: Buffer; info: import('sharp').OutputInfo };
  try {
    // The pixel limit again, should a header ever disagree with the data; an animation gives
    // its first frame (a still for the story).
    decoded = await sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'warning' })
      .autoOrient()
      .resize({ width: largest, withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new AppError(
      'unprocessable_content',
      'The picture cannot be read to the end: the file may be damaged or cut short. Try uploading it again.',
    );
  }
  const { data, info } = decoded;
  const raw = {
    width: info.width,
    height: info.height,
    channels: info.channels as 1 | 2 | 3 | 4,
    premultiplied: info.premultiplied,
  };
  const files = new Map<string, Buffer>();
  // One encode at a time: the slot stands for one thread's work.
  for (const w of widths) {
    const sized = () => (w === info.width ? sharp(data, { raw }) : sharp(data, { raw }).resize({ width: w }));
    files.set(`${w}.webp`, await sized().webp({ quality: 74 }).toBuffer());
    // JPEG has no transparency: a transparent PNG's background becomes white, as on the page.
    files.set(
      `${w}.jpg`,
      await sized().flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true }).toBuffer(),
    );
  }
  return files;
}

function remember(hash: string, rendered: RenderedImage): void {
  let size = 0;
  for (const data of rendered.files.values()) size += data.length;
  if (size > RECENT_BYTES / RECENT_ENTRIES) return;
  // Oldest first out: a Map iterates in insertion order.
  if (recent.size >= RECENT_ENTRIES) recent.delete(recent.keys().next().value!);
  recent.set(hash, rendered);
}
