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
  const datesByDay = new Map<number, string>();
  // Latin-script locales get the newsroom's own order ("Sunday, 16 June 2024 00:00"),
  // which Intl only approximates ("Sunday 16 June 2024 at 00:00"); other scripts keep Intl's order.
  const isLatinDayFirst = /^(en|id|ms)\b/.test(locale);
  return {
    dateTime(date) {
      if (!isLatinDayFirst) return parts.format(date);
      const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
      return `${p.weekday}, ${p.day} ${p.month} ${p.year} ${p.hour}:${p.minute}`;
    },
    date: (date) => dateOfDay(date, timeZone, dateOnly, datesByDay),
    today: (date) => today.format(date),
    number: (n) => numbers.format(n),
  };
}

const DAY_MS = 86_400_000;
/** Calendar days of dates kept per locale and zone (decades of stories). */
const MAX_DAYS = 20_000;

/** A date as "16 June 2024": written once per calendar day of the zone, then reused (cards print many). */
function dateOfDay(date: Date, timeZone: string, format: Intl.DateTimeFormat, byDay: Map<number, string>): string {
  const offset = offsetAt(date.getTime(), timeZone);
  if (offset === undefined) return format.format(date);
  const day = Math.floor((date.getTime() + offset.ms) / DAY_MS);
  let text = byDay.get(day);
  if (text === undefined) {
    if (byDay.size >= MAX_DAYS) byDay.clear();
    text = format.format(date);
    byDay.set(day, text);
  }
  return text;
}

/**
 * The machine-readable time for <time datetime>, with the station's UTC offset. Pages print many
 * of these, so the zone's offset is looked up once per hour of time (Intl's formatToParts is
 * slow) and the local time is plain arithmetic.
 */
export function isoInZone(date: Date, timeZone: string): string {
  const ms = date.getTime();
  const offset = offsetAt(ms, timeZone);
  if (offset === undefined) return isoFromParts(date, timeZone);
  const local = new Date(ms + offset.ms);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${offset.text}`
  );
}

interface Offset {
  readonly ms: number;
  /** As printed: "+07:00". */
  readonly text: string;
}

const HOUR_MS = 3600_000;
/** Hours of offsets kept per zone (years of stories); past it the zone's table starts again. */
const MAX_HOURS_PER_ZONE = 100_000;
// Per zone, hour number → its offset, or null when the offset changes within that hour.
const offsetsByZone = new Map<string, Map<number, Offset | null>>();

/** The zone's offset at an instant, when the whole hour around it has one offset. */
function offsetAt(ms: number, timeZone: string): Offset | undefined {
  let hours = offsetsByZone.get(timeZone);
  if (!hours) {
    hours = new Map();
    offsetsByZone.set(timeZone, hours);
  }
  const hour = Math.floor(ms / HOUR_MS);
  let offset = hours.get(hour);
  if (offset === undefined) {
    if (hours.size >= MAX_HOURS_PER_ZONE) hours.clear();
    const start = offsetFromParts(hour * HOUR_MS, timeZone);
    const end = offsetFromParts((hour + 1) * HOUR_MS - 1, timeZone);
    // An hour with a change of offset (summer time) is formatted instant by instant.
    offset = start.text === end.text ? start : null;
    hours.set(hour, offset);
  }
  return offset ?? undefined;
}

function offsetFromParts(ms: number, timeZone: string): Offset {
  const name = isoPartsFormat(timeZone)
    .formatToParts(new Date(ms))
    .find((x) => x.type === 'timeZoneName')?.value;
  const text = (name ?? 'GMT').replace('GMT', '') || '+00:00';
  const [, sign, h, m, sec] = /^([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text) ?? [];
  const size = (Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(sec ?? 0)) * 1000;
  return { ms: sign === '-' ? -size : size, text };
}

function isoFromParts(date: Date, timeZone: string): string {
  const p = Object.fromEntries(
    isoPartsFormat(timeZone)
      .formatToParts(date)
      .map((x) => [x.type, x.value]),
  );
  const offset = (p.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
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
