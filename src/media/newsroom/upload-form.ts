// The library's upload form as a plain multipart form (no script needed): its parts are read
// before the newsroom's form-token check, so the check finds `_csrf` among the fields as it does
// in any other form, and the file is kept for the handler. A file over the size limit is read to
// its end and dropped, so the page can say so instead of cutting the connection.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../core/http/errors.ts';
import { requirePermission } from '../../newsroom/index.ts';
import { MAX_UPLOAD_BYTES } from '../probe.ts';

/** The file of an upload form, or why it could not be read. */
export interface UploadedFile {
  readonly bytes?: Buffer;
  readonly filename: string;
  readonly error?: AppError;
}

const uploads = new WeakMap<FastifyRequest, UploadedFile>();

/** What the upload form sent as its file; undefined when the request was not a multipart form. */
export function uploadedFile(request: FastifyRequest): UploadedFile | undefined {
  return uploads.get(request);
}

/** Registers multipart parsing in this (encapsulated) plugin, with the pipeline's size limit. */
export async function registerUploadParsing(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, {
    // Three short fields, the form token and one file; a field holds 500 characters of any script.
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 6, fieldSize: 16 * 1024, parts: 8 },
    throwFileSizeLimit: false,
  });
}

/**
 * The route's preValidation hook: the role is checked before 25 MB are read, then the parts
 * become the body (text fields) and the kept file.
 */
export async function readUploadForm(request: FastifyRequest): Promise<void> {
  requirePermission(request, 'media.manage');
  if (!request.isMultipart()) return;
  const fields: Record<string, string> = {};
  let file: UploadedFile = { filename: '' };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        // The name and type the browser gives are not trusted: the pipeline reads the bytes.
        const bytes = await part.toBuffer();
        if (part.fieldname !== 'file') continue;
        file = part.file.truncated
          ? { filename: part.filename, error: new AppError('payload_too_large', tooLargeMessage()) }
          : { filename: part.filename, bytes };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('FST_')) throw error;
    file = { filename: '', error: new AppError('bad_request', 'The form sent more than one file or too many fields.') };
  }
  request.body = fields;
  uploads.set(request, file);
}

function tooLargeMessage(): string {
  return `The file is larger than ${Math.round(MAX_UPLOAD_BYTES / 1024 / 1024)} MB, the largest upload.`;
}
