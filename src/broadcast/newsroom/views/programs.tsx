// The program form, new or existing: hosts in order (rows of selects), weekly slots as rows
// (slot-row.tsx) added and removed with buttons that work without a script, each row's problems
// and overlaps beside it, and the podcast fields.
import { newsroomText as t, type EditionChoice, type NewsroomPage } from '../../../newsroom/index.ts';
import type { FieldProblems } from '../form-fields.ts';
import { APPLE_PODCAST_CATEGORIES } from '../podcast-categories.ts';
import {
  AUTHOR_MAX,
  DESCRIPTION_MAX,
  MAX_HOSTS,
  MAX_SLOTS,
  SLUG_MAX,
  TITLE_MAX,
  type ProgramValues,
} from '../program-form.ts';
import type { NewsroomChannel, NewsroomProgram } from '../queries.ts';
import type { Overlap } from '../week.ts';
import { ArtworkField, FieldProblem, TextField, describedBy, invalid } from './fields.tsx';
import { ActiveCheckbox, AddRowButton, RadioFormPage, SelectField } from './form-page.tsx';
import { programPath, schedulePath } from './overview.tsx';
import { SlotRow } from './slot-row.tsx';

/** The program form: new (`program` undefined) or an existing program's. */
export function ProgramFormPage(props: {
  page: NewsroomPage;
  edition: EditionChoice;
  values: ProgramValues;
  channels: readonly NewsroomChannel[];
  hostChoices: readonly { id: number; name: string }[];
  program?: NewsroomProgram;
  overlaps: readonly (readonly Overlap[])[];
  problems?: FieldProblems;
  notice?: string;
  isAllImages: boolean;
}): JSX.Element {
  const { values, problems, program } = props;
  const title = program ? t('radio.editProgram', { title: program.title }) : t('radio.newProgram');
  const action = program
    ? programPath(program.id)
    : `/newsroom/radio/programs/new?edition=${encodeURIComponent(props.edition.code)}`;
  const channel = props.channels.find((c) => String(c.id) === values.channelId);
  return (
    <RadioFormPage
      page={props.page}
      title={title}
      back={{
        href: `/newsroom/radio/programs?edition=${encodeURIComponent(props.edition.code)}`,
        text: t('radio.backToPrograms', { edition: props.edition.name }),
      }}
      action={action}
      saveLabel={t('radio.saveProgram')}
      rowCounts={{ hostCount: values.hosts.length, slotCount: values.slots.length }}
      notice={props.notice}
      problems={problems}
      after={
        program && channel ? (
          <p>
            <a href={schedulePath(channel.id)} safe>
              {t('radio.scheduleChangesOf', { channel: channel.name })}
            </a>
          </p>
        ) : undefined
      }
    >
      <SelectField
        name="channelId"
        label={t('radio.channel')}
        hint={channel ? t('radio.channelZoneHint', { zone: channel.timeZone }) : t('radio.channelHint')}
        problems={problems}
      >
        {!channel && <option value="">{t('radio.chooseChannel')}</option>}
        {props.channels.map((c) => (
          <option value={String(c.id)} selected={String(c.id) === values.channelId} safe>
            {c.name}
          </option>
        ))}
      </SelectField>
      <TextField
        name="title"
        label={t('radio.programTitle')}
        value={values.title}
        problems={problems}
        maxlength={TITLE_MAX}
        required
        dir="auto"
      />
      <TextField
        name="slug"
        label={t('radio.slug')}
        value={values.slug}
        problems={problems}
        maxlength={SLUG_MAX}
        hint={t('radio.programSlugHint')}
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
      <ArtworkField
        value={values.artworkMediaId}
        edition={props.edition.code}
        problems={problems}
        legend={t('radio.artwork')}
        isAllImages={props.isAllImages}
      />
      <fieldset class="nr-fieldset" id="hosts">
        <legend>{t('radio.hosts')}</legend>
        <p class="nr-hint" id="hosts-hint">
          {t('radio.hostsHint')}
        </p>
        <ol class="nr-radio-rows nr-radio-hosts">
          {values.hosts.map((host, i) => (
            <li class="nr-field" id={`host-row-${i}`}>
              <label for={`host-${i}`} safe>
                {t('radio.hostN', { number: i + 1 })}
              </label>
              <select
                id={`host-${i}`}
                name={`host-${i}`}
                aria-invalid={invalid(`host-${i}`, problems)}
                aria-describedby={describedBy(`host-${i}`, problems, 'hosts-hint')}
              >
                <option value="">{t('radio.noHost')}</option>
                {props.hostChoices.map((h) => (
                  <option value={String(h.id)} selected={String(h.id) === host} safe>
                    {h.name}
                  </option>
                ))}
              </select>
              <FieldProblem fieldId={`host-${i}`} problems={problems} />
            </li>
          ))}
        </ol>
        {values.hosts.length < MAX_HOSTS && (
          <AddRowButton
            value="add-host"
            formaction={`${action}#host-row-${values.hosts.length}`}
            label={t('radio.addHost')}
          />
        )}
      </fieldset>
      <fieldset class="nr-fieldset" id="slots">
        <legend>{t('radio.slots')}</legend>
        <p class="nr-hint" id="slots-hint" safe>
          {t('radio.slotsHint', { zone: channel?.timeZone ?? t('radio.theChannelsZone') })}
        </p>
        <ol class="nr-radio-rows">
          {values.slots.map((slot, index) => (
            <SlotRow
              slot={slot}
              index={index}
              action={action}
              problems={problems}
              overlaps={props.overlaps[index] ?? []}
            />
          ))}
        </ol>
        {values.slots.length < MAX_SLOTS && (
          <AddRowButton
            value="add-slot"
            formaction={`${action}#slot-row-${values.slots.length}`}
            label={t('radio.addSlot')}
          />
        )}
      </fieldset>
      <fieldset class="nr-fieldset">
        <legend>{t('radio.podcast')}</legend>
        <SelectField
          name="podcastCategory"
          label={t('radio.podcastCategory')}
          hint={t('radio.podcastCategoryHint')}
          problems={problems}
        >
          <option value="">{t('radio.noCategory')}</option>
          {APPLE_PODCAST_CATEGORIES.map(([top, subs]) => (
            <optgroup label={top}>
              <option value={top} selected={values.podcastCategory === top} safe>
                {t('radio.categoryAll', { category: top })}
              </option>
              {subs.map((sub) => (
                <option value={sub} selected={values.podcastCategory === sub} safe>
                  {sub}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <TextField
          name="podcastAuthor"
          label={t('radio.podcastAuthor')}
          value={values.podcastAuthor}
          problems={problems}
          maxlength={AUTHOR_MAX}
          hint={t('radio.podcastAuthorHint')}
          dir="auto"
        />
        <div class="nr-field nr-field-check">
          <input id="isExplicit" name="isExplicit" type="checkbox" checked={values.isExplicit} />
          <label for="isExplicit">{t('radio.explicit')}</label>
        </div>
      </fieldset>
      <ActiveCheckbox checked={values.isActive} label={t('radio.programActive')} hint={t('radio.programActiveHint')} />
    </RadioFormPage>
  );
}
