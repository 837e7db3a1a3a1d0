// How the survey's pages write quarters, dates and scores in the edition's language and digits.
import type { Site } from '../../../core/views/site.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { parsePeriod, quarterEnd, type Period } from '../quarter.ts';
import type { Grade } from '../score.ts';

const decimals = new Map<string, Intl.NumberFormat>();
const plain = new Map<string, Intl.NumberFormat>();

function cached(map: Map<string, Intl.NumberFormat>, locale: string, options: Intl.NumberFormatOptions) {
  let format = map.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    map.set(locale, format);
  }
  return format;
}

/** A value with two decimals in the edition's digits ("82.35", "٨٢٫٣٥"). */
export function twoDecimals(site: Site, value: number): string {
  return cached(decimals, site.edition.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** A whole number without grouping (a year), in the edition's digits. */
export function digits(site: Site, value: number): string {
  return cached(plain, site.edition.locale, { useGrouping: false }).format(value);
}

/** "Q4 2026", "Triwulan 4 2026", "الربع ٤ من عام ٢٠٢٦". */
export function quarterLabel(site: Site, period: Period): string {
  const parsed = parsePeriod(period);
  if (!parsed) return period;
  return site.t('survey.quarter', { quarter: digits(site, parsed.quarter), year: digits(site, parsed.year) });
}

/** The chart's two short lines: "Q4" and "2026". */
export function quarterLines(site: Site, period: Period): [string, string] {
  const parsed = parsePeriod(period);
  if (!parsed) return [period, ''];
  return [site.t('survey.quarterShort', { quarter: digits(site, parsed.quarter) }), digits(site, parsed.year)];
}

/** The last day of a quarter, as a date ("31 December 2026"). */
export function lastDayOf(site: Site, period: Period): string {
  return site.f.date(new Date(quarterEnd(period, site.timezone).getTime() - 1));
}

/** The first day after a quarter ("1 January 2027"). */
export function dayAfter(site: Site, period: Period): string {
  return site.f.date(quarterEnd(period, site.timezone));
}

/** A grade with its words ("B, good"). */
export function gradeText(site: Site, grade: Grade): string {
  return site.t(`survey.grade.${grade}` as MessageKey);
}
