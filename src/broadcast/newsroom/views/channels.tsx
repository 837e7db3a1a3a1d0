// The channel form, new or existing: streams as rows that move, go and come with buttons that
// work without a script; the library picker for the artwork; the status source; and the delete
// button for a channel that has no programs.
import { CsrfField, newsroomText as t, type EditionChoice, type NewsroomPage } from '../../../newsroom/index.ts';
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
import { ArtworkField, FieldProblem, FORMAT_NAMES, TextField, describedBy, invalid } from './fields.tsx';
import { ActiveCheckbox, AddRowButton, RadioFormPage, SelectField } from './form-page.tsx';
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
  return (
    <RadioFormPage
      page={props.page}
      title={title}
      back={{
        href: `/newsroom/radio/channels?edition=${encodeURIComponent(values.edition)}`,
        text: t('radio.backToChannels', { edition: editionName }),
      }}
      action={action}
      saveLabel={t('radio.saveChannel')}
      rowCounts={{ streamCount: streams.length }}
      notice={props.notice}
      problems={problems}
      beforeNotice={
        channel ? (
          <p>
            <a href={schedulePath(channel.id)}>{t('radio.scheduleChanges')}</a>
          </p>
        ) : undefined
      }
      after={
        channel ? (
          <DeleteChannel channel={channel} programCount={props.programCount} csrfToken={props.page.staff!.csrfToken} />
        ) : undefined
      }
    >
      {channel ? (
        <p>
          <span class="nr-meta">{t('manage.edition')}:</span> <span safe>{editionName}</span>
        </p>
      ) : (
        <SelectField name="edition" label={t('manage.edition')} problems={problems}>
          {props.editions.map((e) => (
            <option value={e.code} selected={e.code === values.edition} safe>
              {e.name}
            </option>
          ))}
        </SelectField>
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
      <SelectField name="timeZone" label={t('radio.timeZone')} hint={t('radio.timeZoneHint')} problems={problems}>
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
      </SelectField>
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
          <AddRowButton
            value="add-stream"
            formaction={`${action}#stream-row-${streams.length}`}
            label={t('radio.addStream')}
          />
        )}
      </fieldset>
      <fieldset class="nr-fieldset">
        <legend>{t('radio.statusSource')}</legend>
        <SelectField
          name="statusSource"
          label={t('radio.statusSourceLabel')}
          hint={t('radio.statusSourceHint')}
          problems={problems}
        >
          {STATUS_SOURCES.map((source) => (
            <option value={source} selected={source === values.statusSource}>
              {t(`radio.source.${source}`)}
            </option>
          ))}
        </SelectField>
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
      <ActiveCheckbox checked={values.isActive} label={t('radio.channelActive')} hint={t('radio.channelActiveHint')} />
    </RadioFormPage>
  );
}

/** Deleting a channel: a button while it has no programs, else why it cannot go. */
function DeleteChannel(props: { channel: NewsroomChannel; programCount?: number; csrfToken: string }): JSX.Element {
  return (
    <section class="nr-panel nr-danger-zone" aria-labelledby="delete-heading">
      <h2 id="delete-heading">{t('radio.deleteChannel')}</h2>
      {props.programCount ? (
        <p safe>{t('radio.deleteRefusedHint', { count: props.programCount })}</p>
      ) : (
        <form method="post" action={`${channelPath(props.channel.id)}/delete`}>
          <CsrfField token={props.csrfToken} />
          <p>{t('radio.deleteHint')}</p>
          <button type="submit" class="nr-button nr-button-danger">
            {t('radio.deleteChannel')}
          </button>
        </form>
      )}
    </section>
  );
}
