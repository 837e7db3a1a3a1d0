// An airing's end as a clock shows it. An end at midnight reads "24:00", so a program to the end
// of the day reads "22:00–24:00" and one around the clock "00:00–24:00", never "00:00–00:00".
// Pure Intl: the pages and their scripts (client/live.ts, client/schedule-times.ts) share it.

const midnightProbes = new Map<string, Intl.DateTimeFormat>();
const dayEnds = new WeakMap<Intl.DateTimeFormat, Intl.DateTimeFormat>();

/**
 * `date` as `clock` (a 24-hour clock time, no weekday: "Wed 24:00" would name the wrong day)
 * writes it, with midnight as the day's end.
 */
export function formatEnd(date: Date, clock: Intl.DateTimeFormat): string {
  const options = clock.resolvedOptions();
  if (options.weekday || !isMidnight(date, options.timeZone)) return clock.format(date);
  let dayEnd = dayEnds.get(clock);
  if (!dayEnd) {
    // Same locale, zone and digits; hours 1–24, so midnight is written 24:00.
    const { locale, timeZone, numberingSystem } = options;
    dayEnd = new Intl.DateTimeFormat(locale, {
      timeZone,
      numberingSystem,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h24',
    });
    dayEnds.set(clock, dayEnd);
  }
  return dayEnd.format(date);
}

function isMidnight(date: Date, timeZone: string): boolean {
  let probe = midnightProbes.get(timeZone);
  if (!probe) {
    probe = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    midnightProbes.set(timeZone, probe);
  }
  return probe.format(date) === '00:00';
}
