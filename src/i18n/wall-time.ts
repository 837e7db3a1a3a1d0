// Wall-clock times of a time zone as instants: what a form's "10:30" or a weekly programme's
// "Monday 23:00" means in the station's zone, daylight-saving switches included.
import { isoInZone } from './format.ts';

/**
 * The instant a wall-clock time ("2026-12-01T10:30") means in `timeZone`, or undefined when the
 * text is not one. A time that a switch to summer time skips comes out an hour earlier (02:30 in
 * New York on that night is 01:30 standard time); one that a switch back repeats, as the first
 * (summer time). The newsroom's script reads them the same way (client/newsroom/local-time.ts).
 */
export function instantOfWallTime(value: string, timeZone: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return undefined;
  const asUtc = Date.parse(`${value}:00Z`);
  if (Number.isNaN(asUtc)) return undefined;
  return instantOfWall(asUtc, timeZone);
}

/**
 * The instant of a wall-clock time given as the milliseconds it would be if the zone were UTC
 * (`Date.UTC(y, m - 1, d, h, min)`; days and minutes past the end roll over, as Date.UTC does).
 */
export function instantOfWall(wallMs: number, timeZone: string): Date {
  // The zone's offset at the guessed instant, then at the corrected one (a change of offset
  // between the two, at a daylight-saving switch, settles on the second).
  let instant = wallMs - offsetMs(new Date(wallMs), timeZone);
  instant = wallMs - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** The zone's offset from UTC at an instant, in milliseconds. */
export function offsetMs(date: Date, timeZone: string): number {
  const iso = isoInZone(date, timeZone);
  const match = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (!match) return 0;
  const ms = (Number(match[2]) * 60 + Number(match[3])) * 60_000;
  return match[1] === '-' ? -ms : ms;
}
