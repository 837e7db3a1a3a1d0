// The episode form sent as multipart (it may carry an audio file): its parts are read before the
// newsroom's form-token check, so the check finds `_csrf` among the fields as in any form. The
// file is streamed to a staging file, and only once the form's token (its first field) has
// matched the session's: a forged or expired form never writes a byte to disk. A file over the
// limit is read to its end and dropped, so the page can say so instead of cutting the connection.
import fastifyMultipart from '@fastify/multipart';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../core/http/errors.ts';
import type { MediaStorage } from '../../media/index.ts';
import { requirePermission } from '../../newsroom/index.ts';
import { audioTooLarge, discardStaged, MAX_AUDIO_BYTES, stageUpload } from './audio.ts';

/** The audio part of a posted form. */
export interface UploadedAudio {
  /** The staging file (see audio.ts), when a file was sent; the handler keeps or discards it. */
  readonly staged?: string;
  readonly filename: string;
  readonly error?: AppError;
}

/** The longest text field: a transcript of 200,000 characters of Arabic, as UTF-8. */
const FIELD_BYTES = 1024 * 1024;

const uploads = new WeakMap<FastifyRequest, UploadedAudio>();

/** The audio sent with the form; undefined when none was (or the form was not multipart). */
export function uploadedAudio(request: FastifyRequest): UploadedAudio | undefined {
  return uploads.get(request);
}

/** Registers multipart parsing in this (encapsulated) plugin, with the audio size limit. */
export async function registerEpisodeUploads(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_AUDIO_BYTES, files: 1, fields: 24, fieldSize: FIELD_BYTES, parts: 26 },
    throwFileSizeLimit: false,
  });
}

function isSameToken(sent: string | undefined, expected: string | undefined): boolean {
  if (!sent || !expected) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A preValidation hook reading the form into `request.body` and the staged file. */
export function readEpisodeForm(storage: MediaStorage) {
  return async (request: FastifyRequest): Promise<void> => {
    const staff = requirePermission(request, 'episode.manage');
    if (!request.isMultipart()) return;
    const fields: Record<string, string> = {};
    let audio: UploadedAudio | undefined;
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
        const isWanted = part.fieldname === 'audio' && part.filename !== '' && !audio;
        if (!isWanted || !isSameToken(fields._csrf, staff.csrfToken)) {
          // Read and dropped: another field's file, an empty file input, or a form without its
          // token first (the token check refuses it afterwards).
          part.file.resume();
          await new Promise((resolve) => part.file.on('end', resolve));
          continue;
        }
        const staged = await stageUpload(storage, part.file);
        if (part.file.truncated) {
          await discardStaged(staged);
          audio = { filename: part.filename, error: audioTooLarge() };
        } else audio = { filename: part.filename, staged };
      }
    } catch (error) {
      if (audio?.staged) await discardStaged(audio.staged);
      if (error instanceof AppError) throw error;
      const code = (error as { code?: string }).code ?? '';
      if (!code.startsWith('FST_')) throw error;
      throw new AppError('bad_request', 'The form sent more than one file, too many fields, or a field too long.');
    }
    request.body = fields;
    if (audio) uploads.set(request, audio);
  };
}

/** Removes a request's staged upload that the handler did not keep (an onResponse hook). */
export async function discardUnkept(request: FastifyRequest): Promise<void> {
  const staged = uploads.get(request)?.staged;
  if (staged) await discardStaged(staged);
}
