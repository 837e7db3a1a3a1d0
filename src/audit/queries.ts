// Reading the audit log: one page of entries, newest first, by keyset (the last entry's (at, id)),
// on the index that fits the filter: (at, id), (action, at, id) or (actor_id, at, id). A page
// costs the same at a hundred entries and at millions.
import type { Kysely } from 'kysely';
import { toDate, toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';

type Db = Kysely<Database>;

/** Entries per page. */
export const PAGE_SIZE = 50;

/** Where a page starts: just older than this entry. */
export interface AuditCursor {
  readonly at: Date;
  readonly id: number;
}

/** Which entries to show; every field is optional. */
export interface AuditFilter {
  readonly action?: string;
  readonly actorId?: number;
  /** Inclusive start and exclusive end (instants: the page turns days in the site's zone into them). */
  readonly from?: Date;
  readonly to?: Date;
  readonly before?: AuditCursor;
}

/** One entry as the page shows it. */
export interface AuditEntry {
  readonly id: number;
  readonly at: Date;
  readonly actorId: number | null;
  readonly action: string;
  readonly subjectType: string | null;
  readonly subjectId: number | null;
  readonly edition: string | null;
  /** The event's ids and codes. */
  readonly detail: Readonly<Record<string, unknown>>;
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The query of one page (limit + 1 rows: the extra one says whether there is an older page). */
export function auditEntriesQuery(db: Db, filter: AuditFilter, limit = PAGE_SIZE) {
  const { action, actorId, from, to, before } = filter;
  return (
    db
      .selectFrom('audit_log')
      .select(['id', 'at', 'actor_id', 'action', 'subject_type', 'subject_id', 'edition', 'detail'])
      .$if(action !== undefined, (q) => q.where('action', '=', action!))
      .$if(actorId !== undefined, (q) => q.where('actor_id', '=', actorId!))
      .$if(from !== undefined, (q) => q.where('at', '>=', toDbTime(from!)))
      .$if(to !== undefined, (q) => q.where('at', '<', toDbTime(to!)))
      // A row value: both engines walk the index from this point on.
      .$if(before !== undefined, (q) =>
        q.where((eb) => eb(eb.refTuple('at', 'id'), '<', eb.tuple(toDbTime(before!.at), before!.id))),
      )
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
  );
}

/** A page of entries, newest first, and the cursor of the next (older) page when there is one. */
export async function listAuditEntries(
  db: Db,
  filter: AuditFilter,
  limit = PAGE_SIZE,
): Promise<{ entries: AuditEntry[]; next: AuditCursor | null }> {
  const rows = await auditEntriesQuery(db, filter, limit).execute();
  const entries = rows.slice(0, limit).map((r) => ({
    id: Number(r.id),
    at: toDate(r.at),
    actorId: r.actor_id,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    edition: r.edition,
    detail: parseDetail(r.detail),
  }));
  const last = entries.at(-1);
  return { entries, next: rows.length > limit && last ? { at: last.at, id: last.id } : null };
}

/** Everyone the person filter offers, by name. */
export async function listPeople(db: Db): Promise<{ id: number; name: string }[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .orderBy('display_name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}

/** Names of these users (the ones that still exist). */
export async function userNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Titles of these articles (the ones that still exist). */
export async function articleTitles(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'title'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** When each of these users last signed in, from the log: one index lookup each, in one query. */
export async function lastSignIns(db: Db, userIds: readonly number[]): Promise<Map<number, Date>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select((eb) => [
      'users.id',
      eb
        .selectFrom('audit_log')
        .select('audit_log.at')
        .whereRef('audit_log.actor_id', '=', 'users.id')
        .where('audit_log.action', '=', 'staff.signed_in')
        .orderBy('audit_log.at', 'desc')
        .orderBy('audit_log.id', 'desc')
        .limit(1)
        .as('last_at'),
    ])
    .where('users.id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(rows.flatMap((r) => (r.last_at === null ? [] : [[r.id, toDate(r.last_at)] as const])));
}
