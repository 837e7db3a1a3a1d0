// The officers' side (the inbox's list is inbox.ts): opening a report or one of its files, and
// the changes an officer makes: a reply the reporter will read, an internal note, a status with
// its reason, an assignment. Every opening and every change records an event naming the report
// by public id and status, with the officer as its actor, so the audit log shows who read and
// did what. Who may call these (the integrity-officer role, admins) is the routes' check.
import type { Kysely } from 'kysely';
import { toDbTime } from '../../core/db/dialect.ts';
import type { Database } from '../../core/db/schema.ts';
import { runCommand, type Emit, type WriteContext } from '../../core/events/index.ts';
import { openEvidence, type OpenedEvidence } from '../evidence/index.ts';
import { seal } from '../sealing/seal.ts';
import {
  canMoveStatus,
  hasProblems,
  needsReason,
  REPORT_STATUSES,
  ReportClosedError,
  ReportInputError,
  ReportNotFoundError,
  TEXT_LIMITS,
  type Problem,
  type ReportContent,
  type ReportStatus,
} from './model.ts';
import {
  datesOf,
  findRowForUpdate,
  listAttachments,
  listMessages,
  messageContext,
  openContent,
  type AttachmentInfo,
  type MessageKind,
  type OpenedMessage,
  type ReportRow,
  type ReportVault,
} from './records.ts';
import type { InboxItem } from './inbox.ts';
import { checkMessageText } from './report-form.ts';
import './events.ts';

/** A report as an officer opens it: everything, notes and status reasons included. */
export interface OfficerView extends InboxItem {
  readonly content: ReportContent;
  readonly messages: readonly OpenedMessage[];
  readonly attachments: readonly AttachmentInfo[];
}

const ALL_KINDS: readonly MessageKind[] = ['reporter', 'reply', 'note', 'status'];

/** Opens a report for the acting officer (event: opened); undefined when there is no such report. */
export async function openReport(
  w: WriteContext,
  vault: ReportVault,
  publicId: string,
): Promise<OfficerView | undefined> {
  officerOf(w);
  return runCommand(w, async (trx, emit) => {
    const row = await trx
      .selectFrom('integrity_reports')
      .selectAll()
      .where('public_id', '=', publicId)
      .executeTakeFirst();
    if (!row) return undefined;
    await emit('integrity_report.opened', { publicId, status: row.status });
    const [messages, attachments] = await Promise.all([
      listMessages(trx, vault.ring, row, ALL_KINDS),
      listAttachments(trx, vault.ring, row.id),
    ]);
    return {
      publicId,
      kind: row.kind,
      status: row.status,
      edition: row.edition,
      assignedTo: row.assigned_to,
      ...datesOf(row),
      content: openContent(vault.ring, row),
      messages,
      attachments,
    };
  });
}

/**
 * Opens one attachment of a report for the acting officer (event: attachment_opened, committed
 * before any byte is read); undefined when the report, the attachment or its file is missing.
 */
export async function openAttachment(
  w: WriteContext,
  vault: ReportVault,
  publicId: string,
  attachmentId: number,
): Promise<OpenedEvidence | undefined> {
  officerOf(w);
  const found = await runCommand(w, async (trx, emit) => {
    const row = await trx
      .selectFrom('integrity_attachments as a')
      .innerJoin('integrity_reports as r', 'r.id', 'a.report_id')
      .select(['a.file', 'a.sealed_meta', 'r.status'])
      .where('r.public_id', '=', publicId)
      .where('a.id', '=', attachmentId)
      .executeTakeFirst();
    if (row) await emit('integrity_report.attachment_opened', { publicId, status: row.status });
    return row;
  });
  return found && openEvidence(vault.ring, vault.dataDir, found.file, found.sealed_meta);
}

/** Sends the reporter a reply, read with their code (event: replied). A closed report takes none. */
export async function replyToReporter(
  w: WriteContext,
  vault: ReportVault,
  publicId: string,
  rawText: unknown,
): Promise<void> {
  const text = requiredText(rawText, TEXT_LIMITS.message, 'text');
  await changeReport(w, publicId, async (trx, row, emit) => {
    if (row.status === 'closed') throw new ReportClosedError();
    await addMessage(trx, vault, w, row, 'reply', text, null);
    // The reporter sees "updated" move: there is something new for them.
    await touch(trx, row, w.now());
    await emit('integrity_report.replied', { publicId, status: row.status });
  });
}

/**
 * Adds an internal note, which the reporter never sees (event: noted). Notes may be added to a
 * closed report, and leave its "updated" time alone, so the reporter's view does not change.
 */
export async function addNote(w: WriteContext, vault: ReportVault, publicId: string, rawText: unknown): Promise<void> {
  const text = requiredText(rawText, TEXT_LIMITS.message, 'text');
  await changeReport(w, publicId, async (trx, row, emit) => {
    await addMessage(trx, vault, w, row, 'note', text, null);
    await emit('integrity_report.noted', { publicId, status: row.status });
  });
}

/** A status change as the officer's form sends it. */
export interface StatusChange {
  readonly status: unknown;
  /** Required to close or to reopen; kept sealed in a 'status' message, for officers only. */
  readonly reason?: unknown;
}

/**
 * Moves a report to another status (see STATUS_STEPS) with its reason, sealed in a 'status'
 * message (event: status_changed). Throws ReportInputError for a step that is not allowed or a
 * missing reason.
 */
export async function setStatus(
  w: WriteContext,
  vault: ReportVault,
  publicId: string,
  change: StatusChange,
): Promise<void> {
  const to = (REPORT_STATUSES as readonly unknown[]).includes(change.status)
    ? (change.status as ReportStatus)
    : undefined;
  const reason = checkMessageText(change.reason, TEXT_LIMITS.reason);
  await changeReport(w, publicId, async (trx, row, emit) => {
    const problems: Record<string, Problem[]> = {};
    if (!to || !canMoveStatus(row.status, to)) problems.status = [{ key: 'integrity.report.problem.status' }];
    if ('problems' in reason) problems.reason = [...(reason.problems.text ?? [])];
    else if (to && reason.text === '' && needsReason(row.status, to)) {
      problems.reason = [{ key: 'integrity.report.problem.reasonRequired' }];
    }
    if (hasProblems(problems) || !to || 'problems' in reason) throw new ReportInputError(problems);
    const now = w.now();
    await addMessage(trx, vault, w, row, 'status', reason.text, to);
    await trx
      .updateTable('integrity_reports')
      .set({ status: to, updated_at: toDbTime(now), closed_at: to === 'closed' ? toDbTime(now) : null })
      .where('id', '=', row.id)
      .execute();
    await emit('integrity_report.status_changed', { publicId, status: to });
  });
}

/**
 * Assigns a report to an officer (an active integrity officer or admin), or to no one with null
 * (event: assigned). Internal: the reporter's "updated" time stays.
 */
export async function assignReport(w: WriteContext, publicId: string, officerId: number | null): Promise<void> {
  await changeReport(w, publicId, async (trx, row, emit) => {
    if (officerId !== null) {
      const officer = await trx
        .selectFrom('users')
        .select('id')
        .where('id', '=', officerId)
        .where('is_active', '=', 1)
        .where('role', 'in', ['integrity_officer', 'admin'])
        .executeTakeFirst();
      if (!officer) throw new ReportInputError({ assignee: [{ key: 'integrity.report.problem.assignee' }] });
    }
    await trx.updateTable('integrity_reports').set({ assigned_to: officerId }).where('id', '=', row.id).execute();
    await emit('integrity_report.assigned', { publicId, status: row.status });
  });
}

/** The acting officer; a change without one would leave the audit log without its "who". */
function officerOf(w: WriteContext): number {
  if (w.actorId == null) throw new Error('an officer’s action on a report needs WriteContext.actorId');
  return w.actorId;
}

/** Runs a change on a report, locked; ReportNotFoundError when there is none. */
async function changeReport(
  w: WriteContext,
  publicId: string,
  change: (trx: Kysely<Database>, row: ReportRow, emit: Emit) => Promise<void>,
): Promise<void> {
  officerOf(w);
  await runCommand(w, async (trx, emit) => {
    const row = await findRowForUpdate(trx, publicId);
    if (!row) throw new ReportNotFoundError();
    await change(trx, row, emit);
  });
}

async function addMessage(
  trx: Kysely<Database>,
  vault: ReportVault,
  w: WriteContext,
  row: ReportRow,
  kind: MessageKind,
  text: string,
  status: ReportStatus | null,
): Promise<void> {
  await trx
    .insertInto('integrity_messages')
    .values({
      report_id: row.id,
      kind,
      officer_id: officerOf(w),
      status,
      sealed: seal(vault.ring, text, messageContext(row.public_id, kind)),
      created_at: toDbTime(w.now()),
    })
    .execute();
}

async function touch(trx: Kysely<Database>, row: ReportRow, now: Date): Promise<void> {
  await trx
    .updateTable('integrity_reports')
    .set({ updated_at: toDbTime(now) })
    .where('id', '=', row.id)
    .execute();
}

/** A text that must not be empty, or ReportInputError under `field`. */
function requiredText(raw: unknown, max: number, field: string): string {
  const checked = checkMessageText(raw, max);
  if ('problems' in checked) throw new ReportInputError({ [field]: checked.problems.text ?? [] });
  if (checked.text === '') throw new ReportInputError({ [field]: [{ key: 'integrity.report.problem.required' }] });
  return checked.text;
}
