// Scheduled times in the editor's own time zone. The newsroom's time fields and lists are in the
// site's zone (and say so); when this browser's zone is another, each time field gets a line
// beside it ("= 15:05 Tue 1 Dec in your time zone (Asia/Tokyo)") and each listed time a title
// with the same. The server's text stays as it is; words come from the page (data-* attributes).
//
// Fields: <input type="datetime-local" data-site-zone="Asia/Jakarta" data-local-label="= {time} …">
// Lists:  <time datetime="2026-12-01T03:30:00.000Z" data-site-zone="…" data-local-title="{time} …">

/** How long the value must stay unchanged before the line follows it. */
const SETTLE_MS = 500;
const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone and kind: making one costs far more than using it. */
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

function partsOf(format: Intl.DateTimeFormat, date: Date): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(date)) parts[part.type] = part.value;
  return parts;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `ms` (negative west of Greenwich). */
function offsetMs(ms: number, timeZone: string): number {
  const format = formatter(
    `offset:${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
  );
  const p = partsOf(format, new Date(ms));
  const wall = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant a datetime-local value ("2026-12-01T10:30") means in `timeZone`, read as the server
 * reads it (src/newsroom/time.ts): the zone's offset at the guessed instant, then at the corrected
 * one, so a time next to a daylight-saving switch settles on the same minute the server stores.
 */
export function instantOfWallTime(value: string, timeZone: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return undefined;
  const asUtc = Date.parse(`${value}:00Z`);
  if (Number.isNaN(asUtc)) return undefined;
  try {
    let instant = asUtc - offsetMs(asUtc, timeZone);
    instant = asUtc - offsetMs(instant, timeZone);
    return new Date(instant);
  } catch {
    return undefined; // a zone this browser does not know
  }
}

/** "15:05 Tue 1 Dec": an instant as the wall clock of `timeZone` shows it. */
export function shortTime(date: Date, timeZone: string, locale = 'en'): string {
  const format = formatter(
    `short:${locale}:${timeZone}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone,
        hourCycle: 'h23',
        hour: '2-digit',
        minute: '2-digit',
        weekday: 'short',
        day: 'numeric',
        month: 'short',
      }),
  );
  const p = partsOf(format, date);
  return `${p.hour}:${p.minute} ${p.weekday} ${p.day} ${p.month}`;
}

/** A zone's canonical name as this browser knows it, or undefined for a name it does not know. */
function canonicalZone(timeZone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

/** This browser's zone when it is not `siteZone` (as the browser names both), else undefined. */
function otherZone(siteZone: string | undefined, own: string): string | undefined {
  if (!siteZone) return undefined;
  const site = canonicalZone(siteZone);
  return site && site !== own ? own : undefined;
}

/**
 * The line beside a time field: filled from the field's value, empty without one. Always rendered,
 * a line high (newsroom.css): a live region that appears with its first text may not be read out,
 * and text arriving as the field loses focus (a press on the button below) must not move the button.
 */
function addLine(input: HTMLInputElement, siteZone: string, own: string, locale: string): void {
  const line = document.createElement('p');
  line.className = 'nr-hint nr-local-time';
  line.id = `${input.id || input.name}-local-time`;
  // Read out when it changes, without interrupting.
  line.setAttribute('aria-live', 'polite');
  input.after(line);
  const described = input.getAttribute('aria-describedby');
  input.setAttribute('aria-describedby', described ? `${described} ${line.id}` : line.id);
  const template = input.dataset.localLabel ?? '';
  const update = () => {
    const instant = instantOfWallTime(input.value, siteZone);
    const text = instant ? fill(template, { time: shortTime(instant, own, locale), zone: own }) : '';
    if (line.textContent !== text) line.textContent = text;
  };
  update();
  // Typing a time segment by segment changes the value at each one: the line follows once the
  // typing pauses (or the field is left), so a screen reader hears one time, not each step.
  let pending: number | undefined;
  input.addEventListener('change', () => {
    window.clearTimeout(pending);
    pending = window.setTimeout(update, SETTLE_MS);
  });
  input.addEventListener('blur', () => {
    window.clearTimeout(pending);
    update();
  });
}

/** Adds the local-time lines and titles under `root`, once the browser's zone is not the site's. */
export function enhanceLocalTimes(root: ParentNode = document): void {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!own) return;
  const locale = document.documentElement.lang || 'en';
  for (const input of root.querySelectorAll<HTMLInputElement>('input[type="datetime-local"][data-site-zone]')) {
    const siteZone = input.dataset.siteZone!;
    if (otherZone(siteZone, own) && !input.dataset.localTimeReady) {
      input.dataset.localTimeReady = '1';
      addLine(input, siteZone, own, locale);
    }
  }
  for (const time of root.querySelectorAll<HTMLTimeElement>('time[datetime][data-site-zone][data-local-title]')) {
    const instant = new Date(time.dateTime);
    if (!otherZone(time.dataset.siteZone, own) || Number.isNaN(instant.getTime())) continue;
    time.title = fill(time.dataset.localTitle!, { time: shortTime(instant, own, locale), zone: own });
  }
}

// Started by the newsroom's script (index.ts); not when the module is loaded without a page (tests).
if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => enhanceLocalTimes());
  else enhanceLocalTimes();
}
