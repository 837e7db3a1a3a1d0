// A WXR export's pages into the page tree (src/pages), parents before children, each page with its
// 'page' link in one transaction; and its attachments into the media library (each file once per
// edition, under the same 'image' link the pipeline's featured and inline images use, so a post's
// photo is the attachment with its alt text and caption).
import type { Kysely } from 'kysely';
import type { Database } from '../../core/db/schema.ts';
import type { WriteContext } from '../../core/events/index.ts';
import { InputError } from '../../core/validation.ts';
import { ingestImage } from '../../media/index.ts';
import { createPage, updatePage } from '../../pages/index.ts';
import { findLink, hashOf, recordLink, type LedgerScope } from '../core/ledger.ts';
import type { ImportSummary, KindCounts } from '../core/summary.ts';
import type { UploadsFolder } from './files.ts';
import type { WxrDocument, WxrItem } from './parse.ts';
import { bodyOf, isKept, statusOf } from './source.ts';

/** What a step is given: where it writes, what it reports into, and whether it only counts. */
export interface StepContext {
  readonly w: WriteContext;
  readonly scope: LedgerScope;
  readonly summary: ImportSummary;
  readonly isDryRun: boolean;
  readonly dataDir: string;
}

/** Counts a record of a kind in a summary. */
export function countIn(summary: ImportSummary, kind: string, outcome: keyof KindCounts): void {
  const counts = (summary.counts[kind] ??= { created: 0, updated: 0, unchanged: 0, skipped: 0 });
  counts[outcome]++;
}

/** Runs `work` in a transaction of its own, then delivers its events (as the pipeline does per story). */
async function inTransaction<T>(w: WriteContext, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  const result = await w.db.transaction().execute(work);
  await w.events.afterCommit();
  return result;
}

/** Pages with their parents first; a page whose parent is not brought over goes to the top. */
function parentsFirst(pages: readonly WxrItem[]): WxrItem[] {
  const byId = new Map(pages.map((p) => [p.id, p]));
  const ordered: WxrItem[] = [];
  const placed = new Set<string>();
  const place = (page: WxrItem, seen: Set<string>) => {
    if (placed.has(page.id)) return;
    const parent = byId.get(page.parentId);
    // A parent loop (never made by WordPress, possible in a hand-edited file) is cut here.
    if (parent && !seen.has(parent.id)) place(parent, new Set([...seen, page.id]));
    placed.add(page.id);
    ordered.push(page);
  };
  for (const page of pages) place(page, new Set([page.id]));
  return ordered;
}

/** Imports the export's pages; returns the Warta page id of each WordPress page id brought over. */
export async function importPages(step: StepContext, doc: WxrDocument): Promise<Map<string, number>> {
  const pages = doc.items.filter((i) => i.type === 'page');
  const made = new Map<string, number>();
  for (const page of parentsFirst(pages)) {
    const label = `page ${page.id}`;
    if (!isKept(page)) {
      countIn(step.summary, 'page', 'skipped');
      step.summary.skipped.push({ sourceId: label, reason: `status "${page.status || '(none)'}"` });
      continue;
    }
    const parentId = page.parentId === '0' ? null : (made.get(page.parentId) ?? null);
    if (page.parentId !== '0' && parentId === null && !step.isDryRun) {
      step.summary.warnings.push({
        sourceId: label,
        message: `its parent page ${page.parentId} is not imported: put at the top`,
      });
    }
    const fields = {
      title: page.title.trim().slice(0, 300) || `(${label})`,
      slug: page.slug,
      summary: page.excerpt
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 2000),
      bodyHtml: bodyOf(page.content),
      parentId,
      position: Math.max(0, Math.min(100_000, page.menuOrder)),
      status: statusOf(page),
    };
    const hash = hashOf(fields);
    const link = await findLink(step.w.db, step.scope, 'page', page.id);
    const current = link
      ? await step.w.db.selectFrom('pages').select('id').where('id', '=', link.targetId).executeTakeFirst()
      : undefined;
    if (link && !current) {
      countIn(step.summary, 'page', 'skipped');
      step.summary.warnings.push({
        sourceId: label,
        message: `page ${link.targetId} was deleted in Warta since its import; not made again`,
      });
      continue;
    }
    if (current && link!.sourceHash === hash) {
      made.set(page.id, current.id);
      countIn(step.summary, 'page', 'unchanged');
      continue;
    }
    if (step.isDryRun) {
      made.set(page.id, current?.id ?? 0);
      countIn(step.summary, 'page', current ? 'updated' : 'created');
      continue;
    }
    try {
      const id = await inTransaction(step.w, async (trx) => {
        const w = { ...step.w, db: trx };
        const row = current
          ? await updatePage(w, current.id, fields)
          : await createPage(w, { ...fields, edition: step.scope.edition });
        await recordLink(trx, step.scope, 'page', page.id, { targetId: row.id, sourceHash: hash }, step.w.now());
        return row.id;
      });
      made.set(page.id, id);
      countIn(step.summary, 'page', current ? 'updated' : 'created');
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      countIn(step.summary, 'page', 'skipped');
      step.summary.warnings.push({ sourceId: label, message: `refused: ${error.message}` });
    }
  }
  return made;
}

/** Imports the export's attachments (image files under the uploads folder) into the media library. */
export async function importAttachments(
  step: StepContext,
  doc: WxrDocument,
  uploads: UploadsFolder | undefined,
): Promise<void> {
  for (const attachment of doc.items.filter((i) => i.type === 'attachment')) {
    const label = `attachment ${attachment.id}`;
    const address = attachment.meta.get('_wp_attached_file') || attachment.attachmentUrl;
    const file = uploads
      ? ((await uploads.find(address)) ?? (await uploads.find(attachment.attachmentUrl)))
      : undefined;
    if (!file) {
      countIn(step.summary, 'attachment', 'skipped');
      step.summary.warnings.push({
        sourceId: label,
        message: uploads
          ? `its file ${address || '(none)'} is not in the uploads folder`
          : 'no --media-dir given: its file was not looked for',
      });
      continue;
    }
    const link = await findLink(step.w.db, step.scope, 'image', file.sourceId);
    if (link && link.sourceHash === file.version) {
      countIn(step.summary, 'attachment', 'unchanged');
      continue;
    }
    if (step.isDryRun) {
      countIn(step.summary, 'attachment', link ? 'updated' : 'created');
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await file.read();
    } catch (error) {
      countIn(step.summary, 'attachment', 'skipped');
      step.summary.warnings.push({ sourceId: label, message: `its file cannot be read: ${messageOf(error)}` });
      continue;
    }
    try {
      const media = await ingestImage(step.w, step.dataDir, bytes, {
        uploadedBy: null,
        alt: (attachment.meta.get('_wp_attachment_image_alt') ?? '').slice(0, 500),
        caption: attachment.excerpt
          .replace(/<[^>]*>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim()
          .slice(0, 1000),
      });
      await inTransaction(step.w, async (trx) => {
        const now = step.w.now();
        await recordLink(
          trx,
          step.scope,
          'image',
          file.sourceId,
          { targetId: media.id, sourceHash: file.version },
          now,
        );
        await recordLink(
          trx,
          step.scope,
          'attachment',
          attachment.id,
          { targetId: media.id, sourceHash: file.version },
          now,
        );
      });
      countIn(step.summary, 'attachment', link ? 'updated' : 'created');
    } catch (error) {
      countIn(step.summary, 'attachment', 'skipped');
      step.summary.warnings.push({ sourceId: label, message: `not imported: ${messageOf(error)}` });
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
