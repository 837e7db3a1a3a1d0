// The one way structured data, share cards and feeds pick a stored image: the largest JPEG,
// which every reader, crawler and feed client can show.
import { imageUrl, largestWidth, type Image } from '../media/index.ts';

/** The largest stored JPEG of an image: its path and pixel size. */
export interface ImageVariant {
  readonly path: string;
  readonly width: number;
  readonly height: number;
  readonly type: 'image/jpeg';
}

/** Picks the largest JPEG; its height follows the original's aspect ratio, as sharp resized it. */
export function largestJpeg(image: Image): ImageVariant {
  const width = largestWidth(image);
  const height = image.width > 0 ? Math.round((image.height * width) / image.width) : image.height;
  return { path: imageUrl(image, width, 'jpg'), width, height, type: 'image/jpeg' };
}
