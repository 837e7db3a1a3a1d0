// A channel's week as the schedule and program pages list it: concrete airings (instants, so a
// listener's browser only formats them in its own zone), grouped by the station's calendar day,
// with the slot on air marked, specials named and cancelled airings kept (struck through) so
// listeners see what changed. Pure: the schedule, the notes and the clock in, the lists out.
import { instantOfWall } from '../../i18n/index.ts';
import { airingsBetween, dayIn, onAirAt, type Schedule } from '../schedule.ts';
import type { ChangeNote } from './queries.ts';

const DAY = 86_400_000;

/** One airing in a list. */
export interface ListedAiring {
  /** Null for a special without a program: it has only its title. */
  readonly programId: number | null;
  readonly title?: string;
  readonly start: Date;
  readonly end: Date;
  readonly kind: 'regular' | 'special' | 'cancelled';
  readonly isOnAir: boolean;
  /** The note of the one-off change behind a special or a cancellation ('' when none). */
  readonly note: string;
}

/** A station day of the week. */
export interface ScheduleDay {
  /** "2026-12-01": the day in the station's zone. */
  readonly date: string;
  /** The instant the day begins in the station's zone. */
  readonly start: Date;
  readonly airings: readonly ListedAiring[];
}

/** The instant the station's calendar day of `at` began. */
export function startOfStationDay(at: Date, timeZone: string): Date {
  return instantOfWall(Date.parse(`${dayIn(at, timeZone)}T00:00:00Z`), timeZone);
}

/** The start of the station day `days` calendar days after the day `dayStart` begins. */
function addStationDays(dayStart: Date, days: number, timeZone: string): Date {
  const wall = Date.parse(`${dayIn(dayStart, timeZone)}T00:00:00Z`) + days * DAY;
  return instantOfWall(wall, timeZone);
}

const keyOf = (a: { programId: number | null; start: Date; end: Date }) =>
  `${a.programId}|${a.start.getTime()}|${a.end.getTime()}`;

/**
 * The airings overlapping [from, to), with cancelled regular airings kept as 'cancelled' entries:
 * a weekly airing that the one-off changes took off whole (one they only shortened shows its
 * remaining part). Specials carry their note.
 */
export function listAirings(
  schedule: Schedule,
  notes: readonly ChangeNote[],
  from: Date,
  to: Date,
  now: Date,
): ListedAiring[] {
  const actual = airingsBetween(schedule, from, to);
  const regular = airingsBetween({ timeZone: schedule.timeZone, slots: schedule.slots, changes: [] }, from, to);
  const onAir = onAirAt(schedule, now);
  const onAirKey = onAir ? keyOf(onAir) : undefined;
  const listed: ListedAiring[] = actual.map((a) => ({
    programId: a.programId,
    ...(a.title ? { title: a.title } : {}),
    start: a.start,
    end: a.end,
    kind: a.isSpecial ? 'special' : 'regular',
    isOnAir: keyOf(a) === onAirKey,
    // A special without a program is titled by its note already.
    note: a.isSpecial && a.programId !== null ? noteOf(notes, 'special', a) : '',
  }));
  for (const r of regular) {
    const remains = actual.some(
      (a) => a.programId === r.programId && !a.isSpecial && a.start < r.end && a.end > r.start,
    );
    if (remains) continue;
    listed.push({
      programId: r.programId,
      start: r.start,
      end: r.end,
      kind: 'cancelled',
      isOnAir: false,
      note: noteOf(notes, 'cancelled', r),
    });
  }
  return listed.sort(
    (a, b) => a.start.getTime() - b.start.getTime() || Number(a.kind === 'cancelled') - Number(b.kind === 'cancelled'),
  );
}

/** The note of the change of `kind` that overlaps an airing (a special: the one that is it). */
function noteOf(
  notes: readonly ChangeNote[],
  kind: 'special' | 'cancelled',
  airing: { programId: number | null; start: Date; end: Date },
): string {
  const change = notes.find(
    (n) =>
      n.kind === kind &&
      (n.programId === null || n.programId === airing.programId) &&
      n.startsAt < airing.end &&
      n.endsAt > airing.start,
  );
  return change?.note ?? '';
}

/** Seven station days from the one `now` falls on, each with the airings that start in it. */
export function weekOf(schedule: Schedule, notes: readonly ChangeNote[], now: Date, days = 7): ScheduleDay[] {
  const { timeZone } = schedule;
  const first = startOfStationDay(now, timeZone);
  const starts = Array.from({ length: days + 1 }, (_, i) => addStationDays(first, i, timeZone));
  const airings = listAirings(schedule, notes, first, starts[days]!, now);
  return starts.slice(0, days).map((start, i) => {
    const end = starts[i + 1]!;
    return {
      date: dayIn(start, timeZone),
      start,
      // An airing belongs to the day it starts on; one still running from the night before the
      // first day (a show across midnight) opens the first day.
      airings: airings.filter((a) => (i === 0 || a.start >= start) && a.start < end),
    };
  });
}

/**
 * When what these lists show next changes by the clock alone: the next start or end of an
 * airing after `now` (the "on air now" mark moves). Undefined when nothing is scheduled.
 */
export function nextBoundary(airings: readonly ListedAiring[], now: Date): Date | undefined {
  let next: number | undefined;
  for (const a of airings) {
    if (a.kind === 'cancelled') continue;
    for (const t of [a.start.getTime(), a.end.getTime()])
      if (t > now.getTime() && (next === undefined || t < next)) next = t;
  }
  return next === undefined ? undefined : new Date(next);
}
