// Moving in: importers that bring an old site's archive into an edition (K2 today, WordPress
// next), all through one pipeline (core/) that source readers feed with neutral records.
//
// A reader makes an ImportSource (categories, authors, stories, image files) and calls
// runImport(writer, source, options): sections, authors, then each story in its own
// transaction with its links in `import_links` (keyed edition, system, kind, source id), so
// a re-run updates what changed at the source, adds what is new, and leaves stories edited in
// Warta since; the summary says what happened. Other helpers for a reader: the ledger
// (findLink/recordLink/hashOf) for records the pipeline does not cover (pages, attachments).
export { runImport, ImportError, type ImportOptions } from './core/pipeline.ts';
export { formatSummary, type ImportSummary, type KindCounts } from './core/summary.ts';
export { terminalProgress, type Progress } from './core/progress.ts';
export { findLink, listLinks, recordLink, hashOf, isEditedSinceImport, type LedgerScope } from './core/ledger.ts';
export { extractDatelineAndSource } from './core/dateline.ts';
export type {
  ImportedArticle,
  ImportedAuthor,
  ImportedCategory,
  ImportedImage,
  ImportedTag,
  ImportSource,
  ImportSystem,
  ResolveImage,
} from './core/types.ts';
export { recordLegacySite, parseBaseUrl } from './commands.ts';
export { IMPORT_EVENTS } from './events.ts';
export { openK2Source, checkPrefix, type K2Location, type K2Source } from './k2/reader.ts';
