// Office documents, told apart by their structure rather than their name:
// - DOCX, XLSX, PPTX: a ZIP whose [Content_Types].xml names the main part's type (the macro-
//   enabled variants, DOCM and the like, name another type and are refused: a macro is a program);
// - ODT, ODS, ODP: a ZIP whose first entry is "mimetype", stored, holding the OpenDocument type;
// - DOC, XLS, PPT: an OLE2 compound file (D0 CF 11 E0 …) with the format's main stream in its
//   directory ("WordDocument", "Workbook" or "Book", "PowerPoint Document"). Other OLE2 files
//   (installers, MSG mail) have none of these and are refused.
import { readZipEntries, readZipEntry } from './zip.ts';

/** An office format this channel accepts. */
export type OfficeFormat = 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp' | 'doc' | 'xls' | 'ppt';

const OOXML_MAIN: Readonly<Record<string, OfficeFormat>> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml': 'pptx',
};

const ODF_TYPES: Readonly<Record<string, OfficeFormat>> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

/** [Content_Types].xml is a few kilobytes; more is not a document's. */
const MAX_CONTENT_TYPES_BYTES = 256 * 1024;

/** The format of a ZIP container, when it is an accepted office document. */
export function officeFormatOfZip(zip: Buffer): OfficeFormat | undefined {
  const entries = readZipEntries(zip);
  if (!entries || entries.length === 0) return undefined;
  // OpenDocument: "mimetype" first and stored, so its type sits at a fixed place in the file.
  const first = entries[0]!;
  if (first.name === 'mimetype' && first.method === 0) {
    const type = readZipEntry(zip, first, 200)?.toString('latin1');
    return type === undefined ? undefined : ODF_TYPES[type];
  }
  const types = entries.find((e) => e.name === '[Content_Types].xml');
  const xml = types && readZipEntry(zip, types, MAX_CONTENT_TYPES_BYTES)?.toString('utf8');
  if (!xml) return undefined;
  // The main part's Override, e.g. <Override PartName="/word/document.xml" ContentType="…main+xml"/>.
  for (const match of xml.matchAll(/ContentType\s*=\s*"([^"]+)"/g)) {
    const format = OOXML_MAIN[match[1]!];
    if (format) return format;
  }
  return undefined;
}

const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const OLE2_STREAMS: Readonly<Record<string, OfficeFormat>> = {
  WordDocument: 'doc',
  Workbook: 'xls',
  Book: 'xls',
  'PowerPoint Document': 'ppt',
};
const DIRECTORY_ENTRY = 128;
const STREAM_OBJECT = 2;

/** Whether the bytes start as an OLE2 compound file. */
export function isOle2(bytes: Buffer): boolean {
  return bytes.length >= 512 && bytes.subarray(0, 8).equals(OLE2_SIGNATURE);
}

/**
 * The legacy office format of an OLE2 file. Directory entries are 128 bytes, aligned to 128
 * from the end of the header, each a UTF-16 name, its length in bytes (with the final NUL) at
 * 0x40 and its object type at 0x42; a stream with one of the formats' names is looked for there.
 */
export function officeFormatOfOle2(bytes: Buffer): OfficeFormat | undefined {
  if (!isOle2(bytes)) return undefined;
  for (let at = 512; at + DIRECTORY_ENTRY <= bytes.length; at += DIRECTORY_ENTRY) {
    const nameBytes = bytes.readUInt16LE(at + 0x40);
    if (nameBytes < 4 || nameBytes > 64 || nameBytes % 2 !== 0 || bytes[at + 0x42] !== STREAM_OBJECT) continue;
    const name = bytes.toString('utf16le', at, at + nameBytes - 2);
    const format = OLE2_STREAMS[name];
    if (format) return format;
  }
  return undefined;
}
