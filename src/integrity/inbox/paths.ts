// Addresses of the officers' inbox, in one place: the list with its filters, a report, its forms
// and its attachments. A report is named by its opaque public id (16 base32 characters).
import { REPORT_KINDS, REPORT_STATUSES, type ReportKind, type ReportStatus } from '../reports/index.ts';

export const INBOX_PATH = '/newsroom/integrity/reports';

/** Whether a path segment can be a report's public id (anything else is a 404 without a query). */
export function isPublicId(value: string): boolean {
  return /^[a-z2-7]{16}$/.test(value);
}

/** A report's page. */
export function reportPath(publicId: string): string {
  return `${INBOX_PATH}/${publicId}`;
}

/** Where an attachment downloads (through openAttachment, which writes the audit entry). */
export function attachmentPath(publicId: string, attachmentId: number): string {
  return `${reportPath(publicId)}/attachments/${attachmentId}`;
}

/** Whose reports the list shows. */
export const ASSIGNED_CHOICES = ['me', 'none'] as const;
export type AssignedChoice = (typeof ASSIGNED_CHOICES)[number];

/** The list's filters and page, as read from its address (anything unknown is left out). */
export interface InboxParams {
  readonly kind?: ReportKind;
  readonly status?: ReportStatus;
  readonly assigned?: AssignedChoice;
  readonly page: number;
}

function oneOf<T extends string>(values: readonly T[], raw: unknown): T | undefined {
  return typeof raw === 'string' && (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

/** Reads the list's query: unknown values count as "all", a bad page as the first. */
export function readInboxParams(query: Readonly<Record<string, unknown>>): InboxParams {
  const page = typeof query.page === 'string' && /^[1-9]\d{0,5}$/.test(query.page) ? Number(query.page) : 1;
  return {
    kind: oneOf(REPORT_KINDS, query.kind),
    status: oneOf(REPORT_STATUSES, query.status),
    assigned: oneOf(ASSIGNED_CHOICES, query.assigned),
    page,
  };
}

/** The list's address for these filters and page (page 1 and empty filters left out). */
export function inboxPath(params: InboxParams): string {
  const query = new URLSearchParams();
  if (params.kind) query.set('kind', params.kind);
  if (params.status) query.set('status', params.status);
  if (params.assigned) query.set('assigned', params.assigned);
  if (params.page > 1) query.set('page', String(params.page));
  const text = query.toString();
  return text ? `${INBOX_PATH}?${text}` : INBOX_PATH;
}
