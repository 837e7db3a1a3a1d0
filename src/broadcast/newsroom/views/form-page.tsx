// The frame every radio form page shares: the way back, the heading, the notice and the list of
// problems, then the form with its token and a Save button first and last; and the parts its
// forms repeat (a row-adding button, the "active" checkbox, a select with its hint and problems).
import type { Children } from '@kitajs/html';
import { CsrfField, NewsroomLayout, Notice, type NewsroomPage } from '../../../newsroom/index.ts';
import type { FieldProblems } from '../form-fields.ts';
import { FieldProblem, ProblemSummary, describedBy, invalid } from './fields.tsx';

/** A radio form page: `beforeNotice` under the heading, `after` below the form. */
export function RadioFormPage(props: {
  page: NewsroomPage;
  title: string;
  back: { href: string; text: string };
  /** Where the form posts (its row buttons add a fragment). */
  action: string;
  saveLabel: string;
  /** How many rows each repeated part posted (`streamCount`: 2), read back to rebuild them. */
  rowCounts: Readonly<Record<string, number>>;
  notice?: string;
  problems?: FieldProblems;
  beforeNotice?: Children;
  after?: Children;
  children: Children;
}): JSX.Element {
  const save = (
    <div class="nr-actions">
      <button type="submit" name="action" value="save" class="nr-button nr-button-primary" safe>
        {props.saveLabel}
      </button>
    </div>
  );
  return (
    <NewsroomLayout {...props.page} title={props.title}>
      <p>
        <a href={props.back.href} safe>
          {props.back.text}
        </a>
      </p>
      <h1 safe>{props.title}</h1>
      {props.beforeNotice ?? ''}
      <Notice text={props.notice} />
      <ProblemSummary problems={props.problems} />
      <form method="post" action={props.action} class="nr-form nr-radio-form">
        <CsrfField token={props.page.staff!.csrfToken} />
        {Object.entries(props.rowCounts).map(([name, count]) => (
          <input type="hidden" name={name} value={String(count)} />
        ))}
        {/* First in the form, so Enter in a field saves (rather than pressing a row's button). */}
        {save}
        {props.children}
        {save}
      </form>
      {props.after ?? ''}
    </NewsroomLayout>
  );
}

/** The button that adds a row without saving; the page shown again scrolls to the new row. */
export function AddRowButton(props: { value: string; formaction: string; label: string }): JSX.Element {
  return (
    <div class="nr-actions">
      <button
        type="submit"
        name="action"
        value={props.value}
        class="nr-button"
        formaction={props.formaction}
        formnovalidate
        safe
      >
        {props.label}
      </button>
    </div>
  );
}

/** The "active" checkbox and its hint (an inactive channel or program is kept but not shown). */
export function ActiveCheckbox(props: { checked: boolean; label: string; hint: string }): JSX.Element {
  return (
    <>
      <div class="nr-field nr-field-check">
        <input id="isActive" name="isActive" type="checkbox" checked={props.checked} aria-describedby="isActive-hint" />
        <label for="isActive" safe>
          {props.label}
        </label>
      </div>
      <p class="nr-hint" id="isActive-hint" safe>
        {props.hint}
      </p>
    </>
  );
}

/** A select (its options are the children) with its label, an optional hint and its problems. */
export function SelectField(props: {
  name: string;
  label: string;
  /** Shown under the select and tied to it (`{name}-hint`). */
  hint?: string;
  problems?: FieldProblems;
  children: Children;
}): JSX.Element {
  const { name, problems } = props;
  const hintId = props.hint === undefined ? undefined : `${name}-hint`;
  return (
    <div class="nr-field">
      <label for={name} safe>
        {props.label}
      </label>
      <select
        id={name}
        name={name}
        aria-invalid={invalid(name, problems)}
        aria-describedby={describedBy(name, problems, hintId)}
      >
        {props.children}
      </select>
      {props.hint === undefined ? (
        ''
      ) : (
        <p class="nr-hint" id={hintId} safe>
          {props.hint}
        </p>
      )}
      <FieldProblem fieldId={name} problems={problems} />
    </div>
  );
}
