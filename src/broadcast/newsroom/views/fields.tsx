// Form parts the radio pages share: the list of problems above a form (each a link to its field),
// a field's own problems beside it (tied to it with aria-describedby, marked aria-invalid), text
// fields, and the library picker for artwork (the media domain's, as the article form has it).
import { MediaPickerField } from '../../../media/index.ts';
import { newsroomText as t } from '../../../newsroom/index.ts';
import { allProblems, type FieldProblems } from '../form-fields.ts';
import { fieldLabel } from './text.ts';

/** The field the artwork's image number is posted in (the forms' parsers read it). */
const ARTWORK_FIELD = 'featuredMediaId';

/** Stream formats as editors know them. */
export const FORMAT_NAMES = { mp3: 'MP3', aac: 'AAC', hls: 'HLS' } as const;

/** The id of the element holding a field's problems. */
export function problemId(fieldId: string): string {
  return `${fieldId}-problem`;
}

/** aria-describedby for a field: its hint and its problems, those that exist. */
export function describedBy(fieldId: string, problems: FieldProblems | undefined, hintId?: string): string | undefined {
  const ids = [...(hintId ? [hintId] : []), ...(problems?.has(fieldId) ? [problemId(fieldId)] : [])];
  return ids.length ? ids.join(' ') : undefined;
}

/** aria-invalid for a field with problems. */
export function invalid(fieldId: string, problems: FieldProblems | undefined): 'true' | undefined {
  return problems?.has(fieldId) ? 'true' : undefined;
}

/** Every problem above the form, each a link to its field (focusable, announced). */
export function ProblemSummary(props: { problems?: FieldProblems }): JSX.Element {
  const list = props.problems ? allProblems(props.problems) : [];
  if (list.length === 0) return <></>;
  return (
    <div class="nr-problems" role="alert" tabindex="-1" id="problems">
      <p>{t('form.problems')}</p>
      <ul>
        {list.map((p) =>
          p.fieldId === 'form' ? (
            <li safe>{p.text}</li>
          ) : (
            <li>
              <a href={`#${p.fieldId}`} safe>
                {fieldLabel(p.fieldId) ? `${fieldLabel(p.fieldId)}: ${p.text}` : p.text}
              </a>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

/** A field's problems, beside it. */
export function FieldProblem(props: { fieldId: string; problems?: FieldProblems }): JSX.Element {
  const texts = props.problems?.get(props.fieldId);
  if (!texts?.length) return <></>;
  return (
    <p class="nr-field-problem" id={problemId(props.fieldId)} safe>
      {texts.join(' ')}
    </p>
  );
}

/** A labelled text input (or textarea) with its hint and problems. */
export function TextField(props: {
  name: string;
  label: string;
  value: string;
  problems?: FieldProblems;
  hint?: string;
  maxlength?: number;
  required?: boolean;
  multiline?: boolean;
  inputmode?: 'url' | 'numeric';
  type?: 'text' | 'url' | 'number';
  min?: string;
  max?: string;
  dir?: 'auto' | 'ltr';
}): JSX.Element {
  const hintId = props.hint ? `${props.name}-hint` : undefined;
  const common = {
    id: props.name,
    name: props.name,
    maxlength: props.maxlength === undefined ? undefined : String(props.maxlength),
    required: props.required,
    'aria-invalid': invalid(props.name, props.problems),
    'aria-describedby': describedBy(props.name, props.problems, hintId),
    dir: props.dir,
  };
  return (
    <div class="nr-field">
      <label for={props.name}>
        <span safe>{props.label}</span>
        {props.required ? <span class="nr-meta"> ({t('form.required')})</span> : ''}
      </label>
      {props.multiline ? (
        <textarea {...common} rows="4" safe>
          {props.value}
        </textarea>
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          inputmode={props.inputmode}
          min={props.min}
          max={props.max}
          value={props.value}
        />
      )}
      {props.hint ? (
        <p class="nr-hint" id={hintId} safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      <FieldProblem fieldId={props.name} problems={props.problems} />
    </div>
  );
}

/** The artwork: an image number from the library, with a preview and the picker dialog. */
export function ArtworkField(props: {
  value: string;
  edition: string;
  problems?: FieldProblems;
  legend: string;
  isAllImages: boolean;
}): JSX.Element {
  return (
    <MediaPickerField
      name={ARTWORK_FIELD}
      legend={props.legend}
      value={props.value}
      edition={props.edition}
      isAllImages={props.isAllImages}
      safeNumberField={
        <TextField
          name={ARTWORK_FIELD}
          label={t('radio.artworkNumber')}
          value={props.value}
          problems={props.problems}
          hint={t('radio.artworkHint')}
          inputmode="numeric"
          maxlength={10}
        />
      }
    />
  );
}
