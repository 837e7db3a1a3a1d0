// A channel's schedule as airings: weekly slots in the channel's time zone (wall-clock times, as
// a station prints its grid), with one-off changes on top (a special broadcast, a cancelled slot).
// Pure functions of the schedule and the clock: the live page's "on air now" and "next", the
// weekly grid and the programs' calendars are all read from `airingsBetween`.
import { instantOfWall, isoInZone } from '../i18n/index.ts';

/** ISO weekday: Monday 1 … Sunday 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A program's regular place in the week, in the channel's time zone. */
export interface WeeklySlot {
  readonly programId: number;
  readonly days: readonly Weekday[];
  /** The wall-clock start, "HH:MM" (00:00–23:59). */
  readonly start: string;
  /** How long it runs on the wall clock, 1 to 1,440 minutes; it may run past midnight. */
  readonly minutes: number;
}

/** A one-off change, in instants: a special broadcast, or a stretch with a slot cancelled. */
export interface ScheduleChange {
  readonly kind: 'special' | 'cancelled';
  /** Special: the program on air. Cancelled: the program taken off (null: whatever is on). */
  readonly programId: number | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** A special without a program: its title (the change's note), which makes it an airing of its own. */
  readonly title?: string;
}

/** A channel's schedule. */
export interface Schedule {
  /** The channel's IANA time zone: slots are wall-clock times there. */
  readonly timeZone: string;
  readonly slots: readonly WeeklySlot[];
  readonly changes: readonly ScheduleChange[];
}

/** One airing: of a program, or (programId null) of a special with only a title. */
export interface Airing {
  readonly programId: number | null;
  /** A special without a program: what it is called. */
  readonly title?: string;
  readonly start: Date;
  readonly end: Date;
  /** From a one-off special rather than the weekly grid. */
  readonly isSpecial: boolean;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** The longest slot: an airing starting this long before `from` may still be on. */
const MAX_SLOT_MINUTES = 24 * 60;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether a slot's start is "HH:MM" and its length 1 to 1,440 minutes. */
export function isValidSlot(slot: Pick<WeeklySlot, 'start' | 'minutes'>): boolean {
  return (
    HH_MM.test(slot.start) && Number.isInteger(slot.minutes) && slot.minutes >= 1 && slot.minutes <= MAX_SLOT_MINUTES
  );
}

/**
 * Every airing that overlaps [from, to), in order of start. Weekly slots are laid out day by day
 * in the channel's zone (a slot's end is its wall-clock end, so a three-hour morning show is two
 * hours long on the night the clocks go forward); cancelled stretches are cut out of them;
 * specials are cut out of them too and added whole.
 */
export function airingsBetween(schedule: Schedule, from: Date, to: Date): Airing[] {
  if (!(to.getTime() > from.getTime())) return [];
  const regular = weeklyAirings(schedule, new Date(from.getTime() - MAX_SLOT_MINUTES * MINUTE), to);
  let airings = regular;
  for (const change of schedule.changes) {
    if (change.endsAt.getTime() <= change.startsAt.getTime()) continue;
    airings = airings.flatMap((airing) =>
      change.kind === 'special' || change.programId === null || change.programId === airing.programId
        ? cutOut(airing, change.startsAt, change.endsAt)
        : [airing],
    );
  }
  const specials = schedule.changes
    .filter((c) => c.kind === 'special' && c.endsAt.getTime() > c.startsAt.getTime())
    .flatMap((c): Airing[] => {
      if (c.programId !== null) return [{ programId: c.programId, start: c.startsAt, end: c.endsAt, isSpecial: true }];
      // A special without a program is a broadcast of its own when it has a title.
      const title = c.title?.trim();
      return title ? [{ programId: null, title, start: c.startsAt, end: c.endsAt, isSpecial: true }] : [];
    });
  return [...airings, ...specials]
    .filter((a) => a.end.getTime() > from.getTime() && a.start.getTime() < to.getTime())
    .sort((a, b) => a.start.getTime() - b.start.getTime() || (a.programId ?? 0) - (b.programId ?? 0));
}

/** What is on air at `at` (a slot's end belongs to the next one), if anything. */
export function onAirAt(schedule: Schedule, at: Date): Airing | undefined {
  const t = at.getTime();
  return airingsBetween(schedule, at, new Date(t + 1)).find((a) => a.start.getTime() <= t && t < a.end.getTime());
}

/** The next `count` airings that start after `at` (within a week and a day). */
export function nextAirings(schedule: Schedule, at: Date, count: number): Airing[] {
  const t = at.getTime();
  return airingsBetween(schedule, at, new Date(t + 8 * DAY))
    .filter((a) => a.start.getTime() > t)
    .slice(0, count);
}

/** The calendar day ("2026-03-08") an instant falls on in a time zone: how listeners' lists group. */
export function dayIn(at: Date, timeZone: string): string {
  return isoInZone(at, timeZone).slice(0, 10);
}

/** The weekly slots laid out as airings from the channel-zone day before `from` to the day of `to`. */
function weeklyAirings(schedule: Schedule, from: Date, to: Date): Airing[] {
  const airings: Airing[] = [];
  const first = Date.parse(`${dayIn(from, schedule.timeZone)}T00:00:00Z`);
  const last = Date.parse(`${dayIn(to, schedule.timeZone)}T00:00:00Z`);
  for (let day = first; day <= last; day += DAY) {
    // Weekday of a calendar date (as UTC midnight): 1970-01-01 was a Thursday (4).
    const weekday = ((((Math.floor(day / DAY) + 3) % 7) + 7) % 7) + 1;
    for (const slot of schedule.slots) {
      if (!isValidSlot(slot) || !slot.days.includes(weekday as Weekday)) continue;
      const [hours, minutes] = slot.start.split(':').map(Number) as [number, number];
      const wallStart = day + (hours * 60 + minutes) * MINUTE;
      const start = instantOfWall(wallStart, schedule.timeZone);
      const end = instantOfWall(wallStart + slot.minutes * MINUTE, schedule.timeZone);
      // A slot inside the hour the clocks skip has no length that night.
      if (end.getTime() > start.getTime()) airings.push({ programId: slot.programId, start, end, isSpecial: false });
    }
  }
  return airings;
}

/** What is left of an airing around [from, to): nothing, one piece, or two. */
function cutOut(airing: Airing, from: Date, to: Date): Airing[] {
  const s = airing.start.getTime();
  const e = airing.end.getTime();
  if (to.getTime() <= s || from.getTime() >= e) return [airing];
  const pieces: Airing[] = [];
  if (from.getTime() > s) pieces.push({ ...airing, end: from });
  if (to.getTime() < e) pieces.push({ ...airing, start: to });
  return pieces;
}
