// An image as reader pages use it, and the URLs of its stored sizes.
import type { MediaRow } from '../core/db/schema.ts';

/** A stored file format; every image has 'jpg' and 'webp', and 'avif' once the job has made it. */
export type ImageFormat = 'jpg' | 'webp' | 'avif';

const KNOWN_FORMATS: readonly ImageFormat[] = ['jpg', 'webp', 'avif'];
/** What an image stored before formats were recorded has. */
const BASE_FORMATS: readonly ImageFormat[] = ['jpg', 'webp'];

/** A stored image with the sizes and formats it has. */
export interface Image {
  readonly key: string;
  readonly width: number;
  readonly height: number;
  readonly widths: readonly number[];
  /** The stored formats; when absent, 'jpg' and 'webp' (what every image has). */
  readonly formats?: readonly ImageFormat[];
}

/** Maps a media row to an Image; a row read without its formats has JPEG and WebP. */
export function toImage(
  row: Pick<MediaRow, 'storage_key' | 'width' | 'height' | 'variants'> & { formats?: string | null },
): Image {
  return {
    key: row.storage_key,
    width: row.width,
    height: row.height,
    widths: JSON.parse(row.variants) as number[],
    formats: row.formats == null ? BASE_FORMATS : parseFormats(row.formats),
  };
}

/** Reads a media row's `formats` (JSON text), keeping the known ones. */
export function parseFormats(text: string): ImageFormat[] {
  try {
    const list: unknown = JSON.parse(text);
    if (Array.isArray(list)) return KNOWN_FORMATS.filter((f) => list.includes(f));
  } catch {
    // Not JSON: the formats every image has.
  }
  return [...BASE_FORMATS];
}

/** Whether an image is stored in a format. */
export function hasFormat(image: Image, format: ImageFormat): boolean {
  return (image.formats ?? BASE_FORMATS).includes(format);
}

/** URL of one stored size. */
export function imageUrl(image: Image, width: number, format: ImageFormat = 'jpg'): string {
  return `/media/${image.key}-${width}.${format}`;
}

/** The largest stored size (for Open Graph and feeds). */
export function largestWidth(image: Image): number {
  return image.widths[image.widths.length - 1] ?? image.width;
}
