// What an upload really is, read from its first bytes and its header alone, before any pixel is
// decoded: the type (never the file name or the client's Content-Type), the size in bytes and in
// pixels. A decompression bomb (a small PNG that says 16,000 × 16,000) is refused here, in
// milliseconds, with nothing decoded and nothing written.
import type { Metadata } from 'sharp';
import { AppError } from '../core/http/errors.ts';

/** The largest upload in bytes (the upload route's body limit is the same). */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
/** The largest picture in pixels (one frame of an animation): 50 megapixels, a phone's or a DSLR's full size. */
export const MAX_IMAGE_PIXELS = 50_000_000;
/** The largest side WebP can write: a stored size taller than this cannot be made. */
export const MAX_STORED_SIDE = 16_383;
/** The accepted types, as the newsroom says them. */
const ACCEPTED = 'JPEG, PNG, WebP, AVIF or GIF';

/** The formats an upload may have. */
export type UploadFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';

/** What the header says about an accepted upload. */
export interface ImageProbe {
  readonly format: UploadFormat;
  /** The MIME type of that format. */
  readonly mime: string;
  /** Width and height as the picture is seen, after its EXIF orientation. */
  readonly width: number;
  readonly height: number;
}

const MIME: Readonly<Record<UploadFormat, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

/**
 * Reads an upload's type and size from its header, or throws: 413 payload_too_large (bytes),
 * 415 unsupported_media_type (not one of the five types), 422 image_too_large (pixels) or
 * 422 unprocessable_content (a header that cannot be read).
 */
export async function probeImage(input: Buffer): Promise<ImageProbe> {
  if (input.length > MAX_UPLOAD_BYTES) {
    throw new AppError(
      'payload_too_large',
      `The file is ${megabytes(input.length)} MB; the largest upload is ${megabytes(MAX_UPLOAD_BYTES)} MB.`,
    );
  }
  // The signature first: SVG, PDF, HTML and TIFF never reach a decoder (librsvg, poppler), and a
  // reporter learns what the file really is.
  const signature = signatureOf(input);
  if (signature === undefined) throw unsupported(describeOther(input));
  // Loaded on the first upload, not at every start (~90 ms): readers' pages never draw images.
  const { default: sharp } = await import('sharp');
  let meta: Metadata;
  try {
    // metadata() reads the header only; no pixel is decoded.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw unreadable(signature);
  }
  const format = formatOf(meta);
  if (format === undefined) {
    throw unsupported(
      meta.format === 'heif' && meta.compression === 'hevc'
        ? 'This is a HEIC photo, which browsers cannot show. Export it as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible).'
        : `This is a ${String(meta.format).toUpperCase()} file.`,
    );
  }
  const { width, height } = meta;
  if (!width || !height) throw unreadable(format);
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new AppError(
      'image_too_large',
      `The picture is ${width} × ${height} pixels (${megapixels(width * height)} megapixels); the largest accepted is ${megapixels(MAX_IMAGE_PIXELS)} megapixels.`,
    );
  }
  // EXIF orientations 5-8 turn the picture a quarter: width and height swap.
  const isTurned = (meta.orientation ?? 1) >= 5;
  return {
    format,
    mime: MIME[format],
    width: isTurned ? height : width,
    height: isTurned ? width : height,
  };
}

/** The accepted format sharp found, or undefined; AVIF is HEIF with AV1 inside (HEIC is HEVC). */
function formatOf(meta: Metadata): UploadFormat | undefined {
  switch (meta.format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif':
      return meta.format;
    case 'heif':
      return meta.compression === 'av1' ? 'avif' : undefined;
    default:
      return undefined;
  }
}

/** The file's signature if it is one of the accepted kinds ('isobmff': AVIF, or HEIC, told apart by sharp). */
function signatureOf(b: Buffer): UploadFormat | 'isobmff' | undefined {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (b.length >= 6 && /^GIF8[79]a$/.test(b.toString('latin1', 0, 6))) return 'gif';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (b.length >= 12 && b.toString('latin1', 4, 8) === 'ftyp') return 'isobmff';
  return undefined;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A few words on what a refused file seems to be, for the reporter. */
function describeOther(b: Buffer): string {
  if (b.length === 0) return 'The file is empty.';
  const head = b.toString('latin1', 0, Math.min(b.length, 512)).trimStart().toLowerCase();
  if (head.startsWith('%pdf')) return 'This is a PDF document.';
  if (head.startsWith('ii*\u0000') || head.startsWith('mm\u0000*')) return 'This is a TIFF image.';
  if (head.includes('<svg')) return 'This is an SVG drawing.';
  if (head.startsWith('<')) return 'This is a web page or other markup, not a picture.';
  return 'This file is not a picture.';
}

function unsupported(what: string): AppError {
  return new AppError('unsupported_media_type', `${what} Upload a ${ACCEPTED} image.`);
}

function unreadable(format: string): AppError {
  return new AppError(
    'unprocessable_content',
    `The file starts like a ${format === 'isobmff' ? 'AVIF' : format.toUpperCase()} image but cannot be read: it may be damaged or cut short. Try uploading it again.`,
  );
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const megapixels = (pixels: number) => Math.round(pixels / 100_000) / 10;
