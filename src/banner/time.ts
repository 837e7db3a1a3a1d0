// Times as editors read them on the banner page: the site zone's label with its UTC offset, and
// the whole minute a banner expires on. (Form values in the site zone: newsroom/time.ts.)
import { isoInZone } from '../i18n/index.ts';

/** "Asia/Jakarta (UTC+07:00)": the zone's name with its offset at `now`. */
export function zoneLabel(timeZone: string, now: Date): string {
  const offset = isoInZone(now, timeZone).slice(19);
  return `${timeZone} (UTC${offset === 'Z' ? '+00:00' : offset})`;
}

/** The next whole minute at or after `date`: banners expire on a minute. */
export function ceilToMinute(date: Date): Date {
  return new Date(Math.ceil(date.getTime() / 60_000) * 60_000);
}
