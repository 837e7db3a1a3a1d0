// `warta import wxr`'s work: a WordPress export into an edition. The file is read whole and checked
// before anything is written; then attachments (the media library), posts (through the import
// pipeline, as articles), pages (the page tree) and the old permalinks (the redirects table).
// Re-runnable: every record is found again by its WordPress id in the edition (import_links).
import type { WriteContext } from '../../core/events/index.ts';
import { recordLegacySite } from '../commands.ts';
import { ImportError, runImport } from '../core/pipeline.ts';
import type { Progress } from '../core/progress.ts';
import { mergeSummary, newSummary, type ImportSummary } from '../core/summary.ts';
import { UploadsFolder } from './files.ts';
import { importAttachments, importPages, type StepContext } from './pages.ts';
import { writePermalinks } from './permalinks.ts';
import { parseWxr, WxrError } from './parse.ts';
import { wxrSource } from './source.ts';

/** How a run is made. */
export interface WxrImportOptions {
  readonly edition: string;
  /** The site's data directory (media files). */
  readonly dataDir: string;
  readonly timezone: string;
  /** The WordPress uploads folder (or the WordPress root holding wp-content/uploads). */
  readonly mediaDir?: string;
  readonly isDryRun?: boolean;
  readonly progress?: Progress;
}

/** Imports a WXR export's text into an edition (or, dry, says what it would do). */
export async function importWxr(w: WriteContext, xml: string, options: WxrImportOptions): Promise<ImportSummary> {
  const doc = parseWxr(xml);
  let blogUrl: URL;
  try {
    blogUrl = new URL(doc.blogUrl);
  } catch {
    throw new WxrError('the export names no address of the blog (<wp:base_blog_url> or the channel <link>)');
  }
  if (blogUrl.protocol !== 'http:' && blogUrl.protocol !== 'https:')
    throw new WxrError(`the blog's address ${doc.blogUrl} is not an http(s) address`);
  const edition = await w.db
    .selectFrom('editions')
    .select('code')
    .where('code', '=', options.edition)
    .executeTakeFirst();
  if (!edition) throw new ImportError(`edition "${options.edition}" does not exist`);

  const isDryRun = options.isDryRun === true;
  const scope = { edition: options.edition, system: 'wxr' as const };
  const uploads = await UploadsFolder.open(options.mediaDir);
  const step = (summary: ImportSummary): StepContext => ({ w, scope, summary, isDryRun, dataDir: options.dataDir });

  // Attachments first: a post's featured image is then the attachment, with its alt text and caption.
  const before = newSummary(options.edition, 'wxr', isDryRun);
  await importAttachments(step(before), doc, uploads);
  const summary = await runImport(w, wxrSource(doc, uploads), {
    edition: options.edition,
    dataDir: options.dataDir,
    timezone: options.timezone,
    isDryRun,
    baseUrl: `${blogUrl.origin}${blogUrl.pathname}`,
    progress: options.progress,
  });
  mergeSummary(summary, before);
  await importPages(step(summary), doc);
  await writePermalinks(step(summary), doc);
  // Told again now that the redirects exist: every process drops cached answers of the old addresses.
  if (!isDryRun) await recordLegacySite(w, { edition: options.edition, system: 'wxr', baseUrl: undefined });
  return summary;
}
