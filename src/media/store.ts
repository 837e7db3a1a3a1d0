// Stores an uploaded or generated image: strips metadata, fixes orientation and writes the JPEG
// and WebP sizes the reader pages offer in srcset to the media storage, then records it in `media`.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Sharp } from 'sharp';
import type { Kysely } from 'kysely';
import type { Database, MediaRow } from '../core/db/schema.ts';
import { toDbTime } from '../core/db/dialect.ts';
import { AppError } from '../core/http/errors.ts';
import { localMediaStorage, type MediaStorage } from './storage.ts';

/** Widths generated for srcset; an image is never enlarged past its own width. */
export const IMAGE_WIDTHS = [480, 960, 1600] as const;
/** Decompression-bomb guard: refuse images larger than this many pixels. */
const MAX_INPUT_PIXELS = 60_000_000;

export interface ImageMeta {
  alt: string;
  caption: string;
  credit: string;
}

/** Directory under the data dir where media files live. */
export function mediaDir(dataDir: string): string {
  return path.join(dataDir, 'media');
}

/** The site's media store: <data dir>/media on local disk (the one place to choose another store). */
export function mediaStorage(dataDir: string): MediaStorage {
  return localMediaStorage(mediaDir(dataDir));
}

/** Processes an image and records it; throws AppError('bad_request') for data that is not an image. */
export async function storeImage(
  db: Kysely<Database>,
  dataDir: string,
  input: Buffer,
  meta: ImageMeta,
): Promise<MediaRow> {
  let image: Sharp;
  let width: number;
  let height: number;
  // Loaded on the first upload, not at every start (~90 ms): readers' pages never draw images.
  const { default: sharp } = await import('sharp');
  try {
    image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).rotate();
    const info = await image.metadata();
    // After rotate(), EXIF orientations 5-8 swap width and height.
    const swapped = (info.orientation ?? 1) >= 5;
    width = (swapped ? info.height : info.width) ?? 0;
    height = (swapped ? info.width : info.height) ?? 0;
    if (!width || !height) throw new Error('no dimensions');
  } catch {
    throw new AppError('bad_request', 'The file is not an image that can be read (JPEG, PNG, WebP, AVIF or GIF).');
  }
  const key = `${new Date().toISOString().slice(0, 10)}-${randomBytes(6).toString('hex')}`;
  const storage = mediaStorage(dataDir);
  const widths: number[] = IMAGE_WIDTHS.filter((w) => w < width);
  widths.push(Math.min(width, IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!));
  const unique = [...new Set(widths)].sort((a, b) => a - b);
  let bytes = 0;
  for (const w of unique) {
    const resized = image.clone().resize({ width: w, withoutEnlargement: true });
    const [jpeg, webp] = await Promise.all([
      resized.clone().jpeg({ quality: 80, mozjpeg: true }).toBuffer(),
      resized.clone().webp({ quality: 74 }).toBuffer(),
    ]);
    await storage.put(`${key}-${w}.jpg`, jpeg);
    await storage.put(`${key}-${w}.webp`, webp);
    bytes += jpeg.length + webp.length;
  }
  return db
    .insertInto('media')
    .values({
      kind: 'image',
      storage_key: key,
      mime: 'image/jpeg',
      width,
      height,
      bytes,
      alt: meta.alt,
      caption: meta.caption,
      credit: meta.credit,
      variants: JSON.stringify(unique),
      created_at: toDbTime(new Date()),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
