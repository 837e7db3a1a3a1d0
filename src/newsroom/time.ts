// Times in the newsroom's forms: `<input type="datetime-local">` holds a wall-clock time with no
// zone; the newsroom reads and writes it in the site's time zone (and says so beside the field).
import { instantOfWallTime, isoInZone } from '../i18n/index.ts';

/** The value of a datetime-local field for `date` in `timeZone` ("2026-12-01T10:30"). */
export function toLocalInput(date: Date, timeZone: string): string {
  return isoInZone(date, timeZone).slice(0, 16);
}

/** The instant a datetime-local value means in `timeZone`, or undefined when it is not one. */
export function fromLocalInput(value: string, timeZone: string): Date | undefined {
  return instantOfWallTime(value, timeZone);
}
