// Form parts the radio pages share: the list of problems above a form (each a link to its field),
// a field's own problems beside it (tied to it with aria-describedby, marked aria-invalid), text
// fields, and the library picker for artwork (the article form's markup, which the newsroom's
// script enhances; without the script the image number field works as it is).
import { newsroomText as t } from '../../../newsroom/index.ts';
import { allProblems, type FieldProblems } from '../form-fields.ts';
import { fieldLabel } from './text.ts';

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
  const hasImage = /^[1-9]\d{0,9}$/.test(props.value);
  return (
    <fieldset class="nr-fieldset nr-photo" data-media-picker>
      <legend safe>{props.legend}</legend>
      {hasImage ? (
        <figure class="nr-photo-preview" data-photo-preview>
          {/* alt="": the caption says which image it is. */}
          <img src={`/newsroom/media/${props.value}/thumbnail`} alt="" class="nr-photo-thumb" />
          <figcaption class="nr-photo-text" data-photo-text safe>
            {t('media.noAlt', { id: props.value })}
          </figcaption>
        </figure>
      ) : (
        <figure class="nr-photo-preview" data-photo-preview hidden>
          <figcaption class="nr-photo-text" data-photo-text></figcaption>
        </figure>
      )}
      <TextField
        name="featuredMediaId"
        label={t('radio.artworkNumber')}
        value={props.value}
        problems={props.problems}
        hint={t('radio.artworkHint')}
        inputmode="numeric"
        maxlength={10}
      />
      <div class="nr-photo-actions" data-photo-actions hidden>
        <button type="button" class="nr-button" data-picker-open aria-haspopup="dialog" aria-controls="media-picker">
          {t('picker.choose')}
        </button>
        <button type="button" class="nr-button nr-button-danger" data-photo-remove>
          {t('picker.remove')}
        </button>
      </div>
      <p class="nr-hint nr-photo-status" role="status" data-photo-status></p>
      <dialog
        id="media-picker"
        class="nr-picker"
        aria-labelledby="media-picker-title"
        aria-describedby="media-picker-intro"
        data-picker-url={`/newsroom/media/picker?edition=${encodeURIComponent(props.edition)}`}
        data-label-loading={t('picker.loading')}
        data-label-shown={t('picker.shown')}
        data-label-added={t('picker.added')}
        data-label-failed={t('picker.failed')}
        data-label-offline={t('picker.offline')}
        data-label-preview={t('picker.preview')}
        data-label-no-alt={t('media.noAlt')}
        data-label-chosen={t('picker.chosen')}
        data-label-chosen-kept={t('picker.chosenKept')}
        data-label-removed={t('picker.removed')}
      >
        <div class="nr-picker-head">
          <h2 id="media-picker-title">{t('picker.title')}</h2>
          <button type="button" class="nr-button" data-picker-close>
            {t('picker.close')}
          </button>
        </div>
        <p class="nr-hint" id="media-picker-intro">
          {props.isAllImages ? t('picker.introAll') : t('picker.introOwn')}
        </p>
        <div class="nr-field nr-picker-search" role="search">
          <label for="media-picker-q">{t('media.searchText')}</label>
          <input id="media-picker-q" type="search" maxlength="200" autocomplete="off" data-picker-search />
        </div>
        <p class="nr-hint" role="status" data-picker-status></p>
        <div class="nr-picker-results" data-picker-results></div>
      </dialog>
    </fieldset>
  );
}
