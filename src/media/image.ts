// An image as reader pages use it, and the URLs of its stored sizes.
import type { MediaRow } from '../core/db/schema.ts';

/** A stored image with the sizes it has. */
export interface Image {
  readonly key: string;
  readonly width: number;
  readonly height: number;
  readonly widths: readonly number[];
}

/** Maps a media row to an Image. */
export function toImage(row: Pick<MediaRow, 'storage_key' | 'width' | 'height' | 'variants'>): Image {
  return { key: row.storage_key, width: row.width, height: row.height, widths: JSON.parse(row.variants) as number[] };
}

/** URL of one stored size. */
export function imageUrl(image: Image, width: number, format: 'jpg' | 'webp' = 'jpg'): string {
  return `/media/${image.key}-${width}.${format}`;
}

/** The largest stored size (for Open Graph and feeds). */
export function largestWidth(image: Image): number {
  return image.widths[image.widths.length - 1] ?? image.width;
}
