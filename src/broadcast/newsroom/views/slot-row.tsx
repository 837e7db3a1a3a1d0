// One weekly slot of the program form: the days Mon–Sun as checkboxes, the start and the length,
// the end it comes to, what it overlaps, each field's problems, and its Remove button.
import { newsroomText as t } from '../../../newsroom/index.ts';
import type { FieldProblems } from '../form-fields.ts';
import { isClock, slotOfRow, type SlotValues } from '../program-form.ts';
import { endOf, type Overlap } from '../week.ts';
import { FieldProblem, describedBy, invalid } from './fields.tsx';
import { WEEKDAYS, dayLong, dayShort, overlapText } from './text.ts';

/** A weekly slot's row. */
export function SlotRow(props: {
  slot: SlotValues;
  index: number;
  /** The form's address: row buttons post to it with a fragment, to land where the row was. */
  action: string;
  problems?: FieldProblems;
  overlaps: readonly Overlap[];
}): JSX.Element {
  const { slot, index, problems } = props;
  const number = index + 1;
  const base = `slot-${index}`;
  const daysId = `${base}-days`;
  const overlapId = `${base}-overlap`;
  const valid = slotOfRow(slot);
  return (
    <li class="nr-radio-row nr-radio-slot" id={`slot-row-${index}`}>
      <fieldset
        class="nr-radio-slot-fields"
        aria-describedby={
          [props.overlaps.length ? overlapId : '', problems?.has(daysId) ? `${daysId}-problem` : '']
            .filter(Boolean)
            .join(' ') || undefined
        }
      >
        <legend safe>{t('radio.slotN', { number })}</legend>
        <fieldset class="nr-radio-days" id={daysId}>
          <legend>{t('radio.days')}</legend>
          {WEEKDAYS.map((day) => {
            const id = `${base}-day-${day}`;
            return (
              <span class="nr-radio-day-check">
                <input
                  id={id}
                  name={`${base}-day`}
                  type="checkbox"
                  value={String(day)}
                  checked={slot.days.includes(String(day))}
                />
                <label for={id}>
                  <abbr title={dayLong(day)} safe>
                    {dayShort(day)}
                  </abbr>
                </label>
              </span>
            );
          })}
          <FieldProblem fieldId={daysId} problems={problems} />
        </fieldset>
        <div class="nr-radio-slot-times">
          <div class="nr-field">
            <label for={`${base}-start`}>{t('radio.start')}</label>
            <input
              id={`${base}-start`}
              name={`${base}-start`}
              // A value a time field cannot hold is shown as typed, in a text field.
              type={slot.start === '' || isClock(slot.start) ? 'time' : 'text'}
              value={slot.start}
              aria-invalid={invalid(`${base}-start`, problems)}
              aria-describedby={describedBy(`${base}-start`, problems)}
            />
            <FieldProblem fieldId={`${base}-start`} problems={problems} />
          </div>
          <div class="nr-field">
            <label for={`${base}-minutes`}>{t('radio.minutes')}</label>
            <input
              id={`${base}-minutes`}
              name={`${base}-minutes`}
              type="number"
              inputmode="numeric"
              min="1"
              max="1440"
              value={slot.minutes}
              aria-invalid={invalid(`${base}-minutes`, problems)}
              aria-describedby={describedBy(`${base}-minutes`, problems, valid ? `${base}-end` : undefined)}
            />
            {valid ? (
              <p class="nr-hint" id={`${base}-end`} safe>
                {t('radio.endsAt', { time: endOf(valid.start, valid.minutes) })}
              </p>
            ) : (
              ''
            )}
            <FieldProblem fieldId={`${base}-minutes`} problems={problems} />
          </div>
        </div>
        {props.overlaps.length > 0 && (
          <p class="nr-radio-warning" id={overlapId} safe>
            {overlapText(props.overlaps)}
          </p>
        )}
        <div class="nr-actions">
          <button
            type="submit"
            name="action"
            value={`remove-slot-${index}`}
            formaction={`${props.action}#slots`}
            class="nr-button nr-button-danger"
            formnovalidate
          >
            {t('radio.remove')}
            <span class="visually-hidden" safe>{`: ${t('radio.slotN', { number })}`}</span>
          </button>
        </div>
      </fieldset>
    </li>
  );
}
