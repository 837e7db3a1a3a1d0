// What an uploaded document really is, read from its bytes and never from its name or the type the
// browser claims: PDF, Office Open XML (DOCX, XLSX, PPTX), OpenDocument (ODT, ODS, ODP) or a legacy
// Office compound file (DOC, XLS, PPT). Anything else, and any of these carrying macros or a
// password, is refused with a sentence an editor can act on.
import { inflateRawSync } from 'node:zlib';
import type { DocumentType } from './model.ts';

/** A file's verdict: its type, or why the library does not take it. */
export type Sniffed = { readonly type: DocumentType } | { readonly refusal: string };

const OOXML_MAIN: Readonly<Record<string, DocumentType>> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml':
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml':
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml':
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
const ODF_TYPES: readonly DocumentType[] = [
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
];
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Enough for any real [Content_Types].xml or mimetype entry; a "zip bomb" stops here. */
const MAX_ENTRY_BYTES = 1024 * 1024;

const NOT_TAKEN =
  'The library takes PDF, Word, Excel and PowerPoint files (DOCX, XLSX, PPTX, DOC, XLS, PPT) and OpenDocument files (ODT, ODS, ODP).';

function refuse(reason: string): Sniffed {
  return { refusal: `${reason} ${NOT_TAKEN}` };
}

/** The type of a whole file's bytes, or the reason it is refused. */
export function sniffDocument(bytes: Buffer): Sniffed {
  if (bytes.length === 0) return refuse('The file is empty.');
  if (/^%PDF-\d\.\d/.test(bytes.toString('latin1', 0, 8))) return { type: 'application/pdf' };
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) return sniffZip(bytes);
  if (bytes.subarray(0, 8).equals(OLE2_SIGNATURE)) return sniffCompoundFile(bytes);
  return refuse(describeOther(bytes));
}

/** An unknown file in the words of a refusal. */
function describeOther(bytes: Buffer): string {
  const head = bytes.toString('latin1', 0, Math.min(bytes.length, 512));
  if (head.startsWith('\x7fELF') || head.startsWith('MZ')) return 'This file is a program, whatever its name says.';
  if (head.startsWith('\x89PNG') || head.startsWith('\xff\xd8\xff') || head.startsWith('GIF8'))
    return 'This file is an image: put it into a PDF first.';
  if (head.startsWith('{\\rtf')) return 'This file is RTF: save it as PDF or DOCX.';
  if (/^\s*</.test(head)) return 'This file looks like an HTML or XML page.';
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u0008\u000e-\u001f]/.test(head)) return 'This file looks like plain text.';
  return 'The first bytes of this file are not those of a document the library takes, whatever its name says.';
}

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly isEncrypted: boolean;
  readonly compressedSize: number;
  readonly localOffset: number;
}

/** The central directory of a ZIP archive, or undefined when it cannot be read. */
function zipEntries(bytes: Buffer): ZipEntry[] | undefined {
  // The end record is the last 22 bytes, or further back by a comment of up to 65,535 bytes.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return undefined;
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > bytes.length) return undefined;
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      isEncrypted: (bytes.readUInt16LE(at + 8) & 1) === 1,
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      localOffset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + skip;
  }
  return entries;
}

/** An entry's bytes (stored or deflated), or undefined when it cannot be read within the limit. */
function readEntry(bytes: Buffer, entry: ZipEntry): Buffer | undefined {
  const at = entry.localOffset;
  if (entry.isEncrypted || at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) return undefined;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) return undefined;
  if (entry.method === 0) return data.length <= MAX_ENTRY_BYTES ? data : undefined;
  if (entry.method !== 8) return undefined;
  try {
    return inflateRawSync(data, { maxOutputLength: MAX_ENTRY_BYTES });
  } catch {
    return undefined;
  }
}

/** A ZIP archive: an Office Open XML document by its content types, or an OpenDocument by its mimetype. */
function sniffZip(bytes: Buffer): Sniffed {
  const entries = zipEntries(bytes);
  if (!entries) return refuse('This ZIP archive is damaged or cut short.');
  if (entries.some((e) => e.isEncrypted))
    return refuse('This file is protected by a password: save a copy without one.');
  const find = (name: string) => entries.find((e) => e.name === name);
  const types = find('[Content_Types].xml');
  if (types) {
    const xml = readEntry(bytes, types)?.toString('utf8');
    if (xml === undefined) return refuse('This Office file is damaged: its list of parts cannot be read.');
    const declared = [...xml.matchAll(/ContentType\s*=\s*"([^"]+)"/g)].map((m) => m[1]!.toLowerCase());
    const hasMacros =
      declared.some((type) => type.includes('macroenabled') || type.includes('vbaproject')) ||
      entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name));
    if (hasMacros)
      return refuse('This Office file contains macros: save it as a document without macros (DOCX, XLSX or PPTX).');
    const main = declared.map((type) => OOXML_MAIN[type]).find((type) => type !== undefined);
    if (main) return { type: main };
    return refuse(
      'This Office file is neither a Word document, an Excel workbook nor a PowerPoint presentation (a template or a show, perhaps).',
    );
  }
  const mimetype = find('mimetype');
  if (mimetype) {
    const type = readEntry(bytes, mimetype)?.toString('ascii').trim();
    const odf = ODF_TYPES.find((t) => t === type);
    if (odf) return { type: odf };
    return refuse('This OpenDocument file is not a text, spreadsheet or presentation.');
  }
  return refuse('This file is a ZIP archive, not an office document.');
}

const FREE_SECTOR = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;

/** The names in a Microsoft compound file's directory (the streams of a DOC, XLS or PPT), or undefined. */
function compoundFileNames(bytes: Buffer): string[] | undefined {
  if (bytes.length < 512) return undefined;
  const shift = bytes.readUInt16LE(30);
  if (shift !== 9 && shift !== 12) return undefined;
  const size = 1 << shift;
  const sectors = Math.floor(bytes.length / size) - 1;
  const offsetOf = (sector: number) => (sector < sectors ? (sector + 1) * size : -1);
  // The sectors of the allocation table: 109 named in the header, more in a chain of DIFAT sectors.
  const fat: number[] = [];
  for (let i = 0; i < 109; i++) {
    const sector = bytes.readUInt32LE(76 + i * 4);
    if (sector !== FREE_SECTOR) fat.push(sector);
  }
  let difat = bytes.readUInt32LE(68);
  for (let hops = 0; difat !== END_OF_CHAIN && difat !== FREE_SECTOR && hops <= sectors; hops++) {
    const at = offsetOf(difat);
    if (at < 0) return undefined;
    for (let i = 0; i < size / 4 - 1; i++) {
      const sector = bytes.readUInt32LE(at + i * 4);
      if (sector !== FREE_SECTOR) fat.push(sector);
    }
    difat = bytes.readUInt32LE(at + size - 4);
  }
  const perSector = size / 4;
  const next = (sector: number): number | undefined => {
    const fatSector = fat[Math.floor(sector / perSector)];
    const at = fatSector === undefined ? -1 : offsetOf(fatSector);
    return at < 0 ? undefined : bytes.readUInt32LE(at + (sector % perSector) * 4);
  };
  const names: string[] = [];
  let sector: number | undefined = bytes.readUInt32LE(48);
  // A chain that loops is cut at the file's sector count.
  for (let hops = 0; sector !== END_OF_CHAIN && hops <= sectors; hops++) {
    const at = sector === undefined ? -1 : offsetOf(sector);
    if (at < 0) return undefined;
    for (let entry = at; entry < at + size; entry += 128) {
      const length = bytes.readUInt16LE(entry + 64);
      if (length >= 2 && length <= 64) names.push(bytes.toString('utf16le', entry, entry + length - 2));
    }
    sector = next(sector!);
  }
  return names;
}

/** A legacy Office file by the streams it holds. */
function sniffCompoundFile(bytes: Buffer): Sniffed {
  const names = compoundFileNames(bytes);
  if (!names) return refuse('This Microsoft Office file is damaged or cut short.');
  const has = (name: string) => names.includes(name);
  if (has('EncryptedPackage') || has('EncryptionInfo'))
    return refuse('This file is protected by a password: save a copy without one.');
  if (has('Macros') || has('_VBA_PROJECT_CUR') || has('VBA'))
    return refuse('This Office file contains macros: save it as a document without macros.');
  if (has('WordDocument')) return { type: 'application/msword' };
  if (has('Workbook') || has('Book')) return { type: 'application/vnd.ms-excel' };
  if (has('PowerPoint Document')) return { type: 'application/vnd.ms-powerpoint' };
  return refuse(
    'This Microsoft file is not a Word, Excel or PowerPoint document (an Outlook message or an installer, perhaps).',
  );
}
