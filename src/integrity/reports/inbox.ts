// The officers' inbox: reports listed by the columns stored in the clear (kind, status, dates,
// the assigned officer) and the public id, newest first, filtered and paged. Nothing sealed is
// read here; opening a report's content is officer.ts's openReport, one report at a time.
import type { Kysely } from 'kysely';
import { toDate, toDateOrNull } from '../../core/db/dialect.ts';
import type { Database } from '../../core/db/schema.ts';
import type { ReportKind, ReportStatus } from './model.ts';

/** The inbox's filters and page. */
export interface InboxFilter {
  readonly kind?: ReportKind;
  readonly status?: ReportStatus;
  /** An officer's id: the reports assigned to them; null: the reports assigned to no one. */
  readonly assignedTo?: number | null;
  /** 1-based. */
  readonly page?: number;
  readonly pageSize?: number;
}

/** A report as the inbox lists it: what is stored in the clear, nothing sealed. */
export interface InboxItem {
  readonly publicId: string;
  readonly kind: ReportKind;
  readonly status: ReportStatus;
  readonly edition: string;
  readonly assignedTo: number | null;
  readonly receivedAt: Date;
  readonly updatedAt: Date;
  readonly closedAt: Date | null;
}

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 100;

/**
 * One page of the inbox, newest first. Opens nothing, so it records no event: what a list shows
 * (kind, status, dates) is in the clear already, and each report's opening is what the log keeps.
 */
export async function listInbox(
  db: Kysely<Database>,
  filter: InboxFilter = {},
): Promise<{ items: InboxItem[]; page: number; hasMore: boolean }> {
  const pageSize = Math.min(Math.max(1, Math.floor(filter.pageSize ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const rows = await db
    .selectFrom('integrity_reports')
    .select(['public_id', 'kind', 'status', 'edition', 'assigned_to', 'received_at', 'updated_at', 'closed_at'])
    .$if(filter.kind !== undefined, (q) => q.where('kind', '=', filter.kind!))
    .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!))
    .$if(typeof filter.assignedTo === 'number', (q) => q.where('assigned_to', '=', filter.assignedTo!))
    .$if(filter.assignedTo === null, (q) => q.where('assigned_to', 'is', null))
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    // One more than the page, to know whether another follows.
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    items: rows.slice(0, pageSize).map((r) => ({
      publicId: r.public_id,
      kind: r.kind,
      status: r.status,
      edition: r.edition,
      assignedTo: r.assigned_to,
      receivedAt: toDate(r.received_at),
      updatedAt: toDate(r.updated_at),
      closedAt: toDateOrNull(r.closed_at),
    })),
    page,
    hasMore: rows.length > pageSize,
  };
}
