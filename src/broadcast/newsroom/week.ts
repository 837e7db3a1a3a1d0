// The schedule as editors check it: weekly slots that overlap (in the week's wall-clock minutes),
// and a channel's airings laid out by day (a special without a program is titled by its note).
// Pure functions.
import { instantOfWall, isoInZone } from '../../i18n/index.ts';
import { airingsBetween, dayIn, type Schedule, type Weekday } from '../schedule.ts';

const WEEK_MINUTES = 7 * 24 * 60;
const DAY_MS = 86_400_000;

/** A slot to compare: days, start "HH:MM", minutes (already checked). */
export interface SlotShape {
  readonly days: readonly Weekday[];
  readonly start: string;
  readonly minutes: number;
}

/** A slot of another program on the channel, named by its program. */
export interface NamedSlot extends SlotShape {
  readonly title: string;
}

/** "06:00" plus `minutes` on a 24-hour clock ("02:00" past midnight). */
export function endOf(start: string, minutes: number): string {
  const [h, m] = start.split(':').map(Number) as [number, number];
  const end = (h * 60 + m + minutes) % (24 * 60);
  return `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
}

/** A slot's stretches of the week, in minutes from Monday 00:00 (one past Sunday midnight wraps). */
function stretchesOf(slot: SlotShape): [number, number][] {
  const [h, m] = slot.start.split(':').map(Number) as [number, number];
  const stretches: [number, number][] = [];
  for (const day of slot.days) {
    const start = (day - 1) * 24 * 60 + h * 60 + m;
    const end = start + slot.minutes;
    if (end <= WEEK_MINUTES) stretches.push([start, end]);
    else stretches.push([start, WEEK_MINUTES], [0, end - WEEK_MINUTES]);
  }
  return stretches;
}

/** Whether two slots are on air at the same wall-clock minute of some day. */
export function slotsOverlap(a: SlotShape, b: SlotShape): boolean {
  const bs = stretchesOf(b);
  return stretchesOf(a).some(([s, e]) => bs.some(([s2, e2]) => s < e2 && s2 < e));
}

/** What a slot overlaps: another row of the same form (its number), or another program's slot. */
export type Overlap = { readonly row: number } | { readonly other: NamedSlot };

/**
 * For each slot of a form (undefined: a row not yet valid), what it overlaps: the form's other
 * rows and other programs' slots on the channel.
 */
export function overlapsOf(rows: readonly (SlotShape | undefined)[], others: readonly NamedSlot[]): Overlap[][] {
  return rows.map((row, i) => {
    if (!row) return [];
    const found: Overlap[] = [];
    rows.forEach((other, j) => {
      if (j !== i && other && slotsOverlap(row, other)) found.push({ row: j + 1 });
    });
    for (const other of others) if (slotsOverlap(row, other)) found.push({ other });
    return found;
  });
}

/** One airing as a line of a day. */
export interface DayItem {
  readonly start: Date;
  readonly end: Date;
  readonly title: string;
  readonly isSpecial: boolean;
}

/** A day of a channel's week, in its zone. */
export interface ScheduleDay {
  /** "2026-12-02". */
  readonly date: string;
  readonly items: readonly DayItem[];
}

/**
 * The airings overlapping [from, to), titled from `titles` (a special without a program carries
 * its own title).
 */
export function airingsWithTitles(
  schedule: Schedule,
  titles: ReadonlyMap<number, string>,
  from: Date,
  to: Date,
): DayItem[] {
  return airingsBetween(schedule, from, to).map((a) => ({
    start: a.start,
    end: a.end,
    title: a.programId === null ? (a.title ?? '') : (titles.get(a.programId) ?? `Program ${a.programId}`),
    isSpecial: a.isSpecial,
  }));
}

/** Midnight at the start of the day `at` falls on, in `timeZone`. */
export function startOfDay(at: Date, timeZone: string): Date {
  return instantOfWall(Date.parse(`${dayIn(at, timeZone)}T00:00:00Z`), timeZone);
}

/** Seven days from `at`'s day in `timeZone`: the span a week preview shows. */
export function weekFrom(at: Date, timeZone: string): { from: Date; to: Date } {
  const from = startOfDay(at, timeZone);
  const to = instantOfWall(Date.parse(`${dayIn(at, timeZone)}T00:00:00Z`) + 7 * DAY_MS, timeZone);
  return { from, to };
}

/** Airings grouped by the day they start on in `timeZone`, every day of [from, to) listed. */
export function byDay(items: readonly DayItem[], timeZone: string, from: Date, days: number): ScheduleDay[] {
  const first = Date.parse(`${dayIn(from, timeZone)}T00:00:00Z`);
  const result: ScheduleDay[] = [];
  for (let k = 0; k < days; k++) {
    const date = new Date(first + k * DAY_MS).toISOString().slice(0, 10);
    result.push({ date, items: items.filter((i) => dayIn(i.start, timeZone) === date) });
  }
  // An airing that began the evening before the first day still shows, on that first day.
  const early = items.filter((i) => dayIn(i.start, timeZone) < (result[0]?.date ?? ''));
  if (early.length && result[0]) result[0] = { date: result[0].date, items: [...early, ...result[0].items] };
  return result;
}

/** "06:00" in `timeZone`. */
export function clockIn(at: Date, timeZone: string): string {
  return isoInZone(at, timeZone).slice(11, 16);
}

const dayLabels = new Map<string, Intl.DateTimeFormat>();

/** "Wed 2 Dec" for a calendar date. */
export function dayLabel(date: string): string {
  let format = dayLabels.get('utc');
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
    dayLabels.set('utc', format);
  }
  return format.format(new Date(`${date}T12:00:00Z`));
}

/** "Wed 2 Dec 06:00" in `timeZone`. */
export function whenIn(at: Date, timeZone: string): string {
  return `${dayLabel(dayIn(at, timeZone))} ${clockIn(at, timeZone)}`;
}
