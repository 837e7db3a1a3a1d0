// Times in the newsroom's forms: `<input type="datetime-local">` holds a wall-clock time with no
// zone; the newsroom reads and writes it in the site's time zone (and says so beside the field).
import { isoInZone } from '../i18n/index.ts';

/** The value of a datetime-local field for `date` in `timeZone` ("2026-12-01T10:30"). */
export function toLocalInput(date: Date, timeZone: string): string {
  return isoInZone(date, timeZone).slice(0, 16);
}

/** The instant a datetime-local value means in `timeZone`, or undefined when it is not one. */
export function fromLocalInput(value: string, timeZone: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return undefined;
  const asUtc = Date.parse(`${value}:00Z`);
  if (Number.isNaN(asUtc)) return undefined;
  // The zone's offset at the guessed instant, then at the corrected one (a change of offset
  // between the two, at a daylight-saving switch, settles on the second).
  let instant = asUtc - offsetMs(new Date(asUtc), timeZone);
  instant = asUtc - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

function offsetMs(date: Date, timeZone: string): number {
  const iso = isoInZone(date, timeZone);
  const match = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (!match) return 0;
  const ms = (Number(match[2]) * 60 + Number(match[3])) * 60_000;
  return match[1] === '-' ? -ms : ms;
}
