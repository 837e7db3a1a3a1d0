// A VTIMEZONE block for an IANA zone, as RFC 5545 asks of every TZID a calendar uses: the zone's
// offset changes over a span of years, found from the platform's own zone data (Intl), each
// written as an observance with its exact start. No zone library is needed, and a zone without
// daylight saving (Asia/Jakarta) is one STANDARD observance.
import { offsetMs } from '../../i18n/index.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "+0700" / "-0430". */
function offsetText(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const minutes = Math.abs(ms) / 60_000;
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
}

/** "20260308T020000": a wall-clock time as iCalendar writes a local DTSTART. */
function wallText(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

/** The instants in [from, to) at which the zone's offset changes (to the minute). */
export function offsetChanges(timeZone: string, from: Date, to: Date): { at: number; before: number; after: number }[] {
  const changes: { at: number; before: number; after: number }[] = [];
  let t = from.getTime();
  let offset = offsetMs(new Date(t), timeZone);
  // Zones change offset months apart: a day's step finds each change, a search pins its minute.
  for (let next = t + DAY; t < to.getTime(); t = next, next += DAY) {
    const nextOffset = offsetMs(new Date(next), timeZone);
    if (nextOffset === offset) continue;
    let lo = t;
    let hi = next;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000;
      if (offsetMs(new Date(mid), timeZone) === offset) lo = mid;
      else hi = mid;
    }
    changes.push({ at: hi, before: offset, after: nextOffset });
    offset = nextOffset;
  }
  return changes;
}

/**
 * The VTIMEZONE of `timeZone` for the years around `around` (two before, five after): calendar
 * apps read the observances in force for the events they show.
 */
export function vtimezone(timeZone: string, around: Date): string {
  const from = new Date(Date.UTC(around.getUTCFullYear() - 2, 0, 1));
  const to = new Date(Date.UTC(around.getUTCFullYear() + 6, 0, 1));
  const first = offsetMs(from, timeZone);
  const changes = offsetChanges(timeZone, from, to);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const observance = (kind: string, startWall: number, before: number, after: number) =>
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${wallText(startWall)}`,
      `TZOFFSETFROM:${offsetText(before)}`,
      `TZOFFSETTO:${offsetText(after)}`,
      `END:${kind}`,
    );
  // The offset in force when the span begins; each change is written at its wall-clock time in
  // the offset it ends (as RFC 5545 says DTSTART of an observance is read).
  const largest = Math.max(first, ...changes.map((c) => c.after));
  const smallest = Math.min(first, ...changes.map((c) => c.after));
  const kindOf = (offset: number) => (largest !== smallest && offset === largest ? 'DAYLIGHT' : 'STANDARD');
  observance(kindOf(first), from.getTime() + first, first, first);
  for (const c of changes) observance(kindOf(c.after), c.at + c.before, c.before, c.after);
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
