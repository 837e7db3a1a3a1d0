// Writing media: an upload from the newsroom, the AVIF sizes the background job adds, the text
// defaults the library edits, and deleting an unused image. Each is a command that records its
// event in the same transaction as the row.
import { z } from 'zod';
import { forUpdate, toDbTime } from '../core/db/dialect.ts';
import type { MediaRow } from '../core/db/schema.ts';
import { runCommand, type WriteContext } from '../core/events/index.ts';
import { AppError } from '../core/http/errors.ts';
import { parseInput } from '../core/validation.ts';
import { mediaValues, removeImageFiles, writeImageFiles } from './store.ts';
import { parseFormats, type ImageFormat } from './image.ts';
import { findUsages, type MediaUsages } from './usages.ts';
import './events.ts';

const text = (max: number) => z.string().trim().max(max, `is longer than ${max} characters`);

/** The longest alt text, caption and credit: as long as an article's own image fields may be. */
export const MEDIA_TEXT_LIMITS = { alt: 500, caption: 1000, credit: 300 } as const;

const ingestOptions = z.strictObject({
  uploadedBy: z.number().int().positive().nullable(),
  alt: text(MEDIA_TEXT_LIMITS.alt).default(''),
  caption: text(MEDIA_TEXT_LIMITS.caption).default(''),
  credit: text(MEDIA_TEXT_LIMITS.credit).default(''),
});

const mediaText = z.strictObject({
  alt: text(MEDIA_TEXT_LIMITS.alt),
  caption: text(MEDIA_TEXT_LIMITS.caption),
  credit: text(MEDIA_TEXT_LIMITS.credit),
});

/** An image's alt text, caption and credit: the defaults an article starts from when it uses the image. */
export type MediaText = z.input<typeof mediaText>;

/** What ingestImage is told besides the bytes: who uploaded them, and the text shown with the image. */
export type IngestImageOptions = z.input<typeof ingestOptions>;

/**
 * Stores an upload from the newsroom and records it (media.created). The type is read from the
 * bytes, never from a file name or Content-Type. Throws InputError (400) for bad options,
 * AppError payload_too_large (413), unsupported_media_type (415), image_too_large or
 * unprocessable_content (422), service_unavailable (503: too many pictures in the queue).
 * Nothing is left behind for a refused upload: no files, no row.
 */
export async function ingestImage(
  w: WriteContext,
  dataDir: string,
  input: Buffer,
  opts: IngestImageOptions,
): Promise<MediaRow> {
  const options = parseInput(ingestOptions, opts);
  const stored = await writeImageFiles(dataDir, input);
  try {
    return await runCommand(w, async (trx, emit) => {
      const row = await trx
        .insertInto('media')
        .values(mediaValues(stored, options, options.uploadedBy, w.now()))
        .returningAll()
        .executeTakeFirstOrThrow();
      await emit('media.created', { mediaId: row.id });
      return row;
    });
  } catch (error) {
    // Files first, then the row: a row never points at missing files, and files of a row that
    // could not be recorded go again.
    await removeImageFiles(dataDir, stored.files);
    throw error;
  }
}

/** Records that an image's AVIF sizes are stored (media.updated); false if the image is gone. */
export async function recordAvifSizes(w: WriteContext, mediaId: number, addedBytes: number): Promise<boolean> {
  return runCommand(w, async (trx, emit) => {
    const row = await trx.selectFrom('media').select('formats').where('id', '=', mediaId).executeTakeFirst();
    if (!row) return false;
    const formats = parseFormats(row.formats);
    if (!formats.includes('avif')) formats.push('avif');
    await trx
      .updateTable('media')
      .set((eb) => ({
        formats: JSON.stringify(formats),
        bytes: eb('bytes', '+', addedBytes),
        updated_at: toDbTime(w.now()),
      }))
      .where('id', '=', mediaId)
      .execute();
    await emit('media.updated', { mediaId });
    return true;
  });
}

/**
 * Puts an image whose AVIF sizes could not be made at the back of the job's queue (its
 * updated_at is the queue's order), so one broken file does not hold up the others.
 */
export async function deferAvifSizes(w: WriteContext, mediaId: number): Promise<void> {
  await runCommand(w, async (trx) => {
    await trx
      .updateTable('media')
      .set({ updated_at: toDbTime(w.now()) })
      .where('id', '=', mediaId)
      .execute();
  });
}

/**
 * Changes an image's alt text, caption and credit defaults (media.updated). Articles keep the
 * text they were saved with; the defaults are what the next use starts from. Throws InputError
 * (400) for text too long, AppError not_found for an image that is gone.
 */
export async function updateMediaText(w: WriteContext, mediaId: number, input: MediaText): Promise<MediaRow> {
  const values = parseInput(mediaText, input);
  return runCommand(w, async (trx, emit) => {
    const row = await trx
      .updateTable('media')
      .set({ ...values, updated_at: toDbTime(w.now()) })
      .where('id', '=', mediaId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', 'This image has been deleted.');
    await emit('media.updated', { mediaId });
    return row;
  });
}

/** A delete refused because the image is in use; `usages` says where. */
export class MediaInUseError extends AppError {
  constructor(readonly usages: MediaUsages) {
    super('conflict', 'The image is in use and was not deleted.');
    this.name = 'MediaInUseError';
  }
}

/** Every format a stored size may have, the AVIF job's included (one it is still writing, too). */
const STORED_FORMATS: readonly ImageFormat[] = ['jpg', 'webp', 'avif'];

/**
 * Deletes an image that nothing uses (media.deleted), then its files. Throws MediaInUseError
 * (409) while an article, page or person uses it, or while the list of uses cannot be complete;
 * AppError not_found for an image that is gone. The row goes first, in the transaction that
 * checked the uses; the files after the commit, so a row never points at missing files.
 */
export async function deleteMedia(w: WriteContext, dataDir: string, mediaId: number): Promise<void> {
  const row = await runCommand(w, async (trx, emit) => {
    // Locked: an article saved meanwhile with this featured image waits, and is then seen.
    const media = await forUpdate(
      trx,
      trx.selectFrom('media').select(['id', 'storage_key', 'variants']).where('id', '=', mediaId),
    ).executeTakeFirst();
    if (!media) throw new AppError('not_found', 'This image has been deleted.');
    const usages = await findUsages(trx, media, 20);
    if (usages.items.length > 0 || !usages.isComplete) throw new MediaInUseError(usages);
    await trx.deleteFrom('media').where('id', '=', mediaId).execute();
    await emit('media.deleted', { mediaId });
    return media;
  });
  const widths = JSON.parse(row.variants) as number[];
  await removeImageFiles(
    dataDir,
    widths.flatMap((width) => STORED_FORMATS.map((format) => `${row.storage_key}-${width}.${format}`)),
  );
}
