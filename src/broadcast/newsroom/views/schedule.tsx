// A channel's one-off changes: those running and to come (each with its remove button), the
// form that adds a special broadcast or a cancellation (times in the site's zone), and the
// channel's next airings with the changes applied, so the effect shows before anyone listens.
import {
  CsrfField,
  NewsroomLayout,
  Notice,
  fromLocalInput,
  newsroomText as t,
  type NewsroomPage,
} from '../../../newsroom/index.ts';
import { NOTE_MAX, type ChangeValues } from '../change-form.ts';
import type { FieldProblems } from '../form-fields.ts';
import type { NewsroomChange, NewsroomChannel } from '../queries.ts';
import { whenIn, type ScheduleDay } from '../week.ts';
import { FieldProblem, ProblemSummary, TextField, describedBy, invalid } from './fields.tsx';
import { WeekList, channelPath } from './overview.tsx';

function ChangeLine(props: { change: NewsroomChange; timeZone: string; now: Date }): JSX.Element {
  const { change, timeZone } = props;
  const what =
    change.kind === 'cancelled'
      ? change.programTitle
        ? t('radio.cancelledProgram', { title: change.programTitle })
        : t('radio.cancelledAll')
      : t('radio.specialOf', { title: change.programTitle ?? change.note });
  const isRunning = change.startsAt.getTime() <= props.now.getTime();
  return (
    <span class="nr-radio-change-text">
      <span class="nr-radio-change-kind" safe>
        {what}
      </span>{' '}
      <span class="nr-meta">
        <time datetime={change.startsAt.toISOString()} safe>
          {whenIn(change.startsAt, timeZone)}
        </time>
        –
        <time datetime={change.endsAt.toISOString()} safe>
          {whenIn(change.endsAt, timeZone)}
        </time>
        {isRunning ? ` (${t('radio.running')})` : ''}
      </span>
      {change.note && change.programTitle ? (
        <span class="nr-meta" safe>
          {` · ${change.note}`}
        </span>
      ) : (
        ''
      )}
    </span>
  );
}

/** A channel's schedule changes page. */
export function SchedulePage(props: {
  page: NewsroomPage;
  channel: NewsroomChannel;
  programs: readonly { id: number; title: string }[];
  changes: readonly NewsroomChange[];
  /** The channel's days ahead with the changes applied (channel zone). */
  week: readonly ScheduleDay[];
  siteZone: string;
  zoneLabel: string;
  now: Date;
  values: ChangeValues;
  problems?: FieldProblems;
  notice?: string;
}): JSX.Element {
  const { channel, values, problems } = props;
  const title = t('radio.scheduleTitle', { channel: channel.name });
  return (
    <NewsroomLayout {...props.page} title={title}>
      <p>
        <a href="/newsroom/radio">{t('radio.back')}</a> ·{' '}
        <a href={channelPath(channel.id)} safe>
          {t('radio.editChannel', { name: channel.name })}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <Notice text={props.notice} />
      <section class="nr-panel" aria-labelledby="changes-heading">
        <h2 id="changes-heading">{t('radio.changesAhead')}</h2>
        <p class="nr-hint" safe>
          {t('radio.siteZoneTimes', { zone: props.zoneLabel })}
        </p>
        {props.changes.length === 0 ? (
          <p>{t('radio.noChanges')}</p>
        ) : (
          <ul class="nr-list">
            {props.changes.map((change) => (
              <li class="nr-radio-change">
                <ChangeLine change={change} timeZone={props.siteZone} now={props.now} />
                <form method="post" action={`/newsroom/radio/changes/${change.id}/delete`} class="nr-inline-form">
                  <CsrfField token={props.page.staff!.csrfToken} />
                  <button type="submit" class="nr-button nr-button-danger">
                    {t('radio.removeChange')}
                    <span class="visually-hidden" safe>{`: ${whenIn(change.startsAt, props.siteZone)}`}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="nr-panel" aria-labelledby="add-heading">
        <h2 id="add-heading">{t('radio.addChange')}</h2>
        <ProblemSummary problems={problems} />
        <form method="post" action={`/newsroom/radio/channels/${channel.id}/schedule`} class="nr-form nr-radio-form">
          <CsrfField token={props.page.staff!.csrfToken} />
          <fieldset class="nr-fieldset" aria-describedby={describedBy('kind-special', problems)}>
            <legend>{t('radio.changeKind')}</legend>
            <div class="nr-field-check">
              <input id="kind-special" name="kind" type="radio" value="special" checked={values.kind !== 'cancelled'} />
              <label for="kind-special">{t('radio.kindSpecial')}</label>
            </div>
            <div class="nr-field-check">
              <input
                id="kind-cancelled"
                name="kind"
                type="radio"
                value="cancelled"
                checked={values.kind === 'cancelled'}
              />
              <label for="kind-cancelled">{t('radio.kindCancelled')}</label>
            </div>
            <FieldProblem fieldId="kind-special" problems={problems} />
          </fieldset>
          <div class="nr-field">
            <label for="programId">{t('radio.changeProgram')}</label>
            <select
              id="programId"
              name="programId"
              aria-invalid={invalid('programId', problems)}
              aria-describedby={describedBy('programId', problems, 'programId-hint')}
            >
              <option value="">{t('radio.changeNoProgram')}</option>
              {props.programs.map((p) => (
                <option value={String(p.id)} selected={String(p.id) === values.programId} safe>
                  {p.title}
                </option>
              ))}
            </select>
            <p class="nr-hint" id="programId-hint">
              {t('radio.changeProgramHint')}
            </p>
            <FieldProblem fieldId="programId" problems={problems} />
          </div>
          <TextField
            name="note"
            label={t('radio.changeNote')}
            value={values.note}
            problems={problems}
            maxlength={NOTE_MAX}
            hint={t('radio.changeNoteHint')}
            dir="auto"
          />
          {(['startsAt', 'endsAt'] as const).map((name) => (
            <div class="nr-field">
              <label for={name}>{name === 'startsAt' ? t('radio.from') : t('radio.to')}</label>
              <input
                id={name}
                name={name}
                // A value a date-and-time field cannot hold is shown as typed, in a text field.
                type={values[name] === '' || fromLocalInput(values[name], props.siteZone) ? 'datetime-local' : 'text'}
                value={values[name]}
                aria-invalid={invalid(name, problems)}
                aria-describedby={describedBy(name, problems, `${name}-hint`)}
                data-site-zone={props.siteZone}
                data-local-label={t('localTime.line')}
              />
              <p class="nr-hint" id={`${name}-hint`} safe>
                {t('radio.inSiteZone', { zone: props.zoneLabel })}
              </p>
              <FieldProblem fieldId={name} problems={problems} />
            </div>
          ))}
          <div class="nr-actions">
            <button type="submit" class="nr-button nr-button-primary">
              {t('radio.addChangeButton')}
            </button>
          </div>
        </form>
      </section>
      <section class="nr-panel" aria-labelledby="effect-heading">
        <h2 id="effect-heading">{t('radio.effect')}</h2>
        <p class="nr-hint" safe>
          {t('radio.weekZone', { zone: channel.timeZone })}
        </p>
        <WeekList week={props.week} timeZone={channel.timeZone} label={t('radio.effect')} />
      </section>
    </NewsroomLayout>
  );
}
