// The publisher logo search engines and news apps ask for: Google wants a raster image, so the
// station mark (the favicon's SVG) is drawn once as a square PNG with sharp.
import { createHash } from 'node:crypto';
import { FAVICON_SVG } from '../core/views/favicon.ts';

const SIZE = 512;
// The URL carries a hash of the drawing, so it can be cached forever and still follow a rebrand.
const HASH = createHash('sha256').update(`${SIZE}:${FAVICON_SVG}`).digest('hex').slice(0, 10);

/** The logo's URL path and pixel size, as structured data and feeds cite it. */
export const PUBLISHER_LOGO = { path: `/publisher-logo.${HASH}.png`, width: SIZE, height: SIZE } as const;

let rendering: Promise<Buffer> | undefined;

/**
 * The logo as PNG bytes; drawn once per process, when first asked for (every app built in tests
 * shares it), so a start loads no image library.
 */
export function renderPublisherLogo(): Promise<Buffer> {
  rendering ??= import('sharp').then(({ default: sharp }) =>
    sharp(Buffer.from(FAVICON_SVG), { density: (72 * SIZE) / 48 })
      .resize(SIZE, SIZE)
      // A white ground: some apps show logos on dark backgrounds, where transparent corners look torn.
      .flatten({ background: '#ffffff' })
      .png({ compressionLevel: 9 })
      .toBuffer(),
  );
  // A failed drawing is tried again on the next request.
  rendering.catch(() => (rendering = undefined));
  return rendering;
}
