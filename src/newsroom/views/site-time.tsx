// Times on the newsroom's pages, in the site's time zone: as text, as a listed <time> (the
// newsroom's script titles it with the reader's own zone) and as a datetime-local form field
// (the script shows the reader's own time beside it).
import { newsroomText as t } from '../messages.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

/** A date and time as the newsroom lists it, in `timeZone`: "1 Dec 2026, 10:30". */
export function siteDateTime(date: Date, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
    formats.set(timeZone, format);
  }
  return format.format(date);
}

/** A listed time: `text` (by default the date and time) says it in the site's zone; its title gives the reader's own. */
export function SiteTime(props: { date: Date; timeZone: string; text?: string }): JSX.Element {
  return (
    <time
      datetime={props.date.toISOString()}
      data-site-zone={props.timeZone}
      data-local-title={t('localTime.title')}
      safe
    >
      {props.text ?? siteDateTime(props.date, props.timeZone)}
    </time>
  );
}

/** A labelled datetime-local field in the site's zone, described by `hintId` (its hint shown when given). */
export function SiteTimeField(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  timeZone: string;
  hintId: string;
  hint?: string;
  required?: boolean;
  min?: string;
  max?: string;
}): JSX.Element {
  return (
    <div class="nr-field">
      <label for={props.id} safe>
        {props.label}
      </label>
      <input
        id={props.id}
        name={props.name}
        type="datetime-local"
        required={props.required}
        min={props.min}
        max={props.max}
        value={props.value}
        aria-describedby={props.hintId}
        data-site-zone={props.timeZone}
        data-local-label={t('localTime.line')}
      />
      {props.hint === undefined ? (
        ''
      ) : (
        <p class="nr-hint" id={props.hintId} safe>
          {props.hint}
        </p>
      )}
    </div>
  );
}
