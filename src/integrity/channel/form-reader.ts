// Reads the channel's forms as they are posted: multipart (the report and a follow-up carry
// files, and the code lookup is sent the same way so every field of every form is read by one
// rule), or urlencoded from a client that sends that. Text fields stay as the parser gives them;
// the report core checks them (NUL, broken UTF-8, lengths) and says which field is wrong. Files
// are held in memory up to the submission's limit: one over MAX_FILE_BYTES arrives cut short and
// is kept as a marker, so the core can name it; past the total, the rest is read and dropped.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FILES_FIELD, type Upload } from '../evidence/index.ts';
import { MAX_FILE_BYTES, MAX_FILES_PER_SUBMISSION, MAX_SUBMISSION_BYTES } from '../reports/index.ts';

/** The largest body taken: the files' limit and room for the text fields and the parts' headers. */
export const BODY_LIMIT = MAX_SUBMISSION_BYTES + 1024 * 1024;
/** The longest text field: the report's 10,000 characters of Arabic or CJK, with room to spare. */
const FIELD_BYTES = 64 * 1024;
/** Fields a form has (report: kind, what, when, where, who, name, email, phone, token, number, honeypot). */
const MAX_FIELDS = 20;

/** A posted form: its text fields, its files, and whether the files could not all be taken. */
export interface PostedForm {
  readonly fields: Readonly<Record<string, string>>;
  readonly files: readonly Upload[];
  /** More files than a submission may carry (or bytes than a body may): the rest were dropped. */
  readonly isOverFull: boolean;
}

/** Registers multipart parsing in this (encapsulated) plugin. */
export async function registerChannelForms(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, {
    limits: {
      // One byte over: a file cut short at this size was larger than the limit (and is refused).
      fileSize: MAX_FILE_BYTES + 1,
      files: MAX_FILES_PER_SUBMISSION + 1,
      fields: MAX_FIELDS,
      fieldSize: FIELD_BYTES,
      parts: MAX_FIELDS + MAX_FILES_PER_SUBMISSION + 2,
    },
    throwFileSizeLimit: false,
  });
}

/** Whether the request announces a body larger than the channel takes. */
export function isTooLarge(request: FastifyRequest): boolean {
  const length = Number(request.headers['content-length'] ?? 0);
  return Number.isFinite(length) && length > BODY_LIMIT;
}

/**
 * Reads the form. A part that breaks a limit (too many files or fields) ends the reading with
 * what was read so far and `isOverFull`, so the page can keep the text and say what went wrong.
 */
export async function readPostedForm(request: FastifyRequest): Promise<PostedForm> {
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(body)) if (typeof value === 'string') fields[name] = value;
    return { fields, files: [], isOverFull: false };
  }
  const fields: Record<string, string> = {};
  const files: Upload[] = [];
  let bytes = 0;
  let isOverFull = false;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string' && !Object.hasOwn(fields, part.fieldname))
          fields[part.fieldname] = part.value;
        continue;
      }
      const isFile = part.fieldname === FILES_FIELD && part.filename !== '';
      if (!isFile || files.length >= MAX_FILES_PER_SUBMISSION || bytes > BODY_LIMIT) {
        // Another field's file or an empty file input is dropped; one file too many is said.
        if (isFile) isOverFull = true;
        await drain(part.file);
        continue;
      }
      const data = await part.toBuffer();
      // Kept up to the body's limit (a body without a length is counted here): the core then
      // says how large the files were together.
      bytes += data.length;
      if (bytes > BODY_LIMIT) {
        isOverFull = true;
        continue;
      }
      // A truncated file is kept at MAX_FILE_BYTES + 1 bytes: the core refuses it by its size.
      files.push({ name: part.filename, bytes: data });
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('FST_')) throw error;
    isOverFull = true;
  }
  return { fields, files, isOverFull };
}

async function drain(stream: NodeJS.ReadableStream): Promise<void> {
  stream.resume();
  await new Promise((resolve) => {
    stream.on('end', resolve);
    stream.on('error', resolve);
  });
}
