// The image picker of a newsroom form (an article's photo, a channel's or program's artwork): the
// image number (works without script), its preview, the buttons and the library dialog that
// client/newsroom/media-picker.ts enhances (it moves the dialog out of the form and shows the buttons).
import type { Children } from '@kitajs/html';
import { newsroomText as t } from '../../newsroom/index.ts';

const IMAGE_ID = /^[1-9]\d{0,9}$/;

/** One image from the library, picked into the form field `name`. */
export function MediaPickerField(props: {
  /** The form field holding the image number; the script finds it by this name. */
  name: string;
  legend: string;
  /** The image number in the field ('' for none). */
  value: string;
  /** The image's description as the form has it, for the preview's caption. */
  alt?: string;
  /** The edition whose form this is (the picker's address names it). */
  edition: string;
  /** Whether this user may use every image of the library (or only their own uploads). */
  isAllImages: boolean;
  /** The image number's input, drawn by the form's own field component (its hint, its problems). */
  safeNumberField: JSX.Element;
  /** More fields of the image (description, caption, credit), after the buttons. */
  children?: Children;
}): JSX.Element {
  const { safeNumberField } = props;
  const alt = props.alt?.trim() ?? '';
  return (
    <fieldset class="nr-fieldset nr-photo" data-media-picker data-id-field={props.name}>
      <legend safe>{props.legend}</legend>
      {IMAGE_ID.test(props.value) ? (
        <figure class="nr-photo-preview" data-photo-preview>
          {/* alt="": the caption says which image it is, with its description. */}
          <img src={`/newsroom/media/${props.value}/thumbnail`} alt="" class="nr-photo-thumb" />
          <figcaption class="nr-photo-text" dir="auto" data-photo-text safe>
            {alt ? t('picker.preview', { id: props.value, alt }) : t('media.noAlt', { id: props.value })}
          </figcaption>
        </figure>
      ) : (
        <figure class="nr-photo-preview" data-photo-preview hidden>
          <figcaption class="nr-photo-text" dir="auto" data-photo-text></figcaption>
        </figure>
      )}
      {safeNumberField}
      <div class="nr-photo-actions" data-photo-actions hidden>
        <button type="button" class="nr-button" data-picker-open aria-haspopup="dialog" aria-controls="media-picker">
          {t('picker.choose')}
        </button>
        <button type="button" class="nr-button nr-button-danger" data-photo-remove>
          {t('picker.remove')}
        </button>
      </div>
      <p class="nr-hint nr-photo-status" role="status" data-photo-status></p>
      {props.children}
      <PickerDialog edition={props.edition} isAllImages={props.isAllImages} />
    </fieldset>
  );
}

/** The library dialog: its words for the script, the search box, and where the images go. */
function PickerDialog(props: { edition: string; isAllImages: boolean }): JSX.Element {
  return (
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
  );
}
