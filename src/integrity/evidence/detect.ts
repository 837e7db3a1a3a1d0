// What an attachment really is, read from its bytes alone: never from its name or the type the
// browser claims, both of which the sender chooses. An .exe renamed "invoice.pdf" starts "MZ"
// and is refused here; a photo renamed ".pdf" is taken for the photo it is.
import { isOle2, officeFormatOfOle2, officeFormatOfZip, type OfficeFormat } from './office.ts';

/** An accepted evidence format. */
export type EvidenceFormat = 'pdf' | 'jpeg' | 'png' | 'webp' | OfficeFormat;

/** An accepted format and how it is stored and served. */
export interface EvidenceType {
  readonly format: EvidenceFormat;
  /** The MIME type a download is served with. */
  readonly mime: string;
  /** The extension a download is saved with. */
  readonly extension: string;
  /** Images are re-encoded without their metadata before they are stored. */
  readonly isImage: boolean;
}

const TYPES: Readonly<Record<EvidenceFormat, Omit<EvidenceType, 'format'>>> = {
  pdf: { mime: 'application/pdf', extension: 'pdf', isImage: false },
  jpeg: { mime: 'image/jpeg', extension: 'jpg', isImage: true },
  png: { mime: 'image/png', extension: 'png', isImage: true },
  webp: { mime: 'image/webp', extension: 'webp', isImage: true },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    isImage: false,
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    isImage: false,
  },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extension: 'pptx',
    isImage: false,
  },
  odt: { mime: 'application/vnd.oasis.opendocument.text', extension: 'odt', isImage: false },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', extension: 'ods', isImage: false },
  odp: { mime: 'application/vnd.oasis.opendocument.presentation', extension: 'odp', isImage: false },
  doc: { mime: 'application/msword', extension: 'doc', isImage: false },
  xls: { mime: 'application/vnd.ms-excel', extension: 'xls', isImage: false },
  ppt: { mime: 'application/vnd.ms-powerpoint', extension: 'ppt', isImage: false },
};

/** The type of an accepted format. */
export function evidenceType(format: EvidenceFormat): EvidenceType {
  return { format, ...TYPES[format] };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The accepted type the bytes are, or undefined (unknown, empty, or a kind this channel refuses). */
export function detectEvidenceType(b: Buffer): EvidenceType | undefined {
  const format = formatOf(b);
  return format && evidenceType(format);
}

function formatOf(b: Buffer): EvidenceFormat | undefined {
  // PDF's header may legally follow a little junk, but writers put it first; accepting it anywhere
  // would let a polyglot (an HTML page with "%PDF-" inside) through.
  if (b.length >= 8 && b.toString('latin1', 0, 5) === '%PDF-') return 'pdf';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (b.length >= 30 && b.toString('latin1', 0, 4) === 'PK\u0003\u0004') return officeFormatOfZip(b);
  if (isOle2(b)) return officeFormatOfOle2(b);
  return undefined;
}
