// Times of the radio in an edition's words: a clock time in the station's zone, a station day's
// heading, the zone's name, and a weekly slot as "Monday to Friday, 06:00–09:00". Formatters are
// made once per locale and zone (Intl's constructors are slow).
import type { Translate } from '../../i18n/index.ts';
import { formatEnd } from '../end-time.ts';
import type { WeeklySlot } from '../schedule.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formats.set(key, f);
  }
  return f;
}

/** "06:00": the clock in `timeZone`, 24-hour. */
export function clockTime(date: Date, locale: string, timeZone: string): string {
  return clockFormat(locale, timeZone).format(date);
}

/** An airing's end: as clockTime, but "24:00" at midnight ("22:00–24:00", not "22:00–00:00"). */
export function endClockTime(date: Date, locale: string, timeZone: string): string {
  return formatEnd(date, clockFormat(locale, timeZone));
}

function clockFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  return format(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** "Tuesday, 1 December": the heading of a station day ("2026-12-01"). */
export function dayHeading(date: string, locale: string): string {
  return format(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** "Tue 1 Dec": a short date in `timeZone`. */
export function shortDate(date: Date, locale: string, timeZone: string): string {
  return format(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(date);
}

/** "Western Indonesia Time": the zone's name in the edition's language (the IANA name when it has none). */
export function zoneName(timeZone: string, locale: string, at: Date): string {
  const name = format(locale, { timeZone, timeZoneName: 'long' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return name ?? timeZone;
}

/** A weekday's name (ISO 1 = Monday): 2026-11-30 was a Monday. */
function weekdayName(day: number, locale: string, width: 'long' | 'short'): string {
  return format(locale, { timeZone: 'UTC', weekday: width }).format(new Date(Date.UTC(2026, 10, 29 + day, 12)));
}

const lists = new Map<string, Intl.ListFormat>();

/** "Monday to Friday", "every day", or the days named: when a weekly slot airs. */
export function daysText(days: readonly number[], locale: string, t: Translate): string {
  const set = [...new Set(days)].sort();
  const key = set.join(',');
  if (key === '1,2,3,4,5,6,7') return t('programs.everyDay');
  if (key === '1,2,3,4,5') return t('programs.weekdays');
  if (key === '6,7') return t('programs.weekends');
  let list = lists.get(locale);
  if (!list) {
    list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    lists.set(locale, list);
  }
  return list.format(set.map((d) => weekdayName(d, locale, set.length > 2 ? 'short' : 'long')));
}

/** "06:00–09:00": a slot's wall-clock times in the edition's style (its end may be past midnight). */
export function slotTimes(slot: Pick<WeeklySlot, 'start' | 'minutes'>, locale: string): string {
  const [h, m] = slot.start.split(':').map(Number) as [number, number];
  const start = Date.UTC(2026, 0, 1, h, m);
  const end = start + slot.minutes * 60_000;
  return `${clockTime(new Date(start), locale, 'UTC')}–${endClockTime(new Date(end), locale, 'UTC')}`;
}
