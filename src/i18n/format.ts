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
  const numberTexts = new Map<number, string>();
  const datesByDay = new Map<number, string>();
  const todaysByDay = new Map<number, string>();
  const dayLinesByDay = new Map<number, string>();
  // Latin-script locales get the newsroom's own order ("Sunday, 16 June 2024 00:00"),
  // which Intl only approximates ("Sunday 16 June 2024 at 00:00"); other scripts keep Intl's order.
  const isLatinDayFirst = /^(en|id|ms)\b/.test(locale);
  const partsOf = (date: Date) => Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
  const dayLineOf = (date: Date) => {
    const p = partsOf(date);
    return `${p.weekday}, ${p.day} ${p.month} ${p.year}`;
  };
  return {
    dateTime(date) {
      if (!isLatinDayFirst) return parts.format(date);
      // The weekday and date are written once per calendar day; the time of day is arithmetic.
      const ms = date.getTime();
      const offset = offsetAt(ms, timeZone);
      if (offset === undefined) {
        const p = partsOf(date);
        return `${p.weekday}, ${p.day} ${p.month} ${p.year} ${p.hour}:${p.minute}`;
      }
      const line = oncePerDay(date, timeZone, dayLinesByDay, () => dayLineOf(date));
      const minute = Math.floor(modulo(ms + offset.ms, DAY_MS) / 60_000);
      return `${line} ${TWO_DIGITS[Math.floor(minute / 60)]}:${TWO_DIGITS[minute % 60]}`;
    },
    date: (date) => oncePerDay(date, timeZone, datesByDay, () => dateOnly.format(date)),
    today: (date) => oncePerDay(date, timeZone, todaysByDay, () => today.format(date)),
    number: (n) => {
      // Page numbers and counts repeat on every page: small whole numbers are formatted once.
      if (!Number.isInteger(n) || n < 0 || n >= MAX_CACHED_NUMBER) return numbers.format(n);
      let text = numberTexts.get(n);
      if (text === undefined) {
        text = numbers.format(n);
        numberTexts.set(n, text);
      }
      return text;
    },
  };
}

/** Whole numbers below this are formatted once per locale (a few hundred kilobytes at most). */
const MAX_CACHED_NUMBER = 10_000;

const DAY_MS = 86_400_000;
/** Calendar days of dates kept per locale and zone (decades of stories). */
const MAX_DAYS = 20_000;

/**
 * A text that depends only on the calendar day of the zone ("16 June 2024"): written once per
 * day, then reused (cards print many). An instant in an hour that changes offset is written anew.
 */
function oncePerDay(date: Date, timeZone: string, byDay: Map<number, string>, write: () => string): string {
  const offset = offsetAt(date.getTime(), timeZone);
  if (offset === undefined) return write();
  const day = Math.floor((date.getTime() + offset.ms) / DAY_MS);
  let text = byDay.get(day);
  if (text === undefined) {
    if (byDay.size >= MAX_DAYS) byDay.clear();
    text = write();
    byDay.set(day, text);
  }
  return text;
}

/**
 * The machine-readable time for <time datetime>, with the station's UTC offset. Pages print many
 * of these, so the zone's offset is looked up once per day of time (Intl's formatToParts is
 * slow) and the local time is plain arithmetic.
 */
export function isoInZone(date: Date, timeZone: string): string {
  const ms = date.getTime();
  const offset = offsetAt(ms, timeZone);
  if (offset === undefined) return isoFromParts(date, timeZone);
  const local = ms + offset.ms;
  const day = Math.floor(local / DAY_MS);
  const second = Math.floor(modulo(local, DAY_MS) / 1000);
  const time = `${TWO_DIGITS[Math.floor(second / 3600)]}:${TWO_DIGITS[Math.floor(second / 60) % 60]}:${TWO_DIGITS[second % 60]}`;
  return `${calendarDate(day)}T${time}${offset.text}`;
}

/** The remainder that is never negative (times before 1970 are negative). */
function modulo(n: number, m: number): number {
  return ((n % m) + m) % m;
}

/** "00" to "99". */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => pad(n));
/** Calendar dates by day number, as "2024-06-16". */
const calendarDates = new Map<number, string>();

function calendarDate(day: number): string {
  let text = calendarDates.get(day);
  if (text === undefined) {
    if (calendarDates.size >= MAX_DAYS) calendarDates.clear();
    const d = new Date(day * DAY_MS);
    text = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    calendarDates.set(day, text);
  }
  return text;
}

interface Offset {
  readonly ms: number;
  /** As printed: "+07:00". */
  readonly text: string;
}

const HOUR_MS = 3600_000;
/** Days (UTC) of offsets kept per zone (centuries of stories); past it the zone's table starts again. */
const MAX_DAYS_PER_ZONE = 100_000;
/** Hours of offsets kept per zone, for the days that change offset (two a year in most zones). */
const MAX_HOURS_PER_ZONE = 10_000;

/** Per zone: UTC day number → its offset, or null when the offset changes that day. */
const offsetsByDay = new Map<string, Map<number, Offset | null>>();
/** Per zone: hour number → its offset, or null when the offset changes within that hour. */
const offsetsByHour = new Map<string, Map<number, Offset | null>>();

/**
 * The zone's offset at an instant, when the span around it has one offset. A story archive spans
 * years, so offsets are kept per day (a few thousand entries), and per hour only on the days that
 * change offset; an hour with a change is formatted instant by instant.
 */
function offsetAt(ms: number, timeZone: string): Offset | undefined {
  const day = Math.floor(ms / DAY_MS);
  const byDay = tableOf(offsetsByDay, timeZone);
  let offset = byDay.get(day);
  if (offset === undefined) {
    if (byDay.size >= MAX_DAYS_PER_ZONE) byDay.clear();
    offset = constantOffset(day * DAY_MS, DAY_MS, timeZone);
    byDay.set(day, offset);
  }
  if (offset !== null) return offset;
  const hour = Math.floor(ms / HOUR_MS);
  const byHour = tableOf(offsetsByHour, timeZone);
  let hourOffset = byHour.get(hour);
  if (hourOffset === undefined) {
    if (byHour.size >= MAX_HOURS_PER_ZONE) byHour.clear();
    hourOffset = constantOffset(hour * HOUR_MS, HOUR_MS, timeZone);
    byHour.set(hour, hourOffset);
  }
  return hourOffset ?? undefined;
}

/**
 * The offset of a span, or null when it differs at its two ends. A zone changes offset months
 * apart (never twice in a day), so equal ends mean one offset throughout.
 */
function constantOffset(start: number, length: number, timeZone: string): Offset | null {
  const first = offsetFromParts(start, timeZone);
  const last = offsetFromParts(start + length - 1, timeZone);
  return first.text === last.text ? first : null;
}

function tableOf<K, V>(tables: Map<string, Map<K, V>>, timeZone: string): Map<K, V> {
  let table = tables.get(timeZone);
  if (!table) {
    table = new Map();
    tables.set(timeZone, table);
  }
  return table;
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
