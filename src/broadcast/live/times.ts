// Times of airings as the live pages print them: the clock ("06:00"), with the weekday for a later
// day ("Tue 06:00"), and a zone's name ("Western Indonesia Time"), in the edition's language.
// The live page's script formats with the same Intl options, so its updates read the same.

import { formatEnd } from '../end-time.ts';

/** Formatters for one locale and zone. */
export interface AiringClock {
  /** "06:00". */
  time(date: Date): string;
  /** An airing's end: "06:00", or "24:00" at midnight. */
  endTime(date: Date): string;
  /** "Tue 06:00". */
  dayTime(date: Date): string;
  /** The zone's name in the locale, e.g. "Western Indonesia Time". */
  zoneName(at: Date): string;
}

/** The Intl options of `time` and `dayTime` (client/live.ts uses the same). */
export const TIME_OPTIONS = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

const clocks = new Map<string, AiringClock>();

/** Formatters for a locale and zone, made once. */
export function airingClock(locale: string, timeZone: string): AiringClock {
  const key = `${locale}|${timeZone}`;
  let clock = clocks.get(key);
  if (!clock) {
    const time = new Intl.DateTimeFormat(locale, { timeZone, ...TIME_OPTIONS });
    const dayTime = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', ...TIME_OPTIONS });
    const zone = zoneFormat(locale, timeZone);
    clock = {
      time: (date) => time.format(date),
      endTime: (date) => formatEnd(date, time),
      dayTime: (date) => dayTime.format(date),
      zoneName: (at) => zone.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? timeZone,
    };
    clocks.set(key, clock);
  }
  return clock;
}

/** "Western Indonesia Time" (the generic name, the same all year), else the specific one. */
function zoneFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' });
  } catch {
    return new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' });
  }
}
