// Dates and numbers in an edition's locale and the station's time zone.

/** Formatters for one locale and time zone, made once per edition and reused. */
export interface Formats {
  /** "Sunday, 16 June 2024 00:00": the article's publication line. */
  dateTime(date: Date): string;
  /** "16 June 2024": lists and cards. */
  date(date: Date): string;
  /** The weekday and date, for the top bar. */
  today(date: Date): string;
  number(n: number): string;
}

const cache = new Map<string, Formats>();

/** Returns (cached) formatters for a locale in a time zone. */
export function formatsFor(locale: string, timeZone: string): Formats {
  const key = `${locale}|${timeZone}`;
  let formats = cache.get(key);
  if (!formats) {
    formats = makeFormats(locale, timeZone);
    cache.set(key, formats);
  }
  return formats;
}

function makeFormats(locale: string, timeZone: string): Formats {
  const parts = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const dateOnly = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' });
  const today = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const numbers = new Intl.NumberFormat(locale);
  // Latin-script locales get the newsroom's own order ("Sunday, 16 June 2024 00:00"),
  // which Intl only approximates ("Sunday 16 June 2024 at 00:00"); other scripts keep Intl's order.
  const isLatinDayFirst = /^(en|id|ms)\b/.test(locale);
  return {
    dateTime(date) {
      if (!isLatinDayFirst) return parts.format(date);
      const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
      return `${p.weekday}, ${p.day} ${p.month} ${p.year} ${p.hour}:${p.minute}`;
    },
    date: (date) => dateOnly.format(date),
    today: (date) => today.format(date),
    number: (n) => numbers.format(n),
  };
}

/** The machine-readable time for <time datetime>, with the station's UTC offset. */
export function isoInZone(date: Date, timeZone: string): string {
  const p = Object.fromEntries(
    isoPartsFormat(timeZone)
      .formatToParts(date)
      .map((x) => [x.type, x.value]),
  );
  const offset = (p.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}

// Making an Intl.DateTimeFormat costs far more than using one, and pages print many times.
const isoFormats = new Map<string, Intl.DateTimeFormat>();

function isoPartsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = isoFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    isoFormats.set(timeZone, format);
  }
  return format;
}
