// The report form: what kind of report, what happened, when, where and who, the optional contact
// details (anonymous is the default, and the form says so first), the evidence with its warning,
// the honeypot, and the proof-of-work challenge that the page's script solves (or that, without
// JavaScript, the server takes after a short wait). A refused form comes back with every problem
// beside its field and every text kept; files must be attached again, and it says so.
import type { Site } from '../../../core/views/site.ts';
import type { Challenge } from '../../challenge/index.ts';
import { REPORT_KINDS, TEXT_LIMITS, type FieldProblems } from '../../reports/index.ts';
import { reportPath, statusPath } from '../paths.ts';
import { ChannelLayout, describedBy, EvidenceField, FieldProblem, ProblemSummary } from './parts.tsx';

/** The honeypot's field name: nothing a browser fills in by itself. */
export const HONEYPOT_FIELD = 'extra_note';
/** The challenge's fields: the signed token, and the number the script found. */
export const TOKEN_FIELD = 'pow_token';
export const NUMBER_FIELD = 'pow_number';

export interface ReportFormProps {
  site: Site;
  challenge: Challenge;
  /** Seconds a form must be open before it is sent without JavaScript. */
  waitSeconds: number;
  /** The script that solves the challenge and checks files before sending. */
  script?: string;
  /** What was sent, kept on a refused form. */
  values?: Readonly<Record<string, string>>;
  problems?: FieldProblems;
  /** Problems of the whole form (spam check), at the top. */
  notices?: readonly string[];
  /** Files were sent and must be attached again. */
  isFilesAgain?: boolean;
}

/** The report form page. */
export function ReportFormPage(props: ReportFormProps): JSX.Element {
  const { site } = props;
  const { t, edition } = site;
  const values = props.values ?? {};
  const problems = props.problems ?? {};
  const title = t('integrity.channel.formTitle');
  const labels = {
    kind: t('integrity.channel.kindLegend'),
    what: t('integrity.channel.what'),
    when: t('integrity.channel.when'),
    where: t('integrity.channel.where'),
    who: t('integrity.channel.who'),
    name: t('integrity.channel.name'),
    email: t('integrity.channel.email'),
    phone: t('integrity.channel.phone'),
    files: t('integrity.channel.files'),
  };
  const kindProblem = (problems.kind ?? []).length > 0;
  return (
    <ChannelLayout site={site} title={title} path={reportPath(edition.code)} script={props.script}>
      <header class="report-channel__header">
        <h1 safe>{title}</h1>
        <p class="report-channel__intro" safe>
          {t('integrity.channel.formIntro')}
        </p>
      </header>
      <section class="report-anonymous" aria-labelledby="report-anonymous-title">
        <h2 id="report-anonymous-title" safe>
          {t('integrity.channel.anonymousTitle')}
        </h2>
        <p safe>{t('integrity.channel.anonymousText')}</p>
        <p>
          <a href={statusPath(edition.code)} safe>
            {t('integrity.channel.checkExisting')}
          </a>
        </p>
      </section>
      <ProblemSummary site={site} problems={problems} labels={labels} extra={props.notices} />
      <form
        class="report-form"
        method="post"
        action={reportPath(edition.code)}
        enctype="multipart/form-data"
        data-pow-salt={props.challenge.salt}
        data-pow-hash={props.challenge.hash}
        data-pow-max={String(props.challenge.max)}
      >
        <input type="hidden" name={TOKEN_FIELD} value={props.challenge.token} />
        <input type="hidden" name={NUMBER_FIELD} value="" />
        <div class="report-form__trap" aria-hidden="true">
          <label for="report-extra-note" safe>
            {t('integrity.channel.honeypot')}
          </label>
          <input id="report-extra-note" type="text" name={HONEYPOT_FIELD} value="" tabindex="-1" autocomplete="off" />
        </div>

        <fieldset class="report-form__kinds" {...describedBy(problems, 'kind')}>
          <legend id="report-kind">
            <span safe>{labels.kind}</span>{' '}
            <span class="report-form__optional" safe>
              {t('integrity.channel.required')}
            </span>
          </legend>
          <FieldProblem site={site} problems={problems} field="kind" />
          {REPORT_KINDS.map((kind) => (
            <div class="report-form__choice">
              <input
                type="radio"
                id={`report-kind-${kind}`}
                name="kind"
                value={kind}
                checked={values.kind === kind}
                required
                aria-invalid={kindProblem ? 'true' : undefined}
              />
              <label for={`report-kind-${kind}`} safe>
                {t(`integrity.report.kind.${kind}`)}
              </label>
            </div>
          ))}
        </fieldset>

        <TextArea
          site={site}
          field="what"
          label={labels.what}
          hint={t('integrity.channel.whatHint')}
          values={values}
          problems={problems}
          max={TEXT_LIMITS.what}
          rows={8}
          isRequired
        />
        <TextInput
          site={site}
          field="when"
          label={labels.when}
          hint={t('integrity.channel.whenHint')}
          values={values}
          problems={problems}
          max={TEXT_LIMITS.when}
        />
        <TextInput
          site={site}
          field="where"
          label={labels.where}
          hint={t('integrity.channel.whereHint')}
          values={values}
          problems={problems}
          max={TEXT_LIMITS.where}
        />
        <TextArea
          site={site}
          field="who"
          label={labels.who}
          hint={t('integrity.channel.whoHint')}
          values={values}
          problems={problems}
          max={TEXT_LIMITS.who}
          rows={3}
        />

        <fieldset class="report-form__identity" aria-describedby="report-identity-text">
          <legend safe>{t('integrity.channel.identityLegend')}</legend>
          <p class="report-form__hint" id="report-identity-text" safe>
            {t('integrity.channel.identityText')}
          </p>
          <TextInput
            site={site}
            field="name"
            label={labels.name}
            values={values}
            problems={problems}
            max={TEXT_LIMITS.name}
            autocomplete="off"
          />
          <TextInput
            site={site}
            field="email"
            label={labels.email}
            values={values}
            problems={problems}
            max={TEXT_LIMITS.email}
            type="email"
            autocomplete="off"
          />
          <TextInput
            site={site}
            field="phone"
            label={labels.phone}
            values={values}
            problems={problems}
            max={TEXT_LIMITS.phone}
            type="tel"
            autocomplete="off"
          />
        </fieldset>

        <EvidenceField site={site} problems={problems} isAgain={props.isFilesAgain === true} />

        <noscript>
          <p class="report-form__hint" safe>
            {t('integrity.channel.noScript', { seconds: props.waitSeconds })}
          </p>
        </noscript>
        <p
          class="report-form__pow"
          role="status"
          data-working={t('integrity.channel.powWorking')}
          data-done={t('integrity.channel.powDone')}
        ></p>
        <p>
          <button type="submit" class="button" safe>
            {t('integrity.channel.submit')}
          </button>
        </p>
      </form>
    </ChannelLayout>
  );
}

interface FieldProps {
  site: Site;
  field: string;
  label: string;
  hint?: string;
  values: Readonly<Record<string, string>>;
  problems: FieldProblems;
  max: number;
  isRequired?: boolean;
}

function FieldLabel(props: FieldProps): JSX.Element {
  const { t } = props.site;
  return (
    <>
      <label for={`report-${props.field}`}>
        <span safe>{props.label}</span>{' '}
        {props.isRequired ? (
          <span class="report-form__optional" safe>
            {t('integrity.channel.required')}
          </span>
        ) : (
          ''
        )}
      </label>
      {props.hint ? (
        <p class="report-form__hint" id={`report-${props.field}-hint`} safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      <FieldProblem site={props.site} problems={props.problems} field={props.field} />
    </>
  );
}

function TextInput(props: FieldProps & { type?: string; autocomplete?: string }): JSX.Element {
  return (
    <div class="report-form__field">
      <FieldLabel {...props} />
      <input
        id={`report-${props.field}`}
        type={props.type ?? 'text'}
        name={props.field}
        value={props.values[props.field] ?? ''}
        maxlength={String(props.max)}
        autocomplete={props.autocomplete}
        dir="auto"
        {...describedBy(props.problems, props.field, props.hint ? `report-${props.field}-hint` : undefined)}
      />
    </div>
  );
}

/** A text area; `isRequired` also marks it for the browser. */
export function TextArea(props: FieldProps & { rows: number }): JSX.Element {
  return (
    <div class="report-form__field">
      <FieldLabel {...props} />
      <textarea
        id={`report-${props.field}`}
        name={props.field}
        rows={String(props.rows)}
        maxlength={String(props.max)}
        required={props.isRequired === true}
        dir="auto"
        {...describedBy(props.problems, props.field, props.hint ? `report-${props.field}-hint` : undefined)}
        safe
      >
        {props.values[props.field] ?? ''}
      </textarea>
    </div>
  );
}
