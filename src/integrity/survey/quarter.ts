// The survey's periods: calendar quarters ("2026-Q4") in the site's time zone. A response counts
// in the quarter of the moment it was stored, as the site's clock reads it, and the cookie that
// keeps one response per visitor lasts until that quarter ends.
import { instantOfWall, isoInZone } from '../../i18n/index.ts';

/** A quarter as stored in survey_responses.period. */
export type Period = string;

const PERIOD = /^(\d{4})-Q([1-4])$/;

/** The year and quarter (1–4) of a period, or undefined when the text is not one. */
export function parsePeriod(text: string): { year: number; quarter: number } | undefined {
  const match = PERIOD.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  return year >= 2000 && year <= 9999 ? { year, quarter: Number(match[2]) } : undefined;
}

/** The period of a year and quarter. */
export function periodOf(year: number, quarter: number): Period {
  return `${year}-Q${quarter}`;
}

/** The quarter an instant falls in, on the calendar of `timeZone`. */
export function quarterOf(instant: Date, timeZone: string): Period {
  const local = isoInZone(instant, timeZone); // "2026-12-31T23:59:00+07:00"
  const year = Number(local.slice(0, 4));
  const month = Number(local.slice(5, 7));
  return periodOf(year, Math.floor((month - 1) / 3) + 1);
}

/** The quarter before (-1) or after (+1) a period, or `steps` quarters away. */
export function shiftPeriod(period: Period, steps: number): Period {
  const parsed = parsePeriod(period);
  if (!parsed) throw new Error(`not a period: ${period}`);
  const index = parsed.year * 4 + (parsed.quarter - 1) + steps;
  return periodOf(Math.floor(index / 4), (index % 4) + 1);
}

/** The first instant of a quarter, midnight of its first day in `timeZone`. */
export function quarterStart(period: Period, timeZone: string): Date {
  const parsed = parsePeriod(period);
  if (!parsed) throw new Error(`not a period: ${period}`);
  return instantOfWall(Date.UTC(parsed.year, (parsed.quarter - 1) * 3, 1), timeZone);
}

/** The instant a quarter ends: the first instant of the next one. */
export function quarterEnd(period: Period, timeZone: string): Date {
  return quarterStart(shiftPeriod(period, 1), timeZone);
}
