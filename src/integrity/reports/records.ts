// The report rows as the commands use them: finding a report by its code or public id, the
// contexts its sealed values are bound to, and its messages and attachments opened. The contexts
// name the report and the message's kind, so a sealed value moved to another report, or a note
// relabelled as a reply in the database, no longer opens.
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { forUpdate, toDate, toDateOrNull, toDbTime } from '../../core/db/dialect.ts';
import type { Database, IntegrityMessagesTable, IntegrityReportsTable } from '../../core/db/schema.ts';
import {
  openEvidenceMeta,
  removeEvidence,
  storeEvidence,
  type PreparedEvidence,
  type StoredEvidence,
} from '../evidence/index.ts';
import type { KeyRing } from '../sealing/key-ring.ts';
import { normalizeReceiptCode, receiptCodeHash } from '../sealing/receipt-code.ts';
import { openText } from '../sealing/seal.ts';
import type { ReportContent } from './model.ts';

/** What the commands need beyond the database: the key ring, and the data directory for files. */
export interface ReportVault {
  readonly ring: KeyRing;
  readonly dataDir: string;
}

export type ReportRow = Selectable<IntegrityReportsTable>;
export type MessageKind = IntegrityMessagesTable['kind'];

/** The context a report's content is sealed under. */
export const reportContext = (publicId: string) => `report:${publicId}`;
/** The context of a message's text: its report and its kind. */
export const messageContext = (publicId: string, kind: MessageKind) => `report:${publicId}:${kind}`;

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A new public id: 16 base32 characters (80 random bits), unrelated to the receipt code. */
export function newPublicId(): string {
  const bytes = randomBytes(16);
  let id = '';
  for (const byte of bytes) id += BASE32[byte & 31];
  return id;
}

/** The report a typed code opens, or undefined; malformed codes cost the same lookup as wrong ones. */
export async function findRowByCode(db: Kysely<Database>, typed: string): Promise<ReportRow | undefined> {
  const canonical = normalizeReceiptCode(typed);
  // A hash no code has: the query runs either way, so timing does not tell malformed from unknown.
  const hash = canonical ? receiptCodeHash(canonical) : randomBytes(32).toString('hex');
  return db.selectFrom('integrity_reports').selectAll().where('code_hash', '=', hash).executeTakeFirst();
}

/** A report by public id, locked for the rest of the transaction on PostgreSQL. */
export async function findRowForUpdate(trx: Kysely<Database>, publicId: string): Promise<ReportRow | undefined> {
  return forUpdate(
    trx,
    trx.selectFrom('integrity_reports').selectAll().where('public_id', '=', publicId),
  ).executeTakeFirst();
}

/** A report by id, locked for the rest of the transaction on PostgreSQL. */
export async function findRowByIdForUpdate(trx: Kysely<Database>, id: number): Promise<ReportRow | undefined> {
  return forUpdate(trx, trx.selectFrom('integrity_reports').selectAll().where('id', '=', id)).executeTakeFirst();
}

/** The report's content, opened. */
export function openContent(ring: KeyRing, row: ReportRow): ReportContent {
  return JSON.parse(openText(ring, row.sealed, reportContext(row.public_id))) as ReportContent;
}

/** Dates of a report row. */
export function datesOf(row: ReportRow): { receivedAt: Date; updatedAt: Date; closedAt: Date | null } {
  return {
    receivedAt: toDate(row.received_at),
    updatedAt: toDate(row.updated_at),
    closedAt: toDateOrNull(row.closed_at),
  };
}

/**
 * Writes a submission's files before its rows (a row never names a missing file); when one write
 * fails, those already written are removed and the error goes on.
 */
export async function storeAllEvidence(
  vault: ReportVault,
  evidence: readonly PreparedEvidence[],
): Promise<StoredEvidence[]> {
  const stored: StoredEvidence[] = [];
  try {
    for (const item of evidence) stored.push(await storeEvidence(vault.ring, vault.dataDir, item));
    return stored;
  } catch (error) {
    await removeStored(vault, stored);
    throw error;
  }
}

/** Removes files whose rows were never committed. */
export async function removeStored(vault: ReportVault, stored: readonly StoredEvidence[]): Promise<void> {
  for (const item of stored) await removeEvidence(vault.dataDir, item.file);
}

/** Records stored files as a report's attachments (message null: they came with the report). */
export async function insertAttachments(
  trx: Kysely<Database>,
  reportId: number,
  messageId: number | null,
  stored: readonly StoredEvidence[],
  now: Date,
): Promise<void> {
  if (stored.length === 0) return;
  await trx
    .insertInto('integrity_attachments')
    .values(
      stored.map((s) => ({
        report_id: reportId,
        message_id: messageId,
        file: s.file,
        sealed_meta: s.sealedMeta,
        created_at: toDbTime(now),
      })),
    )
    .execute();
}

/** An attachment as listed with its report: never its bytes. */
export interface AttachmentInfo {
  readonly id: number;
  /** The message it came with; null: with the report itself. */
  readonly messageId: number | null;
  readonly name: string;
  readonly mime: string;
  readonly size: number;
  /** Whether its metadata was stripped (images). */
  readonly isStripped: boolean;
  readonly addedAt: Date;
}

/** A report's attachments, oldest first, with their metadata opened. */
export async function listAttachments(
  db: Kysely<Database>,
  ring: KeyRing,
  reportId: number,
): Promise<AttachmentInfo[]> {
  const rows = await db
    .selectFrom('integrity_attachments')
    .select(['id', 'message_id', 'file', 'sealed_meta', 'created_at'])
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
  return rows.map((row) => {
    const meta = openEvidenceMeta(ring, row.file, row.sealed_meta);
    return {
      id: row.id,
      messageId: row.message_id,
      name: meta.name,
      mime: meta.type.mime,
      size: meta.size,
      isStripped: meta.isStripped,
      addedAt: toDate(row.created_at),
    };
  });
}

/** How many files a report has (for its lifetime cap). */
export async function countAttachments(db: Kysely<Database>, reportId: number): Promise<number> {
  const row = await db
    .selectFrom('integrity_attachments')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('report_id', '=', reportId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A message opened. */
export interface OpenedMessage {
  readonly id: number;
  readonly kind: MessageKind;
  readonly officerId: number | null;
  /** The new status, for a 'status' message. */
  readonly status: ReportRow['status'] | null;
  readonly text: string;
  readonly at: Date;
}

/** A report's messages of the given kinds, oldest first, opened. */
export async function listMessages(
  db: Kysely<Database>,
  ring: KeyRing,
  row: ReportRow,
  kinds: readonly MessageKind[],
): Promise<OpenedMessage[]> {
  const rows = await db
    .selectFrom('integrity_messages')
    .selectAll()
    .where('report_id', '=', row.id)
    .where('kind', 'in', kinds)
    .orderBy('id')
    .execute();
  return rows.map((m) => ({
    id: m.id,
    kind: m.kind,
    officerId: m.officer_id,
    status: m.status,
    text: openText(ring, m.sealed, messageContext(row.public_id, m.kind)),
    at: toDate(m.created_at),
  }));
}

/** The message kinds a reporter may read: their own and the officers' replies, never notes or status reasons. */
export const REPORTER_READABLE: readonly MessageKind[] = ['reporter', 'reply'];
