// Images can betray a reporter: a phone photo carries the GPS position it was taken at, the
// camera's serial number, the time, sometimes the owner's name. Every image is decoded and
// encoded again before it is stored, and nothing but pixels crosses over: sharp writes no EXIF,
// XMP, IPTC or PNG text unless asked, and converts colours to sRGB and drops the embedded ICC profile.
// The result is read back and refused if any metadata survived, should a sharp upgrade change
// its defaults.
import { AppError } from '../../core/http/errors.ts';
import type { EvidenceFormat } from './detect.ts';

/** The largest picture decoded, in pixels: a 50-megapixel camera's, not a decompression bomb's. */
export const MAX_EVIDENCE_PIXELS = 50_000_000;

/** The image bytes without metadata, in the same format; throws AppError when they cannot be read. */
export async function reencodeWithoutMetadata(input: Buffer, format: EvidenceFormat): Promise<Buffer> {
  // Loaded on the first image, not at every start.
  const { default: sharp } = await import('sharp');
  let output: Buffer;
  try {
    // autoOrient: the EXIF orientation is dropped with the rest, so the pixels are turned first.
    const image = sharp(input, { limitInputPixels: MAX_EVIDENCE_PIXELS, failOn: 'error' }).autoOrient();
    if (format === 'jpeg') output = await image.jpeg({ quality: 90 }).toBuffer();
    else if (format === 'png') output = await image.png().toBuffer();
    else if (format === 'webp') output = await image.webp({ quality: 90 }).toBuffer();
    else throw new Error(`not an image format: ${format}`);
  } catch {
    throw new AppError('unprocessable_content', 'The image cannot be read: it may be damaged or too large.');
  }
  const meta = await sharp(output).metadata();
  if (meta.exif || meta.xmp || meta.iptc || meta.icc || meta.tifftagPhotoshop || meta.comments?.length) {
    throw new Error('re-encoding left metadata in an image: check sharp’s defaults');
  }
  return output;
}
