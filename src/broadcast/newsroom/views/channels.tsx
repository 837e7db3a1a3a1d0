// The channel form, new or existing: streams as rows that move, go and come with buttons that
// work without a script; the library picker for the artwork; the status source; and the delete
// button for a channel that has no programs.
import {
  CsrfField,
  NewsroomLayout,
  Notice,
  newsroomText as t,
  type EditionChoice,
  type NewsroomPage,
} from '../../../newsroom/index.ts';
import {
  DESCRIPTION_MAX,
  MAX_STREAMS,
  NAME_MAX,
  POSITION_MAX,
  SLUG_MAX,
  STATUS_SOURCES,
  URL_MAX,
  formatOfRow,
  zoneChoices,
  type ChannelValues,
} from '../channel-form.ts';
import type { FieldProblems } from '../form-fields.ts';
import type { NewsroomChannel } from '../queries.ts';
import {
  ArtworkField,
  FieldProblem,
  FORMAT_NAMES,
  ProblemSummary,
  TextField,
  describedBy,
  invalid,
} from './fields.tsx';
import { channelPath, schedulePath } from './overview.tsx';

/**
 * One stream's row. Its buttons post to the form's address with a fragment, so the page shown
 * again scrolls to where the row went (`action`: the form's address).
 */
function StreamRow(props: {
  url: string;
  index: number;
  count: number;
  action: string;
  problems?: FieldProblems;
}): JSX.Element {
  const { index } = props;
  const id = `stream-${index}`;
  const number = index + 1;
  const format = formatOfRow(props.url);
  const formatId = `${id}-format`;
  const which = `: ${t('radio.streamN', { number })}`;
  return (
    <li class="nr-radio-row" id={`stream-row-${index}`}>
      <div class="nr-field">
        <label for={id} safe>
          {t('radio.streamN', { number })}
        </label>
        <input
          id={id}
          name={id}
          type="url"
          inputmode="url"
          autocomplete="off"
          maxlength={String(URL_MAX)}
          value={props.url}
          dir="ltr"
          aria-invalid={invalid(id, props.problems)}
          aria-describedby={describedBy(id, props.problems, format ? formatId : 'streams-hint')}
        />
        {format ? (
          <p class="nr-hint" id={formatId} safe>
            {t('radio.format', { format: FORMAT_NAMES[format] })}
          </p>
        ) : (
          ''
        )}
        <FieldProblem fieldId={id} problems={props.problems} />
      </div>
      <div class="nr-actions nr-radio-row-buttons">
        {index > 0 && (
          <button
            type="submit"
            name="action"
            value={`up-${index}`}
            class="nr-button"
            formaction={`${props.action}#stream-row-${index - 1}`}
            formnovalidate
          >
            {t('radio.moveUp')}
            <span class="visually-hidden" safe>
              {which}
            </span>
          </button>
        )}
        {index < props.count - 1 && (
          <button
            type="submit"
            name="action"
            value={`down-${index}`}
            class="nr-button"
            formaction={`${props.action}#stream-row-${index + 1}`}
            formnovalidate
          >
            {t('radio.moveDown')}
            <span class="visually-hidden" safe>
              {which}
            </span>
          </button>
        )}
        {props.count > 1 && (
          <button
            type="submit"
            name="action"
            value={`remove-${index}`}
            formaction={`${props.action}#streams`}
            class="nr-button nr-button-danger"
            formnovalidate
          >
            {t('radio.remove')}
            <span class="visually-hidden" safe>
              {which}
            </span>
          </button>
        )}
      </div>
    </li>
  );
}

/** The channel form: new (`channel` undefined) or an existing channel's. */
export function ChannelFormPage(props: {
  page: NewsroomPage;
  values: ChannelValues;
  /** Editions a new channel may go in (the form's select). */
  editions: readonly EditionChoice[];
  channel?: NewsroomChannel;
  programCount?: number;
  problems?: FieldProblems;
  notice?: string;
  isAllImages: boolean;
}): JSX.Element {
  const { values, problems, channel } = props;
  const title = channel ? t('radio.editChannel', { name: channel.name }) : t('radio.newChannel');
  const action = channel ? channelPath(channel.id) : '/newsroom/radio/channels/new';
  const editionName = props.editions.find((e) => e.code === values.edition)?.name ?? values.edition;
  const streams = values.streams.length ? values.streams : [''];
  const save = (
    <div class="nr-actions">
      <button type="submit" name="action" value="save" class="nr-button nr-button-primary">
        {t('radio.saveChannel')}
      </button>
    </div>
  );
  return (
    <NewsroomLayout {...props.page} title={title}>
      <p>
        <a href={`/newsroom/radio/channels?edition=${encodeURIComponent(values.edition)}`} safe>
          {t('radio.backToChannels', { edition: editionName })}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {channel ? (
        <p>
          <a href={schedulePath(channel.id)}>{t('radio.scheduleChanges')}</a>
        </p>
      ) : (
        ''
      )}
      <Notice text={props.notice} />
      <ProblemSummary problems={problems} />
      <form method="post" action={action} class="nr-form nr-radio-form">
        <CsrfField token={props.page.staff!.csrfToken} />
        <input type="hidden" name="streamCount" value={String(streams.length)} />
        {/* First in the form, so Enter in a field saves (rather than pressing a row's button). */}
        {save}
        {channel ? (
          <p>
            <span class="nr-meta">{t('manage.edition')}:</span> <span safe>{editionName}</span>
          </p>
        ) : (
          <div class="nr-field">
            <label for="edition">{t('manage.edition')}</label>
            <select
              id="edition"
              name="edition"
              aria-invalid={invalid('edition', problems)}
              aria-describedby={describedBy('edition', problems)}
            >
              {props.editions.map((e) => (
                <option value={e.code} selected={e.code === values.edition} safe>
                  {e.name}
                </option>
              ))}
            </select>
            <FieldProblem fieldId="edition" problems={problems} />
          </div>
        )}
        <TextField
          name="name"
          label={t('radio.name')}
          value={values.name}
          problems={problems}
          maxlength={NAME_MAX}
          required
          dir="auto"
        />
        <TextField
          name="slug"
          label={t('radio.slug')}
          value={values.slug}
          problems={problems}
          maxlength={SLUG_MAX}
          hint={t('radio.slugHint')}
          dir="auto"
        />
        <TextField
          name="description"
          label={t('radio.description')}
          value={values.description}
          problems={problems}
          maxlength={DESCRIPTION_MAX}
          multiline
          dir="auto"
        />
        <div class="nr-field">
          <label for="timeZone">{t('radio.timeZone')}</label>
          <select
            id="timeZone"
            name="timeZone"
            aria-invalid={invalid('timeZone', problems)}
            aria-describedby={describedBy('timeZone', problems, 'timeZone-hint')}
          >
            {!zoneChoices(values.timeZone).includes(values.timeZone) && (
              <option value={values.timeZone} selected safe>
                {values.timeZone || t('radio.chooseZone')}
              </option>
            )}
            {zoneChoices(values.timeZone).map((zone) => (
              <option selected={zone === values.timeZone} safe>
                {zone}
              </option>
            ))}
          </select>
          <p class="nr-hint" id="timeZone-hint">
            {t('radio.timeZoneHint')}
          </p>
          <FieldProblem fieldId="timeZone" problems={problems} />
        </div>
        <ArtworkField
          value={values.artworkMediaId}
          edition={values.edition}
          problems={problems}
          legend={t('radio.artwork')}
          isAllImages={props.isAllImages}
        />
        <fieldset class="nr-fieldset" id="streams">
          <legend>{t('radio.streams')}</legend>
          <p class="nr-hint" id="streams-hint" safe>
            {t('radio.streamsHint', { max: MAX_STREAMS })}
          </p>
          <ol class="nr-radio-rows">
            {streams.map((url, index) => (
              <StreamRow url={url} index={index} count={streams.length} action={action} problems={problems} />
            ))}
          </ol>
          {streams.length < MAX_STREAMS && (
            <div class="nr-actions">
              <button
                type="submit"
                name="action"
                value="add-stream"
                class="nr-button"
                formaction={`${action}#stream-row-${streams.length}`}
                formnovalidate
              >
                {t('radio.addStream')}
              </button>
            </div>
          )}
        </fieldset>
        <fieldset class="nr-fieldset">
          <legend>{t('radio.statusSource')}</legend>
          <div class="nr-field">
            <label for="statusSource">{t('radio.statusSourceLabel')}</label>
            <select
              id="statusSource"
              name="statusSource"
              aria-invalid={invalid('statusSource', problems)}
              aria-describedby={describedBy('statusSource', problems, 'statusSource-hint')}
            >
              {STATUS_SOURCES.map((source) => (
                <option value={source} selected={source === values.statusSource}>
                  {t(`radio.source.${source}`)}
                </option>
              ))}
            </select>
            <p class="nr-hint" id="statusSource-hint">
              {t('radio.statusSourceHint')}
            </p>
            <FieldProblem fieldId="statusSource" problems={problems} />
          </div>
          <TextField
            name="statusUrl"
            label={t('radio.statusUrl')}
            value={values.statusUrl}
            problems={problems}
            maxlength={URL_MAX}
            type="url"
            inputmode="url"
            hint={t('radio.statusUrlHint')}
            dir="ltr"
          />
        </fieldset>
        <TextField
          name="position"
          label={t('manage.position')}
          value={values.position}
          problems={problems}
          type="number"
          inputmode="numeric"
          min="0"
          max={String(POSITION_MAX)}
          hint={t('radio.positionHint')}
        />
        <div class="nr-field nr-field-check">
          <input
            id="isActive"
            name="isActive"
            type="checkbox"
            checked={values.isActive}
            aria-describedby="isActive-hint"
          />
          <label for="isActive">{t('radio.channelActive')}</label>
        </div>
        <p class="nr-hint" id="isActive-hint">
          {t('radio.channelActiveHint')}
        </p>
        {save}
      </form>
      {channel ? (
        <section class="nr-panel nr-danger-zone" aria-labelledby="delete-heading">
          <h2 id="delete-heading">{t('radio.deleteChannel')}</h2>
          {props.programCount ? (
            <p safe>{t('radio.deleteRefusedHint', { count: props.programCount })}</p>
          ) : (
            <form method="post" action={`${channelPath(channel.id)}/delete`}>
              <CsrfField token={props.page.staff!.csrfToken} />
              <p>{t('radio.deleteHint')}</p>
              <button type="submit" class="nr-button nr-button-danger">
                {t('radio.deleteChannel')}
              </button>
            </form>
          )}
        </section>
      ) : (
        ''
      )}
    </NewsroomLayout>
  );
}
