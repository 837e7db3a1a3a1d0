// A program's slots as an iCalendar feed (ical-generator): each weekly slot is one recurring
// event in the channel's zone (DTSTART;TZID=… with RRULE:FREQ=WEEKLY;BYDAY=…, and the zone's
// VTIMEZONE), so a calendar app follows the station's wall clock through daylight-saving changes
// as the station does. One-off changes in the coming weeks are honoured: an airing a change takes
// off (or shortens) is an EXDATE of its slot, and what airs instead (a special, the part of a
// shortened airing that remains) is an event of its own at its exact instants.
import ical, { ICalEventRepeatingFreq, ICalWeekday } from 'ical-generator';
import { isoInZone } from '../../i18n/index.ts';
import { airingsBetween, type Airing, type Schedule } from '../schedule.ts';
import type { ChangeNote, ProgramInfo } from './queries.ts';
import { vtimezone } from './vtimezone.ts';

/** How far ahead one-off changes are written into the feed (calendar apps refresh far more often). */
export const ICS_HORIZON_DAYS = 84;
/** Recurring events start at the slot's first airing this many days back (a stable first date). */
const LOOK_BACK_DAYS = 7;
const DAY = 86_400_000;

const WEEKDAYS: readonly ICalWeekday[] = [
  ICalWeekday.MO,
  ICalWeekday.TU,
  ICalWeekday.WE,
  ICalWeekday.TH,
  ICalWeekday.FR,
  ICalWeekday.SA,
  ICalWeekday.SU,
];

export interface CalendarInput {
  readonly program: ProgramInfo;
  /** The program's channel's schedule for [now - 7 days, now + horizon). */
  readonly schedule: Schedule;
  readonly notes: readonly ChangeNote[];
  readonly now: Date;
  /** The calendar's name, e.g. "Morning Show · Voice of Warta". */
  readonly name: string;
  /** The program page's absolute URL. */
  readonly url: string;
  /** The site's host, for stable event UIDs. */
  readonly host: string;
  /** "Special" in the edition's language. */
  readonly specialLabel: string;
}

/**
 * The wall-clock time of `at` in `timeZone` as a Date whose local fields show it: how
 * ical-generator takes a time it writes with TZID (it reads the Date's local fields). Undefined
 * when the server's own zone skips that wall time (a daylight-saving gap of the server's zone).
 */
function wallDate(at: Date, timeZone: string): Date | undefined {
  const [y, mo, d, h, mi] = isoInZone(at, timeZone).slice(0, 16).split(/[-T:]/).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(y, mo - 1, d, h, mi);
  const same =
    date.getFullYear() === y &&
    date.getMonth() === mo - 1 &&
    date.getDate() === d &&
    date.getHours() === h &&
    date.getMinutes() === mi;
  return same ? date : undefined;
}

const keyOf = (a: Airing) => `${a.start.getTime()}|${a.end.getTime()}`;

/** The program's calendar, as text/calendar. */
export function programCalendar(input: CalendarInput): string {
  const { program, schedule, now } = input;
  const timeZone = schedule.timeZone;
  const from = new Date(now.getTime() - LOOK_BACK_DAYS * DAY);
  const to = new Date(now.getTime() + ICS_HORIZON_DAYS * DAY);
  const calendar = ical({
    name: input.name,
    prodId: { company: 'Warta', product: 'Programs', language: 'EN' },
    url: input.url,
    // Calendar apps that subscribe look again after this long.
    ttl: 6 * 3600,
  });
  calendar.timezone({ name: null, generator: (zone) => vtimezone(zone, now) });
  const actual = airingsBetween(schedule, from, to).filter((a) => a.programId === program.id);
  const actualKeys = new Set(actual.map(keyOf));
  const regularKeys = new Set<string>();
  const concrete: Airing[] = [];
  const ownSlots = schedule.slots.filter((s) => s.programId === program.id);
  ownSlots.forEach((slot, index) => {
    const regular = airingsBetween({ timeZone, slots: [slot], changes: [] }, from, to);
    for (const r of regular) regularKeys.add(keyOf(r));
    const first = regular[0];
    const start = first && wallDate(first.start, timeZone);
    const end = first && wallDate(first.end, timeZone);
    const excluded = regular.filter((r) => !actualKeys.has(keyOf(r))).map((r) => wallDate(r.start, timeZone));
    if (!first || !start || !end || excluded.some((d) => d === undefined)) {
      // Not writable as a recurrence on this server: the airings themselves, as they are.
      concrete.push(...regular.filter((r) => actualKeys.has(keyOf(r))));
      return;
    }
    calendar.createEvent({
      id: `program-${program.id}-slot-${index + 1}@${input.host}`,
      start,
      end,
      timezone: timeZone,
      stamp: now,
      summary: program.title,
      description: program.description,
      url: input.url,
      repeating: {
        freq: ICalEventRepeatingFreq.WEEKLY,
        byDay: [...slot.days].sort().map((d) => WEEKDAYS[d - 1]!),
        ...(excluded.length > 0 ? { exclude: excluded as Date[] } : {}),
      },
    });
  });
  // Specials, and what remains of airings a change only shortened.
  concrete.push(...actual.filter((a) => !regularKeys.has(keyOf(a))));
  for (const a of concrete) {
    const note = input.notes.find(
      (n) => n.kind === 'special' && n.programId === program.id && n.startsAt.getTime() === a.start.getTime(),
    )?.note;
    calendar.createEvent({
      id: `program-${program.id}-${a.isSpecial ? 'special' : 'airing'}-${a.start.getTime()}@${input.host}`,
      start: a.start,
      end: a.end,
      stamp: now,
      summary: a.isSpecial ? `${program.title} · ${input.specialLabel}` : program.title,
      description: note || program.description,
      url: input.url,
    });
  }
  return calendar.toString();
}
