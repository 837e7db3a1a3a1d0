// The program form, new or existing: hosts in order (rows of selects), weekly slots as rows
// (slot-row.tsx) added and removed with buttons that work without a script, each row's problems
// and overlaps beside it, and the podcast fields.
import {
  CsrfField,
  NewsroomLayout,
  Notice,
  newsroomText as t,
  type EditionChoice,
  type NewsroomPage,
} from '../../../newsroom/index.ts';
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
import { ArtworkField, FieldProblem, ProblemSummary, TextField, describedBy, invalid } from './fields.tsx';
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
  const save = (
    <div class="nr-actions">
      <button type="submit" name="action" value="save" class="nr-button nr-button-primary">
        {t('radio.saveProgram')}
      </button>
    </div>
  );
  const channel = props.channels.find((c) => String(c.id) === values.channelId);
  return (
    <NewsroomLayout {...props.page} title={title}>
      <p>
        <a href={`/newsroom/radio/programs?edition=${encodeURIComponent(props.edition.code)}`} safe>
          {t('radio.backToPrograms', { edition: props.edition.name })}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <Notice text={props.notice} />
      <ProblemSummary problems={problems} />
      <form method="post" action={action} class="nr-form nr-radio-form">
        <CsrfField token={props.page.staff!.csrfToken} />
        <input type="hidden" name="hostCount" value={String(values.hosts.length)} />
        <input type="hidden" name="slotCount" value={String(values.slots.length)} />
        {/* First in the form, so Enter in a field saves (rather than pressing a row's button). */}
        {save}
        <div class="nr-field">
          <label for="channelId">{t('radio.channel')}</label>
          <select
            id="channelId"
            name="channelId"
            aria-invalid={invalid('channelId', problems)}
            aria-describedby={describedBy('channelId', problems, 'channelId-hint')}
          >
            {!channel && <option value="">{t('radio.chooseChannel')}</option>}
            {props.channels.map((c) => (
              <option value={String(c.id)} selected={String(c.id) === values.channelId} safe>
                {c.name}
              </option>
            ))}
          </select>
          <p class="nr-hint" id="channelId-hint">
            {channel ? t('radio.channelZoneHint', { zone: channel.timeZone }) : t('radio.channelHint')}
          </p>
          <FieldProblem fieldId="channelId" problems={problems} />
        </div>
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
            <div class="nr-actions">
              <button
                type="submit"
                name="action"
                value="add-host"
                class="nr-button"
                formaction={`${action}#host-row-${values.hosts.length}`}
                formnovalidate
              >
                {t('radio.addHost')}
              </button>
            </div>
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
            <div class="nr-actions">
              <button
                type="submit"
                name="action"
                value="add-slot"
                class="nr-button"
                formaction={`${action}#slot-row-${values.slots.length}`}
                formnovalidate
              >
                {t('radio.addSlot')}
              </button>
            </div>
          )}
        </fieldset>
        <fieldset class="nr-fieldset">
          <legend>{t('radio.podcast')}</legend>
          <div class="nr-field">
            <label for="podcastCategory">{t('radio.podcastCategory')}</label>
            <select
              id="podcastCategory"
              name="podcastCategory"
              aria-invalid={invalid('podcastCategory', problems)}
              aria-describedby={describedBy('podcastCategory', problems, 'podcastCategory-hint')}
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
            </select>
            <p class="nr-hint" id="podcastCategory-hint">
              {t('radio.podcastCategoryHint')}
            </p>
            <FieldProblem fieldId="podcastCategory" problems={problems} />
          </div>
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
        <div class="nr-field nr-field-check">
          <input
            id="isActive"
            name="isActive"
            type="checkbox"
            checked={values.isActive}
            aria-describedby="isActive-hint"
          />
          <label for="isActive">{t('radio.programActive')}</label>
        </div>
        <p class="nr-hint" id="isActive-hint">
          {t('radio.programActiveHint')}
        </p>
        {save}
      </form>
      {program && channel ? (
        <p>
          <a href={schedulePath(channel.id)} safe>
            {t('radio.scheduleChangesOf', { channel: channel.name })}
          </a>
        </p>
      ) : (
        ''
      )}
    </NewsroomLayout>
  );
}
