// /newsroom/editions: every edition (active or not) with its published stories, the form that
// adds one, and one edition's page (its settings; activating and deactivating it). Pure: what the
// pages show comes in through their props. Names are shown in their own language and direction.
import {
  ColumnHeads,
  CsrfField,
  NewsroomLayout,
  Notice,
  Problems,
  newsroomText as t,
  type NewsroomPage,
} from '../../newsroom/index.ts';
import { englishCatalog } from '../../i18n/index.ts';
import { EDITION_CODE_PATTERN } from '../codes.ts';
import { NAME_MAX, POSITION_MAX } from '../commands.ts';
import { DIRECTION_AUTO, type EditionFormValues, type StartValues } from './form.ts';
import type { ManagedEdition } from './queries.ts';
import { TEMPLATE_SECTIONS } from './template.ts';

/** Every IANA zone this server knows, for the time zone fields. */
const TIME_ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

/** An edition as the pages list it. */
export interface ListedEdition extends ManagedEdition {
  /** Stories readers can open now. */
  readonly published: number;
  /** Whether the edition's code has its own catalog of interface text (else English). */
  readonly hasCatalog: boolean;
  readonly isDefault: boolean;
}

const counts = new Intl.NumberFormat('en-GB');

function directionLabel(direction: string): string {
  return direction === 'rtl' ? t('editions.rtl') : t('editions.ltr');
}

function statusText(e: ListedEdition): string {
  const status = e.isActive ? t('editions.active') : t('editions.inactive');
  return e.isDefault ? `${status} (${t('editions.default')})` : status;
}

function editionPath(code: string): string {
  return `/newsroom/editions/${encodeURIComponent(code)}`;
}

/** An edition's name in its own language and direction. */
function OwnName(props: { edition: ManagedEdition }): JSX.Element {
  const { edition } = props;
  return (
    <span lang={edition.locale} dir={edition.direction} safe>
      {edition.name}
    </span>
  );
}

export interface EditionsPageProps {
  readonly page: NewsroomPage;
  readonly editions: readonly ListedEdition[];
  /** The add form's values (what was posted, after a refusal). */
  readonly values: EditionFormValues & StartValues;
  /** The site's own zone (Settings), what an edition without one uses. */
  readonly siteZone: string;
  readonly problems?: readonly string[];
  readonly notice?: string;
}

/** /newsroom/editions: every edition, and the form that adds one. */
export function EditionsPage(props: EditionsPageProps): JSX.Element {
  return (
    <NewsroomLayout {...props.page} title={t('editions.title')}>
      <h1>{t('editions.title')}</h1>
      <p>{t('editions.intro')}</p>
      <Notice text={props.notice} />
      <p>
        <a class="nr-button" href="#add-heading">
          {t('editions.add')}
        </a>
      </p>
      <table class="nr-table">
        <caption>{t('editions.caption')}</caption>
        <ColumnHeads
          labels={[
            t('editions.nameAndCode'),
            t('editions.locale'),
            t('editions.direction'),
            t('editions.position'),
            t('editions.status'),
            t('editions.published'),
            t('editions.interface'),
          ]}
        />
        <tbody>
          {props.editions.map((e) => (
            <tr>
              {/* The code beside the link: a link within text, not a lone small target on a phone. */}
              <th scope="row">
                <a href={editionPath(e.code)}>
                  <OwnName edition={e} />
                </a>{' '}
                <span class="nr-meta" safe>
                  {e.code}
                </span>
              </th>
              <td data-label={t('editions.locale')} safe>
                {e.locale}
              </td>
              <td data-label={t('editions.direction')} safe>
                {directionLabel(e.direction)}
              </td>
              <td data-label={t('editions.position')} safe>
                {String(e.position)}
              </td>
              <td data-label={t('editions.status')} safe>
                {statusText(e)}
              </td>
              <td data-label={t('editions.published')} safe>
                {counts.format(e.published)}
              </td>
              <td data-label={t('editions.interface')}>
                {e.hasCatalog ? t('editions.ownCatalog') : t('editions.englishFallback')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="nr-meta">{t('editions.publishedHint')}</p>
      <AddForm {...props} />
    </NewsroomLayout>
  );
}

/** The fields both forms share: name, locale, direction, time zone, position. */
function SettingsFields(props: { values: EditionFormValues; isNew: boolean; siteZone: string }): JSX.Element {
  const { values } = props;
  // A zone stored before this server's list lost it stays choosable, so saving changes nothing.
  const zones =
    values.timeZone === '' || TIME_ZONES.includes(values.timeZone) ? TIME_ZONES : [values.timeZone, ...TIME_ZONES];
  return (
    <>
      <div class="nr-field">
        <label for="edition-name">{t('editions.name')}</label>
        <input
          id="edition-name"
          name="name"
          type="text"
          required
          maxlength={String(NAME_MAX)}
          dir="auto"
          autocomplete="off"
          value={values.name}
          aria-describedby="edition-name-hint"
        />
        <p class="nr-hint" id="edition-name-hint">
          {t('editions.nameHint')}
        </p>
      </div>
      <div class="nr-field">
        <label for="edition-locale">{t('editions.locale')}</label>
        <input
          id="edition-locale"
          name="locale"
          type="text"
          required
          maxlength="35"
          autocomplete="off"
          spellcheck="false"
          value={values.locale}
          aria-describedby="edition-locale-hint"
        />
        <p class="nr-hint" id="edition-locale-hint">
          {t('editions.localeHint')}
        </p>
      </div>
      <div class="nr-field">
        <label for="edition-direction">{t('editions.direction')}</label>
        <select id="edition-direction" name="direction" aria-describedby="edition-direction-hint">
          {[DIRECTION_AUTO, 'ltr', 'rtl'].map((d) => (
            <option value={d} selected={d === values.direction}>
              {d === DIRECTION_AUTO ? t('editions.directionAuto') : d === 'rtl' ? t('editions.rtl') : t('editions.ltr')}
            </option>
          ))}
        </select>
        <p class="nr-hint" id="edition-direction-hint">
          {t('editions.directionHint')}
        </p>
      </div>
      <div class="nr-field">
        <label for="edition-zone">{t('editions.timeZone')}</label>
        <select id="edition-zone" name="timeZone" aria-describedby="edition-zone-hint">
          <option value="" selected={values.timeZone === ''} safe>
            {t('editions.siteZone', { zone: props.siteZone })}
          </option>
          {zones.map((zone) => (
            <option value={zone} selected={zone === values.timeZone} safe>
              {zone}
            </option>
          ))}
        </select>
        <p class="nr-hint" id="edition-zone-hint">
          {t('editions.timeZoneHint')}
        </p>
      </div>
      <div class="nr-field">
        <label for="edition-position">{t('editions.position')}</label>
        <input
          id="edition-position"
          name="position"
          type="number"
          inputmode="numeric"
          min="0"
          max={String(POSITION_MAX)}
          required={!props.isNew}
          value={values.position}
          aria-describedby="edition-position-hint"
        />
        <p class="nr-hint" id="edition-position-hint">
          {props.isNew ? t('editions.positionHintNew') : t('editions.positionHint')}
        </p>
      </div>
    </>
  );
}

/** Codes that have their own catalog of interface text: those of the listed editions that do. */
function catalogCodes(editions: readonly ListedEdition[]): string {
  return editions
    .filter((e) => e.hasCatalog)
    .map((e) => e.code)
    .join(', ');
}

/** A template section's name in the newsroom's language (the edition gets it in its own). */
function englishSection(key: (typeof TEMPLATE_SECTIONS)[number]): string {
  return englishCatalog[`template.section.${key}`];
}

/** The form that adds an edition. */
function AddForm(props: EditionsPageProps): JSX.Element {
  const { values } = props;
  return (
    <section class="nr-panel" aria-labelledby="add-heading">
      <h2 id="add-heading" tabindex="-1">
        {t('editions.add')}
      </h2>
      <p>{t('editions.addIntro')}</p>
      <Problems problems={props.problems ?? []} />
      {/* A refused post shows the page again at this form and its problems, not at the top. */}
      <form method="post" action="/newsroom/editions#add-heading" class="nr-form">
        <CsrfField token={props.page.staff!.csrfToken} />
        <div class="nr-field">
          <label for="edition-code">{t('editions.code')}</label>
          <input
            id="edition-code"
            name="code"
            type="text"
            required
            maxlength="12"
            pattern={EDITION_CODE_PATTERN}
            autocomplete="off"
            autocapitalize="none"
            spellcheck="false"
            value={values.code}
            aria-describedby="edition-code-hint edition-catalog-hint"
          />
          <p class="nr-hint" id="edition-code-hint">
            {t('editions.codeHint')}
          </p>
          <p class="nr-hint" id="edition-catalog-hint" safe>
            {t('editions.catalogHint', { codes: catalogCodes(props.editions) })}
          </p>
        </div>
        <SettingsFields values={values} isNew siteZone={props.siteZone} />
        <fieldset class="nr-fieldset" aria-describedby="edition-start-hint">
          <legend>{t('editions.startWith')}</legend>
          <p class="nr-hint" id="edition-start-hint">
            {t('editions.startHint')}
          </p>
          {TEMPLATE_SECTIONS.map((key) => (
            <div class="nr-field-check">
              <input
                id={`edition-section-${key}`}
                type="checkbox"
                name="sections"
                value={key}
                checked={values.sections.includes(key)}
              />
              <label for={`edition-section-${key}`} safe>
                {t('editions.templateSection', { section: englishSection(key) })}
              </label>
            </div>
          ))}
          <div class="nr-field-check">
            <input id="edition-profile" type="checkbox" name="companyProfile" checked={values.companyProfile} />
            <label for="edition-profile">{t('editions.templateProfile')}</label>
          </div>
        </fieldset>
        <div class="nr-field-check">
          <input
            id="edition-open"
            type="checkbox"
            name="openNow"
            checked={values.openNow}
            aria-describedby="edition-open-hint"
          />
          <label for="edition-open">{t('editions.openNow')}</label>
        </div>
        <p class="nr-hint" id="edition-open-hint">
          {t('editions.openNowHint')}
        </p>
        <p>
          <button type="submit" class="nr-button nr-button-primary">
            {t('editions.create')}
          </button>
        </p>
      </form>
    </section>
  );
}

export interface EditionPageProps {
  readonly page: NewsroomPage;
  readonly edition: ListedEdition;
  /** Whether it is the only active edition (it cannot be deactivated). */
  readonly isLastActive: boolean;
  /** The settings form's values: what was posted after a refusal, else the edition's own. */
  readonly values: EditionFormValues;
  /** The site's own zone (Settings), what an edition without one uses. */
  readonly siteZone: string;
  readonly problems?: readonly string[];
  /** Which form the problems are about. */
  readonly problemsAt?: 'settings' | 'active';
  readonly notice?: string;
}

function ActivePanel(props: EditionPageProps): JSX.Element {
  const { edition } = props;
  const blocked = edition.isActive && (edition.isDefault || props.isLastActive);
  return (
    <section class="nr-panel" aria-labelledby="active-heading">
      <h2 id="active-heading">{t('editions.activeTitle')}</h2>
      {props.problemsAt === 'active' && <Problems problems={props.problems ?? []} />}
      <p>{edition.isActive ? t('editions.isActive') : t('editions.isInactive')}</p>
      {blocked ? (
        <p class="nr-hint">{edition.isDefault ? t('editions.defaultHint') : t('editions.lastHint')}</p>
      ) : (
        <form
          method="post"
          action={`${editionPath(edition.code)}/${edition.isActive ? 'deactivate' : 'activate'}`}
          class="nr-form"
        >
          <CsrfField token={props.page.staff!.csrfToken} />
          <p class="nr-hint">{edition.isActive ? t('editions.deactivateHint') : t('editions.activateHint')}</p>
          <p>
            <button type="submit" class={edition.isActive ? 'nr-button nr-button-danger' : 'nr-button'}>
              {edition.isActive ? t('editions.deactivate') : t('editions.activate')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}

/** /newsroom/editions/:code: one edition. */
export function EditionPage(props: EditionPageProps): JSX.Element {
  const { edition } = props;
  const title = `${edition.name} (${edition.code})`;
  return (
    <NewsroomLayout {...props.page} title={title}>
      <p>
        <a class="nr-solo-link" href="/newsroom/editions">
          {t('editions.back')}
        </a>
      </p>
      <h1>
        <OwnName edition={edition} /> <span safe>{`(${edition.code})`}</span>
      </h1>
      <Notice text={props.notice} />
      <dl class="nr-panel nr-details">
        <div>
          <dt>{t('editions.address')}</dt>
          <dd>
            {edition.isActive ? (
              <a href={`/${encodeURIComponent(edition.code)}`} safe>
                {`/${edition.code}`}
              </a>
            ) : (
              <span safe>{`/${edition.code}`}</span>
            )}{' '}
            <span class="nr-meta">{t('editions.codeFixed')}</span>
          </dd>
        </div>
        <div>
          <dt>{t('editions.status')}</dt>
          <dd safe>{statusText(edition)}</dd>
        </div>
        <div>
          <dt>{t('editions.published')}</dt>
          <dd safe>{counts.format(edition.published)}</dd>
        </div>
        <div>
          <dt>{t('editions.interface')}</dt>
          <dd>{edition.hasCatalog ? t('editions.ownCatalog') : t('editions.catalogFallback')}</dd>
        </div>
        <div>
          <dt>{t('editions.timeZone')}</dt>
          <dd safe>{edition.timeZone ?? t('editions.siteZone', { zone: props.siteZone })}</dd>
        </div>
      </dl>
      <section class="nr-panel" aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t('editions.settings')}</h2>
        {props.problemsAt !== 'active' && <Problems problems={props.problems ?? []} />}
        <form method="post" action={editionPath(edition.code)} class="nr-form">
          <CsrfField token={props.page.staff!.csrfToken} />
          <SettingsFields values={props.values} isNew={false} siteZone={props.siteZone} />
          <p>
            <button type="submit" class="nr-button nr-button-primary">
              {t('form.save')}
            </button>
          </p>
        </form>
      </section>
      <ActivePanel {...props} />
    </NewsroomLayout>
  );
}
