// The reporter's side of the channel: submitting a report (which answers with the receipt code,
// once), reading it back with the code, and adding a message or evidence. Everything written is
// sealed before it reaches the database or the disk; events carry the public id and status only.
// Files are written before the rows that name them and removed again if the rows are not
// committed. The officers' side is in officer.ts, the retention purge in purge.ts.
import type { Kysely } from 'kysely';
import { toDate, toDbTime } from '../../core/db/dialect.ts';
import type { Database } from '../../core/db/schema.ts';
import { runCommand, type WriteContext } from '../../core/events/index.ts';
import { AppError } from '../../core/http/errors.ts';
import { prepareEvidence, type PreparedEvidence, type Upload } from '../evidence/index.ts';
import { newReceiptCode, normalizeReceiptCode, receiptCodeHash } from '../sealing/receipt-code.ts';
import { seal } from '../sealing/seal.ts';
import {
  hasProblems,
  MAX_FILES_PER_REPORT,
  mergeProblems,
  ReportClosedError,
  ReportInputError,
  ReportNotFoundError,
  type FieldProblems,
  type ReportContent,
  type ReportKind,
  type ReportStatus,
} from './model.ts';
import {
  countAttachments,
  datesOf,
  findRowByCode,
  findRowByIdForUpdate,
  insertAttachments,
  listAttachments,
  listMessages,
  messageContext,
  newPublicId,
  openContent,
  removeStored,
  reportContext,
  REPORTER_READABLE,
  storeAllEvidence,
  type ReportVault,
} from './records.ts';
import { checkMessageText, checkReportForm, type RawReportForm } from './report-form.ts';
import './events.ts';

/** What the report form sends, and the edition it was sent through. */
export interface SubmitReportInput {
  readonly edition: string;
  readonly form: RawReportForm;
  readonly files: readonly Upload[];
}

/** A stored report: the receipt code, to be shown to the reporter this once and never again. */
export interface SubmittedReport {
  readonly receiptCode: string;
  readonly publicId: string;
}

/**
 * Stores a report, sealed, with its evidence, and returns its receipt code (only its hash is
 * kept). Throws ReportInputError with every problem by field, or edition_not_found.
 */
export async function submitReport(
  w: WriteContext,
  vault: ReportVault,
  input: SubmitReportInput,
): Promise<SubmittedReport> {
  const form = checkReportForm(input.form);
  const files = await prepareEvidence(input.files);
  const problems = mergeProblems('problems' in form ? form.problems : {}, 'problems' in files ? files.problems : {});
  if (hasProblems(problems) || !('report' in form) || !('evidence' in files)) throw new ReportInputError(problems);
  if (!(await isActiveEdition(w.db, input.edition))) throw new AppError('edition_not_found');

  const publicId = newPublicId();
  const receiptCode = newReceiptCode();
  const sealed = seal(vault.ring, JSON.stringify(form.report.content), reportContext(publicId));
  const stored = await storeAllEvidence(vault, files.evidence);
  try {
    await runCommand(w, async (trx, emit) => {
      const now = w.now();
      const row = await trx
        .insertInto('integrity_reports')
        .values({
          public_id: publicId,
          code_hash: receiptCodeHash(normalizeReceiptCode(receiptCode)!),
          edition: input.edition,
          kind: form.report.kind,
          status: 'received',
          sealed,
          assigned_to: null,
          received_at: toDbTime(now),
          updated_at: toDbTime(now),
          closed_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertAttachments(trx, row.id, null, stored, now);
      await emit('integrity_report.submitted', { publicId, status: 'received' });
    });
  } catch (error) {
    await removeStored(vault, stored);
    throw error;
  }
  return { receiptCode, publicId };
}

/** An attachment as the reporter sees it: its name and size. */
export interface ReporterAttachment {
  readonly name: string;
  readonly size: number;
}

/** A message the reporter may read: their own, or an officer's reply. */
export interface ReporterMessage {
  readonly kind: 'reporter' | 'reply';
  readonly text: string;
  readonly at: Date;
  readonly attachments: readonly ReporterAttachment[];
}

/** What the receipt code shows: the report, its status and the conversation, never officers' notes. */
export interface ReporterView {
  readonly kind: ReportKind;
  readonly edition: string;
  readonly status: ReportStatus;
  readonly receivedAt: Date;
  readonly updatedAt: Date;
  readonly closedAt: Date | null;
  readonly content: ReportContent;
  /** The files sent with the report itself. */
  readonly attachments: readonly ReporterAttachment[];
  readonly messages: readonly ReporterMessage[];
  /** When the status changed to what (the officers' reasons stay with them). */
  readonly statusHistory: readonly { readonly status: ReportStatus; readonly at: Date }[];
  /** Whether the reporter may still add a message or evidence. */
  readonly isOpen: boolean;
}

/**
 * The report a receipt code opens, as its reporter sees it; undefined for a code that is wrong,
 * malformed or unknown alike. A read: it records no event (a reporter's visits are not logged).
 */
export async function findByCode(
  db: Kysely<Database>,
  vault: ReportVault,
  typedCode: string,
): Promise<ReporterView | undefined> {
  const row = await findRowByCode(db, typedCode);
  if (!row) return undefined;
  const [messages, statuses, attachments] = await Promise.all([
    listMessages(db, vault.ring, row, REPORTER_READABLE),
    db
      .selectFrom('integrity_messages')
      .select(['status', 'created_at'])
      .where('report_id', '=', row.id)
      .where('kind', '=', 'status')
      .orderBy('id')
      .execute(),
    listAttachments(db, vault.ring, row.id),
  ]);
  const filesOf = (messageId: number | null) =>
    attachments.filter((a) => a.messageId === messageId).map((a) => ({ name: a.name, size: a.size }));
  return {
    kind: row.kind,
    edition: row.edition,
    status: row.status,
    ...datesOf(row),
    content: openContent(vault.ring, row),
    attachments: filesOf(null),
    messages: messages.map((m) => ({
      kind: m.kind as 'reporter' | 'reply',
      text: m.text,
      at: m.at,
      attachments: filesOf(m.id),
    })),
    statusHistory: statuses.flatMap((s) => (s.status ? [{ status: s.status, at: toDate(s.created_at) }] : [])),
    isOpen: row.status !== 'closed',
  };
}

/** What a reporter's follow-up sends: text, files, or both. */
export interface ReporterMessageInput {
  readonly text: unknown;
  readonly files: readonly Upload[];
}

/**
 * Adds the reporter's message and/or evidence to the report the code opens. Throws
 * ReportNotFoundError (any code that opens nothing), ReportClosedError, or ReportInputError.
 */
export async function addReporterMessage(
  w: WriteContext,
  vault: ReportVault,
  typedCode: string,
  input: ReporterMessageInput,
): Promise<void> {
  const found = await findRowByCode(w.db, typedCode);
  if (!found) throw new ReportNotFoundError();
  if (found.status === 'closed') throw new ReportClosedError();
  const text = checkMessageText(input.text);
  const files = await prepareEvidence(input.files, await countAttachments(w.db, found.id));
  let problems: FieldProblems = mergeProblems(
    'problems' in text ? text.problems : {},
    'problems' in files ? files.problems : {},
  );
  const evidence: PreparedEvidence[] = 'evidence' in files ? files.evidence : [];
  if (!hasProblems(problems) && 'text' in text && text.text === '' && evidence.length === 0) {
    problems = { text: [{ key: 'integrity.report.problem.messageEmpty' }] };
  }
  if (hasProblems(problems) || !('text' in text)) throw new ReportInputError(problems);

  const stored = await storeAllEvidence(vault, evidence);
  try {
    await runCommand(w, async (trx, emit) => {
      // Again under the lock: an officer may have closed it, or another upload filled it, meanwhile.
      const row = await findRowByIdForUpdate(trx, found.id);
      if (!row) throw new ReportNotFoundError();
      if (row.status === 'closed') throw new ReportClosedError();
      const held = await countAttachments(trx, row.id);
      if (held + stored.length > MAX_FILES_PER_REPORT) {
        const values = { max: MAX_FILES_PER_REPORT, count: Math.max(0, MAX_FILES_PER_REPORT - held) };
        throw new ReportInputError({ files: [{ key: 'integrity.report.problem.reportFilesFull', values }] });
      }
      const now = w.now();
      const message = await trx
        .insertInto('integrity_messages')
        .values({
          report_id: row.id,
          kind: 'reporter',
          officer_id: null,
          status: null,
          sealed: seal(vault.ring, text.text, messageContext(row.public_id, 'reporter')),
          created_at: toDbTime(now),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertAttachments(trx, row.id, message.id, stored, now);
      await trx
        .updateTable('integrity_reports')
        .set({ updated_at: toDbTime(now) })
        .where('id', '=', row.id)
        .execute();
      await emit('integrity_report.reporter_added', { publicId: row.public_id, status: row.status });
    });
  } catch (error) {
    await removeStored(vault, stored);
    throw error;
  }
}

async function isActiveEdition(db: Kysely<Database>, code: string): Promise<boolean> {
  if (code === '') return false;
  const row = await db
    .selectFrom('editions')
    .select('code')
    .where('code', '=', code)
    .where('is_active', '=', 1)
    .executeTakeFirst();
  return row !== undefined;
}
