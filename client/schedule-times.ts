// The radio schedule in the listener's own time zone: the server writes each airing's times in
// the station's zone as <time datetime="instant">; here each gets the listener's time in front
// (with the weekday when the listener's day differs), the station time stays beside it, and the
// "on air now" mark follows the clock. Nothing happens on pages without a schedule; it runs
// again after Turbo swaps a page's body in (the mini player keeps the document).
import { formatEnd } from '../src/broadcast/end-time.ts';

const ROOT = '.schedule[data-zone]';
let timer: ReturnType<typeof setInterval> | undefined;

function fmt(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(document.documentElement.lang || undefined, { timeZone: zone, ...options });
}

function localize(root: HTMLElement, zone: string): void {
  const station = root.dataset.zone!;
  const clock = fmt(zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const weekday = fmt(zone, { weekday: 'short' });
  const day = (at: Date, z: string) => at.toLocaleDateString('en-CA', { timeZone: z });
  for (const slot of root.querySelectorAll<HTMLElement>('.slot')) {
    const times = slot.querySelectorAll('.slot__station time');
    if (times.length < 2 || slot.querySelector('.slot__local')) continue;
    const start = new Date(times[0]!.getAttribute('datetime')!);
    const end = new Date(times[1]!.getAttribute('datetime')!);
    const local = document.createElement('span');
    local.className = 'slot__local';
    local.textContent =
      (day(start, zone) === day(start, station) ? '' : `${weekday.format(start)} `) +
      `${clock.format(start)}–${formatEnd(end, clock)}`;
    slot.querySelector('.slot__time')!.prepend(local);
  }
  const note = root.querySelector('.schedule__zone');
  if (note && root.dataset.localNote) note.textContent = root.dataset.localNote.replace('{zone}', zone);
}

function markOnAir(): boolean {
  const roots = document.querySelectorAll<HTMLElement>(ROOT);
  const now = Date.now();
  for (const root of roots)
    for (const slot of root.querySelectorAll<HTMLElement>('.slot[data-start]')) {
      const on =
        !slot.classList.contains('slot--cancelled') &&
        Date.parse(slot.dataset.start!) <= now &&
        now < Date.parse(slot.dataset.end!);
      slot.classList.toggle('slot--on-air', on);
      const badge = slot.querySelector('.slot__badge--on-air');
      if (on && !badge) {
        const mark = document.createElement('strong');
        mark.className = 'slot__badge slot__badge--on-air';
        mark.textContent = root.dataset.onAir ?? '';
        const title = slot.querySelector('.slot__title');
        if (title) title.after(mark);
        else slot.querySelector('.slot__what')?.prepend(mark);
      } else if (!on) badge?.remove();
    }
  return roots.length > 0;
}

function start(): void {
  const roots = document.querySelectorAll<HTMLElement>(ROOT);
  if (roots.length === 0) return;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const root of roots) if (zone && zone !== root.dataset.zone) localize(root, zone);
  markOnAir();
  timer ??= setInterval(() => {
    if (!markOnAir()) {
      clearInterval(timer);
      timer = undefined;
    }
  }, 20_000);
}

start();
document.addEventListener('turbo:load', start);
