// The forms at the foot of a report: a reply to the reporter, an internal note, a status change
// (only the steps STATUS_STEPS allows from where the report stands, with its reason) and the
// assignment. A refused form comes back with its problems beside its fields and its text kept.
import { CsrfField, newsroomText as t } from '../../../newsroom/index.ts';
import { STATUS_STEPS, TEXT_LIMITS, type OfficerView } from '../../reports/index.ts';
import type { Assignee } from '../officers.ts';
import { reportPath } from '../paths.ts';
import { statusLabel } from './labels.ts';

/** Which form was sent. */
export type FormName = 'reply' | 'note' | 'move' | 'assign';

/** A refused form: what was typed, and its problems by field ('text', 'status', 'reason', 'assignee'). */
export interface FormState {
  readonly name: FormName;
  readonly values: Readonly<Record<string, string>>;
  readonly problems: Readonly<Record<string, readonly string[]>>;
}

/** Where a form posts; the fragment brings a refused form back into view. */
export function formAction(publicId: string, name: FormName): string {
  return `${reportPath(publicId)}/${name}#${name}-form`;
}

interface FieldProps {
  readonly form: FormName;
  readonly field: string;
  readonly state: FormState | undefined;
}

const fieldId = (form: FormName, field: string) => `${form}-${field}`;

function problemsOf(props: FieldProps): readonly string[] {
  return props.state?.name === props.form ? (props.state.problems[props.field] ?? []) : [];
}

function valueOf(props: FieldProps): string {
  return props.state?.name === props.form ? (props.state.values[props.field] ?? '') : '';
}

/** aria-describedby and aria-invalid of a field: its hint, and its problem when it has one. */
function describe(props: FieldProps, hintId?: string): { 'aria-describedby'?: string; 'aria-invalid'?: 'true' } {
  const hasProblem = problemsOf(props).length > 0;
  const ids = [...(hintId ? [hintId] : []), ...(hasProblem ? [`${fieldId(props.form, props.field)}-problem`] : [])];
  return {
    ...(ids.length > 0 ? { 'aria-describedby': ids.join(' ') } : {}),
    ...(hasProblem ? { 'aria-invalid': 'true' as const } : {}),
  };
}

function FieldProblem(props: FieldProps): JSX.Element {
  const problems = problemsOf(props);
  if (problems.length === 0) return <></>;
  return (
    <p class="nr-field-problem" id={`${fieldId(props.form, props.field)}-problem`} safe>
      {problems.join(' ')}
    </p>
  );
}

/** The refused form's problems above it, announced; each links to its field. */
function Summary(props: { form: FormName; state: FormState | undefined }): JSX.Element {
  if (props.state?.name !== props.form) return <></>;
  const list = Object.entries(props.state.problems).flatMap(([field, texts]) => texts.map((text) => ({ field, text })));
  if (list.length === 0) return <></>;
  return (
    <div class="nr-problems" role="alert">
      <p>{t('form.problems')}</p>
      <ul>
        {list.map((p) => (
          <li>
            <a href={`#${fieldId(props.form, p.field)}`} safe>
              {p.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function TextField(
  props: FieldProps & { label: string; hint: string; max: number; isRequired?: boolean },
): JSX.Element {
  const id = fieldId(props.form, props.field);
  return (
    <div class="nr-field">
      <label for={id}>
        <span safe>{props.label}</span>
        {props.isRequired ? (
          <>
            {' '}
            <span class="nr-meta">({t('form.required')})</span>
          </>
        ) : (
          ''
        )}
      </label>
      <textarea
        id={id}
        name={props.field}
        rows="5"
        dir="auto"
        maxlength={String(props.max)}
        required={props.isRequired}
        {...describe(props, `${id}-hint`)}
        safe
      >
        {valueOf(props)}
      </textarea>
      <p class="nr-hint" id={`${id}-hint`} safe>
        {props.hint}
      </p>
      <FieldProblem {...props} />
    </div>
  );
}

function ReplyForm(props: { report: OfficerView; csrfToken: string; state?: FormState }): JSX.Element {
  const { report } = props;
  return (
    <section class="nr-panel" id="reply-form" aria-labelledby="reply-heading">
      <h2 id="reply-heading">{t('inbox.reply.title')}</h2>
      {/* A reply refused because the report closed meanwhile keeps its form: the text is not lost. */}
      {report.status === 'closed' && props.state?.name !== 'reply' ? (
        <p>{t('inbox.reply.closed')}</p>
      ) : (
        <form method="post" action={formAction(report.publicId, 'reply')} class="nr-form" novalidate>
          <CsrfField token={props.csrfToken} />
          <Summary form="reply" state={props.state} />
          <TextField
            form="reply"
            field="text"
            state={props.state}
            label={t('inbox.reply.label')}
            hint={t('inbox.reply.hint')}
            max={TEXT_LIMITS.message}
            isRequired
          />
          <div>
            <button type="submit" class="nr-button nr-button-primary">
              {t('inbox.reply.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function NoteForm(props: { report: OfficerView; csrfToken: string; state?: FormState }): JSX.Element {
  return (
    <section class="nr-panel nr-inbox-internal" id="note-form" aria-labelledby="note-heading">
      <h2 id="note-heading">{t('inbox.note.title')}</h2>
      <form method="post" action={formAction(props.report.publicId, 'note')} class="nr-form" novalidate>
        <CsrfField token={props.csrfToken} />
        <Summary form="note" state={props.state} />
        <TextField
          form="note"
          field="text"
          state={props.state}
          label={t('inbox.note.label')}
          hint={t('inbox.note.hint')}
          max={TEXT_LIMITS.message}
          isRequired
        />
        <div>
          <button type="submit" class="nr-button">
            {t('inbox.note.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function MoveForm(props: { report: OfficerView; csrfToken: string; state?: FormState }): JSX.Element {
  const { report } = props;
  const status: FieldProps = { form: 'move', field: 'status', state: props.state };
  const chosen = valueOf(status);
  const id = fieldId('move', 'status');
  return (
    <section class="nr-panel" id="move-form" aria-labelledby="move-heading">
      <h2 id="move-heading">{t('inbox.move.title')}</h2>
      <p safe>{t('inbox.move.current', { status: statusLabel(report.status) })}</p>
      <form method="post" action={formAction(report.publicId, 'move')} class="nr-form" novalidate>
        <CsrfField token={props.csrfToken} />
        <Summary form="move" state={props.state} />
        <div class="nr-field">
          <label for={id}>
            {t('inbox.move.to')} <span class="nr-meta">({t('form.required')})</span>
          </label>
          <select id={id} name="status" required {...describe(status)}>
            <option value="">{t('inbox.move.choose')}</option>
            {STATUS_STEPS[report.status].map((to) => (
              <option value={to} selected={to === chosen} safe>
                {statusLabel(to)}
              </option>
            ))}
          </select>
          <FieldProblem {...status} />
        </div>
        <TextField
          form="move"
          field="reason"
          state={props.state}
          label={t('inbox.move.reason')}
          hint={t('inbox.move.reasonHint')}
          max={TEXT_LIMITS.reason}
        />
        <div>
          <button type="submit" class="nr-button">
            {t('inbox.move.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function AssignForm(props: {
  report: OfficerView;
  assignees: readonly Assignee[];
  csrfToken: string;
  state?: FormState;
}): JSX.Element {
  const { report } = props;
  const field: FieldProps = { form: 'assign', field: 'assignee', state: props.state };
  const chosen = props.state?.name === 'assign' ? valueOf(field) : String(report.assignedTo ?? '');
  const id = fieldId('assign', 'assignee');
  return (
    <section class="nr-panel" id="assign-form" aria-labelledby="assign-heading">
      <h2 id="assign-heading">{t('inbox.assign.title')}</h2>
      <form method="post" action={formAction(report.publicId, 'assign')} class="nr-form" novalidate>
        <CsrfField token={props.csrfToken} />
        <Summary form="assign" state={props.state} />
        <div class="nr-field">
          <label for={id}>{t('inbox.assign.label')}</label>
          <select id={id} name="assignee" {...describe(field)}>
            <option value="">{t('inbox.assign.nobody')}</option>
            {props.assignees.map((a) => (
              <option value={String(a.id)} selected={String(a.id) === chosen} safe>
                {a.name}
              </option>
            ))}
          </select>
          <FieldProblem {...field} />
        </div>
        <div>
          <button type="submit" class="nr-button">
            {t('inbox.assign.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The four forms of a report's page. */
export function ReportForms(props: {
  report: OfficerView;
  assignees: readonly Assignee[];
  csrfToken: string;
  form?: FormState;
}): JSX.Element {
  const common = { report: props.report, csrfToken: props.csrfToken, state: props.form };
  return (
    <div class="nr-columns nr-inbox-forms">
      <ReplyForm {...common} />
      <NoteForm {...common} />
      <MoveForm {...common} />
      <AssignForm {...common} assignees={props.assignees} />
    </div>
  );
}
