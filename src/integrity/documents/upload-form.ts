// The document form sent as multipart (it may carry the file): its parts are read before the
// newsroom's form-token check, so that check finds `_csrf` among the fields as in any form. The
// file is read into memory (25 MB at most) only once the form's token, its first field, has
// matched the session's: a forged or expired form never has a byte of its file kept. A file over
// the limit is read to its end and dropped, so the page can say so instead of cutting the connection.
import fastifyMultipart from '@fastify/multipart';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../core/http/errors.ts';
import { requirePermission } from '../../newsroom/index.ts';
import { MAX_DOCUMENT_BYTES } from './model.ts';

/** The file part of a posted form. */
export interface UploadedFile {
  /** The name the browser sent (a name only; the type is read from the bytes). */
  readonly filename: string;
  readonly bytes?: Buffer;
  /** Why the file was not taken (too large). */
  readonly problem?: string;
}

/** The longest text field: a description of 2,000 characters of Arabic, with room to spare. */
const FIELD_BYTES = 64 * 1024;

const uploads = new WeakMap<FastifyRequest, UploadedFile>();

/** The file sent with the form; undefined when none was (or the form was not multipart). */
export function uploadedFile(request: FastifyRequest): UploadedFile | undefined {
  return uploads.get(request);
}

/** The largest size, in the newsroom's words ("25 MB"). */
export const MAX_SIZE_TEXT = `${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`;

/** Registers multipart parsing in this (encapsulated) plugin, with the document size limit. */
export async function registerDocumentUploads(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 12, fieldSize: FIELD_BYTES, parts: 14 },
    throwFileSizeLimit: false,
  });
}

function isSameToken(sent: string | undefined, expected: string | undefined): boolean {
  if (!sent || !expected) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A preValidation hook reading the form into `request.body` and the file. */
export async function readDocumentForm(request: FastifyRequest): Promise<void> {
  const staff = requirePermission(request, 'integrity.manage');
  if (!request.isMultipart()) return;
  const fields: Record<string, string> = {};
  let file: UploadedFile | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value !== 'string') continue;
        // NUL cannot be stored (PostgreSQL) and no field needs one: the whole form is refused.
        if (part.value.includes('\u0000') || part.fieldname.includes('\u0000'))
          throw new AppError('invalid_text', 'The form contains a NUL character.');
        fields[part.fieldname] = part.value;
        continue;
      }
      const isWanted = part.fieldname === 'file' && part.filename !== '' && !file;
      if (!isWanted || !isSameToken(fields._csrf, staff.csrfToken)) {
        // Read and dropped: another field's file, an empty file input, or a form without its
        // token first (the token check refuses it afterwards).
        part.file.resume();
        await new Promise((resolve) => part.file.on('end', resolve));
        continue;
      }
      // With throwFileSizeLimit off, a file over the limit arrives cut short and marked truncated.
      const bytes = await part.toBuffer();
      file = part.file.truncated
        ? {
            filename: part.filename,
            problem: `The file is larger than ${MAX_SIZE_TEXT}, the largest the library takes.`,
          }
        : { filename: part.filename, bytes };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('FST_')) throw error;
    throw new AppError('bad_request', 'The form sent more than one file, too many fields, or a field too long.');
  }
  request.body = fields;
  if (file) uploads.set(request, file);
}
