// Just enough of the ZIP format to tell office documents apart: the central directory's entry
// names, and one small entry's bytes. DOCX, XLSX, PPTX and ODF files are ZIP containers, and a
// container's name list says what it is where its first bytes ("PK") cannot. Every offset and
// size is checked against the buffer, and an entry is inflated with a cap, so a crafted archive
// (a zip bomb, offsets past the end) is refused instead of trusted.
import zlib from 'node:zlib';

/** One entry of the central directory. */
export interface ZipEntry {
  readonly name: string;
  /** 0: stored, 8: deflated (others are not read). */
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;
/** Office documents have hundreds of parts at most; more is not a document we take. */
const MAX_ENTRIES = 10_000;

/** The archive's entries, or undefined when the bytes are not a ZIP this reader can follow. */
export function readZipEntries(zip: Buffer): ZipEntry[] | undefined {
  const end = findEndRecord(zip);
  if (end === undefined) return undefined;
  const count = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryOffset = zip.readUInt32LE(end + 16);
  // 0xFFFF / 0xFFFFFFFF mean ZIP64, which no file within our size limit needs.
  if (count === 0xffff || directoryOffset === 0xffffffff || count > MAX_ENTRIES) return undefined;
  if (directoryOffset + directorySize > end) return undefined;
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== CENTRAL) return undefined;
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (at + 46 + skip > end) return undefined;
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + skip;
  }
  return entries;
}

/** An entry's bytes, when it is stored or deflated and no larger than `maxBytes`; else undefined. */
export function readZipEntry(zip: Buffer, entry: ZipEntry, maxBytes: number): Buffer | undefined {
  if (entry.size > maxBytes) return undefined;
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) return undefined;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const stop = start + entry.compressedSize;
  if (stop > zip.length) return undefined;
  const data = zip.subarray(start, stop);
  if (entry.method === 0) return data.length === entry.size ? Buffer.from(data) : undefined;
  if (entry.method !== 8) return undefined;
  try {
    // The cap holds even when the directory lies about the size.
    return zlib.inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    return undefined;
  }
}

/** Where the end-of-central-directory record starts, searching back over a possible comment. */
function findEndRecord(zip: Buffer): number | undefined {
  const lowest = Math.max(0, zip.length - EOCD_SEARCH);
  for (let at = zip.length - 22; at >= lowest; at--) if (zip.readUInt32LE(at) === EOCD) return at;
  return undefined;
}
