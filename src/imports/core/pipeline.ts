// The import pipeline any source reader feeds: sections, then authors, then each story in a
// transaction of its own with its links, images and tags. A run that stops midway leaves whole
// stories only (image files written for the story it was on are harmless orphans), and running
// it again finishes the job: every record is found again by its source id in the edition.
import type { WriteContext } from '../../core/events/index.ts';
import { InputError } from '../../core/validation.ts';
import { recordLegacySite } from '../commands.ts';
import { importAuthors } from './people.ts';
import type { Progress } from './progress.ts';
import { ImportRun } from './run.ts';
import { importCategories } from './sections.ts';
import { importArticle } from './stories.ts';
import { newSummary, type ImportSummary } from './summary.ts';
import type { ImportSource } from './types.ts';

/** How a run is made. */
export interface ImportOptions {
  /** The edition everything goes into (ids are namespaced by it). */
  readonly edition: string;
  /** The site's data directory (media files). */
  readonly dataDir: string;
  /** The site's time zone: the day an imported read total is counted on. */
  readonly timezone: string;
  /** Say what would happen; write nothing. */
  readonly isDryRun?: boolean;
  /** The old site's address, recorded for its old URLs' redirects. */
  readonly baseUrl?: string;
  readonly progress?: Progress;
  /** Test seam: called after each story has committed (a throw stops the run there). */
  readonly afterItem?: (done: number) => void;
}

/** An import that cannot start (no such edition, a bad address): nothing was written. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Imports a source into an edition (or, dry, says what it would do) and returns the summary. */
export async function runImport(w: WriteContext, source: ImportSource, options: ImportOptions): Promise<ImportSummary> {
  const edition = await w.db
    .selectFrom('editions')
    .select('code')
    .where('code', '=', options.edition)
    .executeTakeFirst();
  if (!edition) throw new ImportError(`edition "${options.edition}" does not exist`);
  const isDryRun = options.isDryRun === true;
  const summary = newSummary(options.edition, source.system, isDryRun);
  const run = new ImportRun(
    w,
    source,
    { edition: options.edition, system: source.system },
    summary,
    { dataDir: options.dataDir, timezone: options.timezone, isDryRun },
    w.now(),
  );
  const categories = await importCategories(run, await source.categories());
  const authors = await importAuthors(run, await source.authors());
  const maps = { categories, authors };

  const total = await source.countArticles();
  let done = 0;
  options.progress?.update(0, total);
  try {
    for await (const record of source.articles()) {
      if ('skip' in record) {
        run.count('article', 'skipped');
        summary.skipped.push({ sourceId: record.sourceId, reason: record.skip });
      } else if (isDryRun) {
        await importArticle(run, record, maps);
      } else {
        await importOne(run, record, maps);
      }
      done++;
      options.progress?.update(done, total);
      options.afterItem?.(done);
    }
  } finally {
    options.progress?.done();
  }
  if (!isDryRun)
    await recordLegacySite(w, { edition: options.edition, system: source.system, baseUrl: options.baseUrl });
  return summary;
}

/** One story in one transaction; a story its commands refuse is skipped with a warning. */
async function importOne(
  run: ImportRun,
  record: Parameters<typeof importArticle>[1],
  maps: Parameters<typeof importArticle>[2],
) {
  try {
    await run.w.db.transaction().execute(async (trx) => {
      const item = run.inTransaction(trx);
      await importArticle(item, record, maps);
      // Kept in step with what commits: counted only if the transaction does not throw after.
      run.commit(item);
    });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    run.count('article', 'skipped');
    run.warn(`${run.source.articleKind} ${record.sourceId}`, `refused: ${error.message}`);
  }
  // The commands' events (search index, caches, audit) go out once the story has committed.
  await run.w.events.afterCommit();
}
