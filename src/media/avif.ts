// The AVIF sizes, made in the background: AVIF is a third smaller than WebP for the same look,
// but takes seconds per picture to write, too long for an upload to wait. A job takes a few
// images lacking them, oldest first, and writes KEY-W.avif at each stored width. The original
// upload is not kept (it carries the phone's EXIF and GPS), so the source is the largest stored
// WebP (which keeps transparency), or the JPEG; its pixels are already upright, sRGB and clean.
import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Database } from '../core/db/schema.ts';
import type { WriteContext } from '../core/events/index.ts';
import type { Job } from '../core/jobs/runner.ts';
import { deferAvifSizes, recordAvifSizes } from './commands.ts';
import { imageSlots, mediaStorage } from './store.ts';

/** AVIF settings: effort 3 writes about 7% more bytes than sharp's default 4, in a third of the time. */
const AVIF = { quality: 50, effort: 3 } as const;
/** Images per run, and the time after which a run starts no further image. */
const BATCH = 4;
const BUDGET_MS = 30_000;
/** How often the job looks for images lacking AVIF. */
const EVERY_MS = 60_000;
/**
 * A process makes AVIF only once it has been up this long: the first minutes after a start (a
 * deploy, a restart) go to readers' cold caches, and short-lived processes (tests, CLI) never
 * spend seconds of CPU on it.
 */
const WARM_UP_MS = 5 * 60_000;

/** What one run did. */
export interface AvifRun {
  readonly made: number;
  readonly failed: readonly { readonly mediaId: number; readonly reason: string }[];
}

/** The job that adds AVIF sizes; `options` let tests start it without the warm-up. */
export function avifJob(ctx: AppContext, options: { warmUpMs?: number } = {}): Job {
  const warmUpMs = options.warmUpMs ?? WARM_UP_MS;
  return {
    name: 'media.avif',
    everyMs: EVERY_MS,
    async run() {
      if (process.uptime() * 1000 < warmUpMs) return 'waiting for the process to warm up';
      const { made, failed } = await makeMissingAvif(ctx.writer, ctx.config.dataDir);
      const failures = failed.map((f) => `${f.mediaId} (${f.reason})`).join(', ');
      return `${made} images given AVIF sizes${failures ? `; failed: ${failures}` : ''}`;
    },
  };
}

/**
 * Makes the AVIF sizes of a few images lacking them, each recorded by a command (media.updated,
 * so cached pages showing it are redrawn with the AVIF source). An image that fails is put at
 * the back of the queue and named in the result.
 */
export async function makeMissingAvif(
  w: WriteContext,
  dataDir: string,
  options: { limit?: number; budgetMs?: number } = {},
): Promise<AvifRun> {
  const started = Date.now();
  const rows = await listMediaLackingAvif(w.db, options.limit ?? BATCH);
  let made = 0;
  const failed: { mediaId: number; reason: string }[] = [];
  for (const row of rows) {
    if (Date.now() - started > (options.budgetMs ?? BUDGET_MS)) break;
    try {
      const bytes = await writeAvifSizes(dataDir, row.storage_key, JSON.parse(row.variants) as number[]);
      if (await recordAvifSizes(w, row.id, bytes)) made++;
    } catch (error) {
      failed.push({ mediaId: row.id, reason: error instanceof Error ? error.message : String(error) });
      await deferAvifSizes(w, row.id);
    }
  }
  return { made, failed };
}

/**
 * Images lacking AVIF, longest waiting first. The condition is written exactly as the partial
 * index media_avif_pending (0013) says it, as literal SQL, so both engines read that index.
 */
export async function listMediaLackingAvif(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom('media')
    .select(['id', 'storage_key', 'variants'])
    .where(sql<boolean>`formats not like '%"avif"%'`)
    .orderBy('updated_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Writes KEY-W.avif for each stored width from the largest stored size; returns the bytes written. */
async function writeAvifSizes(dataDir: string, key: string, widths: readonly number[]): Promise<number> {
  const storage = mediaStorage(dataDir);
  const largest = widths[widths.length - 1];
  if (largest === undefined) throw new Error('no stored sizes');
  const source = (await storage.get(`${key}-${largest}.webp`)) ?? (await storage.get(`${key}-${largest}.jpg`));
  if (!source) throw new Error(`neither ${key}-${largest}.webp nor .jpg is stored`);
  const { default: sharp } = await import('sharp');
  let bytes = 0;
  for (const w of widths) {
    // One size per slot: uploads waiting for a slot get one between two sizes.
    const avif = await imageSlots.run(() =>
      sharp(source, { failOn: 'warning' }).resize({ width: w, withoutEnlargement: true }).avif(AVIF).toBuffer(),
    );
    await storage.put(`${key}-${w}.avif`, avif);
    bytes += avif.length;
  }
  return bytes;
}
