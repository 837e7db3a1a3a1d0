// An integrity document as the rest of the library sees it (mapped from its row in one place), the
// fixed list of categories, the file types the library takes and the upload limit.
import type { Selectable } from 'kysely';
import { toBool, toDate } from '../../core/db/dialect.ts';
import type { IntegrityDocumentsTable } from '../../core/db/schema.ts';

/** The largest file the library takes: a scanned decree of a few hundred pages fits. */
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

/** Lengths the form and the command hold text to. */
export const DOCUMENT_LIMITS = { title: 200, description: 2000, fileName: 150 } as const;

/** The earliest year a document may carry (the reform programme's documents start in the 1990s). */
export const FIRST_YEAR = 1945;

/**
 * The categories, fixed and translated in the catalogs (`documents.category.<code>`): decrees and
 * regulations, reports, service standards, evidence for the integrity-zone predicates (WBK/WBBM),
 * and the rest.
 */
export const CATEGORIES = ['regulations', 'reports', 'service-standards', 'zone-evidence', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Whether a text is one of the categories. */
export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/** The file types the library takes, by their media type: what readers see and the extension a download gets. */
export const DOCUMENT_TYPES = {
  'application/pdf': { label: 'PDF', extension: 'pdf' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'DOCX', extension: 'docx' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'XLSX', extension: 'xlsx' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { label: 'PPTX', extension: 'pptx' },
  'application/vnd.oasis.opendocument.text': { label: 'ODT', extension: 'odt' },
  'application/vnd.oasis.opendocument.spreadsheet': { label: 'ODS', extension: 'ods' },
  'application/vnd.oasis.opendocument.presentation': { label: 'ODP', extension: 'odp' },
  'application/msword': { label: 'DOC', extension: 'doc' },
  'application/vnd.ms-excel': { label: 'XLS', extension: 'xls' },
  'application/vnd.ms-powerpoint': { label: 'PPT', extension: 'ppt' },
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;

/** The short name of a stored type ("PDF"); "FILE" for a type this version no longer knows. */
export function typeLabel(contentType: string): string {
  return Object.hasOwn(DOCUMENT_TYPES, contentType) ? DOCUMENT_TYPES[contentType as DocumentType].label : 'FILE';
}

/** A document of the library. */
export interface IntegrityDocument {
  readonly id: number;
  readonly edition: string;
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly year: number;
  /** The stored file's name in the document store (never shown to readers). */
  readonly file: string;
  /** The name a download is saved under. */
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: number;
  readonly isPublished: boolean;
  readonly createdBy: number | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Maps a row (0/1 and text times on SQLite, booleans and Dates on PostgreSQL). */
export function toDocument(row: Selectable<IntegrityDocumentsTable>): IntegrityDocument {
  return {
    id: row.id,
    edition: row.edition,
    title: row.title,
    description: row.description,
    category: row.category,
    year: row.year,
    file: row.file,
    fileName: row.file_name,
    contentType: row.content_type,
    bytes: row.bytes,
    isPublished: toBool(row.is_published),
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}
