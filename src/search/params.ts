// The search page's URL parameters, read leniently: whatever a reader or a bot puts in the
// address, the page answers (an unusable filter is dropped and its form field left empty).
import { instantOfWall } from '../i18n/index.ts';
import { parseQuery, writesCompounds, type SearchQuery } from './text.ts';

/** The search form's state, cleaned. */
export interface SearchParams {
  readonly query: SearchQuery;
  /** A category slug as given (the route checks that it exists). */
  readonly category: string | undefined;
  /** YYYY-MM-DD days in the station's time zone, from ≤ to. */
  readonly from: string | undefined;
  readonly to: string | undefined;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function firstString(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : undefined;
}

/** A real calendar day written YYYY-MM-DD (what <input type="date"> sends), else undefined. */
export function parseDay(value: unknown): string | undefined {
  const text = firstString(value);
  const m = text === undefined ? null : DAY.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const isReal = y >= 1000 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return isReal ? text : undefined;
}

/** Reads q, category, from and to from a parsed query string, for an edition in this locale. */
export function readSearchParams(raw: Record<string, unknown>, locale = 'en'): SearchParams {
  let from = parseDay(raw.from);
  let to = parseDay(raw.to);
  // A reversed range is read the way it was surely meant.
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  const query = parseQuery(raw.q);
  return {
    query: writesCompounds(locale) ? { ...query, isPrefixEvery: true } : query,
    category: firstString(raw.category),
    from,
    to,
  };
}

/** The instant a YYYY-MM-DD day begins in a time zone. */
export function startOfDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return instantOfWall(Date.UTC(y, m - 1, d), timeZone);
}

/** The instant the day after a YYYY-MM-DD day begins (the exclusive end of a "to" filter). */
export function startOfNextDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return instantOfWall(Date.UTC(y, m - 1, d + 1), timeZone);
}

/** The search page's address for these parameters (without the page number). */
export function searchPath(edition: string, p: Partial<Omit<SearchParams, 'query'>> & { q?: string }): string {
  const params = new URLSearchParams();
  if (p.q) params.set('q', p.q);
  if (p.category) params.set('category', p.category);
  if (p.from) params.set('from', p.from);
  if (p.to) params.set('to', p.to);
  const qs = params.toString();
  return `/${edition}/search${qs ? `?${qs}` : ''}`;
}
