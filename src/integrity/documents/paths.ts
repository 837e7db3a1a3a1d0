// The library's public addresses: the listing with its filters, and each document's download,
// whose path names the stored file's version, so a replaced file gets a new address and an
// address always means the same bytes (cached as immutable).
import { slugify } from '../../core/text/slug.ts';
import { DOCUMENT_TYPES, type DocumentType, type IntegrityDocument } from './model.ts';

/** The listing's filters as they appear in its address. */
export interface ListingParams {
  readonly q?: string;
  readonly category?: string;
  readonly year?: number;
}

/** The listing of an edition, with its filters (without the page number). */
export function documentsPath(edition: string, params: ListingParams = {}): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.category) query.set('category', params.category);
  if (params.year !== undefined) query.set('year', String(params.year));
  const text = query.toString();
  return `/${edition}/integrity/documents${text ? `?${text}` : ''}`;
}

/** The version part of a download's path: the stored file's random name, shortened. */
export function fileVersion(file: string): string {
  return /^doc-([0-9a-f]{12})/.exec(file)?.[1] ?? slugify(file, 12);
}

/** The last segment of a download's path: the file's name as a slug, with its type's extension. */
export function downloadSlug(doc: Pick<IntegrityDocument, 'fileName' | 'contentType'>): string {
  const extension = Object.hasOwn(DOCUMENT_TYPES, doc.contentType)
    ? DOCUMENT_TYPES[doc.contentType as DocumentType].extension
    : 'bin';
  const stem = doc.fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return `${slugify(stem, 80)}.${extension}`;
}

/** A published document's download. */
export function downloadPath(
  doc: Pick<IntegrityDocument, 'id' | 'edition' | 'file' | 'fileName' | 'contentType'>,
): string {
  return `/${doc.edition}/integrity/documents/${doc.id}/${fileVersion(doc.file)}/${encodeURIComponent(downloadSlug(doc))}`;
}
