// Schedule text in the newsroom's words: weekdays, a slot in a line, what a slot overlaps, a zone
// with its offset.
import { isoInZone } from '../../../i18n/index.ts';
import { newsroomText as t, type NewsroomKey } from '../../../newsroom/index.ts';
import type { Weekday } from '../../schedule.ts';
import { endOf, type Overlap, type SlotShape } from '../week.ts';

/** ISO weekdays in order. */
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** "Mon" … "Sun". */
export function dayShort(day: Weekday): string {
  return t(`radio.day.${day}` as NewsroomKey);
}

/** "Monday" … "Sunday". */
export function dayLong(day: Weekday): string {
  return t(`radio.dayLong.${day}` as NewsroomKey);
}

/** "Mon, Wed 06:00–09:00" ("Every day", "Mon–Fri" for the usual runs). */
export function slotText(slot: SlotShape): string {
  const days = [...slot.days].sort();
  const run = days.length > 2 && days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  const dayText =
    days.length === 7
      ? t('radio.everyDay')
      : run
        ? `${dayShort(days[0]!)}–${dayShort(days.at(-1)!)}`
        : days.map(dayShort).join(', ');
  return `${dayText} ${slot.start}–${endOf(slot.start, slot.minutes)}`;
}

/** "Asia/Jakarta (UTC+07:00)": the zone with its offset at `now`. */
export function zoneLabel(timeZone: string, now: Date): string {
  const offset = isoInZone(now, timeZone).slice(19);
  return `${timeZone} (UTC${offset === 'Z' ? '+00:00' : offset})`;
}

/** What a slot overlaps, in a sentence. */
export function overlapText(overlaps: readonly Overlap[]): string {
  const parts = overlaps.map((o) =>
    'row' in o ? t('radio.overlapRow', { number: o.row }) : `${o.other.title} (${slotText(o.other)})`,
  );
  return t('radio.overlapWarning', { what: parts.join('; ') });
}

/** A form field's name as the list of problems says it ("Stream 2", "Slot 1, start"). */
export function fieldLabel(fieldId: string): string | undefined {
  const row = /^(stream|host|slot)-(\d+)(?:-(days|start|minutes))?$/.exec(fieldId);
  if (row) {
    const number = Number(row[2]) + 1;
    if (row[1] === 'stream') return t('radio.streamN', { number });
    if (row[1] === 'host') return t('radio.hostN', { number });
    const part = row[3] === 'days' ? t('radio.days') : row[3] === 'start' ? t('radio.start') : t('radio.minutes');
    return `${t('radio.slotN', { number })}, ${part.toLowerCase()}`;
  }
  const labels: Record<string, NewsroomKey> = {
    edition: 'manage.edition',
    name: 'radio.name',
    title: 'radio.programTitle',
    slug: 'radio.slug',
    description: 'radio.description',
    timeZone: 'radio.timeZone',
    featuredMediaId: 'radio.artworkNumber',
    statusSource: 'radio.statusSourceLabel',
    statusUrl: 'radio.statusUrl',
    position: 'manage.position',
    channelId: 'radio.channel',
    podcastCategory: 'radio.podcastCategory',
    podcastAuthor: 'radio.podcastAuthor',
    'kind-special': 'radio.changeKind',
    programId: 'radio.changeProgram',
    note: 'radio.changeNote',
    startsAt: 'radio.from',
    endsAt: 'radio.to',
  };
  return Object.hasOwn(labels, fieldId) ? t(labels[fieldId]!) : undefined;
}
