// Where document files live, and the names they are saved and downloaded under. Files are kept in
// a store of their own under the data dir (<dataDir>/integrity-documents), not in the media store:
// the media folder is served as it stands at /media/, and a withdrawn or unpublished document
// must not be reachable there. Downloads go through the library's route, which checks publication.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { localMediaStorage, type MediaStorage } from '../../media/index.ts';
import { DOCUMENT_LIMITS, DOCUMENT_TYPES, type DocumentType } from './model.ts';

/** The folder of the document store. */
export function documentDir(dataDir: string): string {
  return path.join(dataDir, 'integrity-documents');
}

/** The document store (the media store's implementation: atomic writes, safe names). */
export function documentStorage(dataDir: string): MediaStorage {
  return localMediaStorage(documentDir(dataDir));
}

/** A stored file's name: random, so it says nothing of the document; its extension from its bytes. */
export function storedFileName(type: DocumentType): string {
  return `doc-${randomBytes(16).toString('hex')}.${DOCUMENT_TYPES[type].extension}`;
}

/** Keeps a checked file in the store; its stored name. */
export async function storeDocumentFile(storage: MediaStorage, bytes: Buffer, type: DocumentType): Promise<string> {
  const name = storedFileName(type);
  await storage.put(name, bytes);
  return name;
}

/**
 * The name a download is saved under: the uploaded name without folders, control characters or
 * characters file systems refuse, at most 150 characters, and always ending in the extension of
 * the type its bytes showed ("report.exe" that is a PDF becomes "report.exe.pdf").
 */
export function downloadName(uploaded: string, type: DocumentType): string {
  const extension = DOCUMENT_TYPES[type].extension;
  const base = (uploaded.split(/[/\\]/).pop() ?? '')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const stem = base.toLowerCase().endsWith(`.${extension}`) ? base.slice(0, -extension.length - 1) : base;
  const room = DOCUMENT_LIMITS.fileName - extension.length - 1;
  const cut = [...stem].slice(0, room).join('').trim();
  return `${cut || 'document'}.${extension}`;
}

/**
 * Content-Disposition for a download (RFC 6266): an ASCII stand-in for old clients, and the real
 * name as UTF-8 (RFC 5987) for the rest, so "Laporan – Zona Integritas.pdf" arrives intact.
 */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 ._()-]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
