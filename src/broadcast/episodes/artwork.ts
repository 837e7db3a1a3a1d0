// Square podcast artwork. Apple Podcasts asks for a JPEG or PNG of 1400 × 1400 to 3000 × 3000
// pixels, RGB; stored images are at most 1600 px wide and of any shape, so the feed links to a
// square made from them (centre-cropped, enlarged when smaller), or, for a program without
// artwork, to a generated square: the station's blue with the program's name.
import { createHash } from 'node:crypto';
import type { MediaStorage } from '../../media/index.ts';
import type { Artwork } from './queries.ts';

/** The side of the square, in pixels: Apple's smallest accepted size, a modest file. */
export const ARTWORK_SIDE = 1400;

/** Names the artwork a URL stands for, so a new picture or title gets a new address. */
export function artworkVersion(artwork: Artwork | null, title: string): string {
  if (artwork) return `m${artwork.id}`;
  return `g${createHash('sha256').update(title).digest('hex').slice(0, 10)}`;
}

/** The square JPEG of a stored image (its largest stored JPEG); undefined when its file is gone. */
export async function squareFromImage(storage: MediaStorage, artwork: Artwork): Promise<Buffer | undefined> {
  const width = artwork.image.widths[artwork.image.widths.length - 1] ?? artwork.image.width;
  const source = await storage.get(`${artwork.image.key}-${width}.jpg`);
  if (!source) return undefined;
  const { default: sharp } = await import('sharp');
  return sharp(source)
    .resize({ width: ARTWORK_SIDE, height: ARTWORK_SIDE, fit: 'cover', position: 'attention' })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 84, mozjpeg: true })
    .toBuffer();
}

function escapeSvg(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Splits a title into at most four lines of about `width` characters. */
function wrap(title: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of title.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > 4)
    return [
      ...lines.slice(0, 3),
      `${lines
        .slice(3)
        .join(' ')
        .slice(0, width - 1)}…`,
    ];
  return lines;
}

/**
 * A generated square: the program's name over the station's blue, with a sound-wave mark and the
 * site's name. Text is drawn by librsvg with the system's fonts (DejaVu, Noto: Arabic too).
 */
export async function generatedSquare(title: string, siteName: string, isRtl: boolean): Promise<Buffer> {
  // DejaVu Sans Bold is about 0.62 em a character: lines of 15 at 120 px fill the 1,120 px between margins.
  let lines = wrap(title, 15);
  let size = 120;
  if (lines.length > 3) {
    lines = wrap(title, 19);
    size = 96;
  }
  const top = 760;
  // Right to left: the lines end at the right margin; the text's own direction comes from its letters.
  const anchor = isRtl ? 'end' : 'start';
  const x = isRtl ? 1260 : 140;
  const bars = [90, 200, 320, 200, 420, 260, 140, 300, 180, 90]
    .map((h, i) => `<rect x="${(isRtl ? 740 : 140) + i * 56}" y="${340 - h / 2}" width="30" height="${h}" rx="15"/>`)
    .join('');
  const text = lines
    .map(
      (line, i) =>
        `<text x="${x}" y="${Math.round(top + i * size * 1.2)}" text-anchor="${anchor}">${escapeSvg(line)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${ARTWORK_SIDE}" height="${ARTWORK_SIDE}" viewBox="0 0 1400 1400">
<rect width="1400" height="1400" fill="#0b3a75"/>
<rect x="0" y="1240" width="1400" height="160" fill="#c4161c"/>
<g fill="#ffffff" opacity="0.9">${bars}</g>
<g fill="#ffffff" font-family="Noto Sans, DejaVu Sans, Liberation Sans, sans-serif" font-weight="700" font-size="${size}">${text}</g>
<text x="${x}" y="1340" text-anchor="${anchor}" fill="#ffffff" font-family="Noto Sans, DejaVu Sans, sans-serif" font-size="64">${escapeSvg(siteName)}</text>
</svg>`;
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(svg)).jpeg({ quality: 88, mozjpeg: true }).toBuffer();
}
