// A library image as the site's logo: WebP sizes for the masthead (WebP keeps transparency, which
// the JPEG fallback flattens), and the largest JPEG for structured data and feeds.
import type { Kysely } from 'kysely';
import type { Database } from '../core/db/schema.ts';
import type { SiteLogo } from '../core/views/site.ts';
import { imageUrl, toImage } from './image.ts';

/** The logo made from image `mediaId`, or undefined when the library no longer has it. */
export async function loadSiteLogo(db: Kysely<Database>, mediaId: number): Promise<SiteLogo | undefined> {
  const row = await db
    .selectFrom('media')
    .select(['storage_key', 'width', 'height', 'variants', 'formats'])
    .where('id', '=', mediaId)
    .executeTakeFirst();
  if (!row) return undefined;
  const image = toImage(row);
  const widths = image.widths.length > 0 ? image.widths : [image.width];
  const largest = Math.max(...widths);
  const smallest = Math.min(...widths);
  return {
    src: imageUrl(image, smallest, 'webp'),
    srcset: widths.map((w) => `${imageUrl(image, w, 'webp')} ${w}w`).join(', '),
    width: image.width,
    height: image.height,
    raster: {
      url: imageUrl(image, largest),
      width: largest,
      height: Math.round((image.height * largest) / image.width),
    },
  };
}
