// The audit page's URL parameters, read leniently: a value that makes no sense is dropped (its
// filter shows as unset) rather than answered with an error.
import { instantOfWall } from '../i18n/index.ts';
import type { AuditCursor, AuditFilter } from './queries.ts';

/** The filter form's state as the page echoes it back. */
export interface AuditParams {
  readonly action: string | undefined;
  readonly actorId: number | undefined;
  /** YYYY-MM-DD days in the site's time zone, from ≤ to. */
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly before: AuditCursor | undefined;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The cursor as the "Older entries" link carries it: the last entry's time and id. */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)_(\d{1,15})$/;

function text(value: unknown, max = 100): string | undefined {
  const v = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined;
}

function day(value: unknown): string | undefined {
  const v = text(value, 10);
  const m = v === undefined ? null : DAY.exec(v);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1000 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? v : undefined;
}

/** Writes a cursor for a link. */
export function formatCursor(cursor: AuditCursor): string {
  return `${cursor.at.toISOString()}_${cursor.id}`;
}

/** Reads action, person, from, to and before from a parsed query string. */
export function readAuditParams(raw: Record<string, unknown>, knownActions: readonly string[]): AuditParams {
  const action = text(raw.action);
  const person = text(raw.person, 12);
  const cursor = CURSOR.exec(text(raw.before, 60) ?? '');
  let from = day(raw.from);
  let to = day(raw.to);
  // A reversed range is read the way it was surely meant.
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  const at = cursor ? new Date(cursor[1]!) : undefined;
  return {
    action: action !== undefined && knownActions.includes(action) ? action : undefined,
    actorId: person !== undefined && /^[1-9]\d{0,9}$/.test(person) ? Number(person) : undefined,
    from,
    to,
    before: at && !Number.isNaN(at.getTime()) ? { at, id: Number(cursor![2]) } : undefined,
  };
}

/** The query's filter: days become the instants they begin and end in `timeZone`. */
export function toFilter(params: AuditParams, timeZone: string): AuditFilter {
  return {
    ...(params.action !== undefined ? { action: params.action } : {}),
    ...(params.actorId !== undefined ? { actorId: params.actorId } : {}),
    ...(params.from !== undefined ? { from: startOfDay(params.from, timeZone) } : {}),
    ...(params.to !== undefined ? { to: startOfDay(params.to, timeZone, 1) } : {}),
    ...(params.before !== undefined ? { before: params.before } : {}),
  };
}

/** The page's address with these filters, from `before` on (the first page without it). */
export function auditPath(params: Partial<AuditParams>, before?: AuditCursor): string {
  const query = new URLSearchParams();
  if (params.action) query.set('action', params.action);
  if (params.actorId !== undefined) query.set('person', String(params.actorId));
  if (params.from) query.set('from', params.from);
  if (params.to) query.set('to', params.to);
  if (before) query.set('before', formatCursor(before));
  const qs = query.toString();
  return `/newsroom/audit${qs ? `?${qs}` : ''}`;
}

/** The instant a YYYY-MM-DD day (plus `addDays`) begins in a time zone. */
export function startOfDay(dayText: string, timeZone: string, addDays = 0): Date {
  const [y, m, d] = dayText.split('-').map(Number) as [number, number, number];
  return instantOfWall(Date.UTC(y, m - 1, d + addDays), timeZone);
}
