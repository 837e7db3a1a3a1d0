// Writing the document library: adding a document with its checked file, editing its text and
// publication (and replacing its file), deleting it. Each records an event with the document's id
// and edition in the same transaction; the caches follow from the events (setup.ts). Files are
// written before the row that names them and removed only after the row is gone, by the caller.
import { toDbTime } from '../../core/db/dialect.ts';
import { runCommand, type WriteContext } from '../../core/events/index.ts';
import { InputError } from '../../core/validation.ts';
import {
  DOCUMENT_LIMITS,
  FIRST_YEAR,
  isCategory,
  toDocument,
  type DocumentType,
  type IntegrityDocument,
} from './model.ts';
import './events.ts';

/** A document's text and publication, as the newsroom's form sends them. */
export interface DocumentInput {
  readonly title: string;
  readonly description: string;
  readonly category: string;
  /** Four digits, as typed. */
  readonly year: string;
  readonly isPublished: boolean;
}

/** A file already checked (its type read from its bytes) and kept in the document store. */
export interface StoredDocumentFile {
  readonly file: string;
  readonly fileName: string;
  readonly contentType: DocumentType;
  readonly bytes: number;
}

/** Problems by form field, in the order found. */
export type DocumentProblems = Map<'title' | 'description' | 'category' | 'year' | 'file' | 'form', string[]>;

/** Checked text, ready to store. */
interface DocumentValues {
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly year: number;
  readonly isPublished: boolean;
}

/** One line: runs of spaces, tabs and line breaks become one space. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The problems of a form's text (empty when it may be saved); `now` bounds the year. */
export function documentProblems(input: DocumentInput, now: Date): DocumentProblems {
  const problems: DocumentProblems = new Map();
  const add = (field: Parameters<DocumentProblems['get']>[0], text: string) =>
    problems.set(field, [...(problems.get(field) ?? []), text]);
  const title = oneLine(input.title);
  if (title === '') add('title', 'Give the document a title.');
  if ([...title].length > DOCUMENT_LIMITS.title)
    add('title', `The title is longer than ${DOCUMENT_LIMITS.title} characters.`);
  if ([...input.description.trim()].length > DOCUMENT_LIMITS.description)
    add('description', `The description is longer than ${DOCUMENT_LIMITS.description} characters.`);
  if (!isCategory(input.category)) add('category', 'Choose a category.');
  const lastYear = now.getUTCFullYear() + 1;
  const year = Number(input.year.trim());
  if (!/^\d{4}$/.test(input.year.trim()) || year < FIRST_YEAR || year > lastYear)
    add('year', `Type the year as four digits, from ${FIRST_YEAR} to ${lastYear}.`);
  return problems;
}

function checked(input: DocumentInput, now: Date): DocumentValues {
  const problems = documentProblems(input, now);
  if (problems.size > 0) throw new InputError([...problems.values()].flat());
  return {
    title: oneLine(input.title),
    description: input.description.trim().replace(/\r\n?/g, '\n'),
    category: input.category,
    year: Number(input.year.trim()),
    isPublished: input.isPublished,
  };
}

/** Adds a document to an edition's library with its file; returns it. */
export async function createDocument(
  w: WriteContext,
  edition: string,
  input: DocumentInput,
  file: StoredDocumentFile,
): Promise<IntegrityDocument> {
  const values = checked(input, w.now());
  return runCommand(w, async (trx, emit) => {
    const known = await trx.selectFrom('editions').select('code').where('code', '=', edition).executeTakeFirst();
    if (!known) throw new InputError(['There is no such edition.']);
    const now = toDbTime(w.now());
    const row = await trx
      .insertInto('integrity_documents')
      .values({
        edition,
        title: values.title,
        description: values.description,
        category: values.category,
        year: values.year,
        file: file.file,
        file_name: file.fileName,
        content_type: file.contentType,
        bytes: file.bytes,
        is_published: values.isPublished ? 1 : 0,
        created_by: w.actorId ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await emit('integrity.document_saved', { documentId: row.id, edition: row.edition });
    return toDocument(row);
  });
}

/**
 * Saves a document's text and publication, and its new file when one is given. Returns the file
 * it no longer names (the caller removes it once this has committed), or undefined.
 */
export async function updateDocument(
  w: WriteContext,
  id: number,
  input: DocumentInput,
  file?: StoredDocumentFile,
): Promise<{ document: IntegrityDocument; replacedFile?: string }> {
  const values = checked(input, w.now());
  return runCommand(w, async (trx, emit) => {
    const before = await trx.selectFrom('integrity_documents').select('file').where('id', '=', id).executeTakeFirst();
    if (!before) throw new InputError(['There is no such document.']);
    const row = await trx
      .updateTable('integrity_documents')
      .set({
        title: values.title,
        description: values.description,
        category: values.category,
        year: values.year,
        is_published: values.isPublished ? 1 : 0,
        updated_at: toDbTime(w.now()),
        ...(file
          ? { file: file.file, file_name: file.fileName, content_type: file.contentType, bytes: file.bytes }
          : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await emit('integrity.document_saved', { documentId: row.id, edition: row.edition });
    return { document: toDocument(row), ...(file && before.file !== file.file ? { replacedFile: before.file } : {}) };
  });
}

/** Deletes a document; returns its file for the caller to remove after the commit (undefined: it was gone). */
export async function deleteDocument(w: WriteContext, id: number): Promise<{ file?: string }> {
  return runCommand(w, async (trx, emit) => {
    const row = await trx
      .deleteFrom('integrity_documents')
      .where('id', '=', id)
      .returning(['id', 'edition', 'file'])
      .executeTakeFirst();
    if (!row) return {};
    await emit('integrity.document_deleted', { documentId: row.id, edition: row.edition });
    return { file: row.file };
  });
}
