// /newsroom/settings: the site's name in each edition, its logo, its time zone and the edition the
// root address leads to. A plain form: it works without a script.
import type { SiteLogo } from '../../core/views/site.ts';
import {
  CsrfField,
  newsroomText as t,
  NewsroomLayout,
  Notice,
  Problems,
  type NewsroomPage,
} from '../../newsroom/index.ts';
import { SITE_NAME_MAX } from '../commands.ts';
import { SettingsTabs, SITE_SETTINGS_PATH } from '../../newsroom/index.ts';

/** An active edition as the form lists it, with the name its catalog gives the site. */
export interface EditionChoice {
  readonly code: string;
  readonly name: string;
  readonly locale: string;
  readonly direction: 'ltr' | 'rtl';
  readonly catalogSiteName: string;
}

/** The form's fields as text (what was saved, or what was sent back with problems). */
export interface SiteSettingsForm {
  readonly siteNames: Readonly<Record<string, string>>;
  readonly logoMediaId: string;
  readonly timezone: string;
  readonly defaultEdition: string;
}

/** The settings page. */
export function SiteSettingsPage(props: {
  page: NewsroomPage;
  editions: readonly EditionChoice[];
  timeZones: readonly string[];
  form: SiteSettingsForm;
  logo: SiteLogo | undefined;
  problems: readonly string[];
  notice?: string;
}): JSX.Element {
  const { form } = props;
  const staff = props.page.staff!;
  // A saved zone this server's Intl no longer lists (an alias) is still offered, selected.
  const zones = props.timeZones.includes(form.timezone) ? props.timeZones : [form.timezone, ...props.timeZones];
  return (
    <NewsroomLayout {...props.page} title={t('settings.title')}>
      <h1>{t('settings.title')}</h1>
      <SettingsTabs current="site" />
      <div class="nr-panel nr-settings">
        <Problems problems={props.problems} />
        <Notice text={props.notice} />
        <form method="post" action={SITE_SETTINGS_PATH} class="nr-form">
          <CsrfField token={staff.csrfToken} />
          <fieldset class="nr-fieldset">
            <legend>{t('settings.siteNames')}</legend>
            <p class="nr-hint">{t('settings.siteNamesHint')}</p>
            {props.editions.map((e) => (
              <div class="nr-field">
                <label for={`siteName-${e.code}`} lang={e.locale} dir={e.direction} safe>
                  {e.name}
                </label>
                <input
                  id={`siteName-${e.code}`}
                  name={`siteName.${e.code}`}
                  type="text"
                  lang={e.locale}
                  dir={e.direction}
                  maxlength={String(SITE_NAME_MAX)}
                  value={form.siteNames[e.code] ?? ''}
                  placeholder={e.catalogSiteName}
                />
              </div>
            ))}
          </fieldset>

          <fieldset class="nr-fieldset">
            <legend>{t('settings.logo')}</legend>
            {props.logo ? (
              <p class="nr-settings-logo">
                <img
                  src={props.logo.src}
                  srcset={props.logo.srcset}
                  sizes="200px"
                  width={String(props.logo.width)}
                  height={String(props.logo.height)}
                  alt={t('settings.logoCurrent')}
                />
              </p>
            ) : (
              <p class="nr-hint">{t('settings.logoNone')}</p>
            )}
            <div class="nr-field">
              <label for="logoMediaId">{t('settings.logoNumber')}</label>
              <input
                id="logoMediaId"
                name="logoMediaId"
                type="text"
                inputmode="numeric"
                pattern="[0-9]*"
                value={form.logoMediaId}
                aria-describedby="logo-hint"
              />
              <p class="nr-hint" id="logo-hint">
                {t('settings.logoHint')} <a href="/newsroom/media">{t('settings.logoLibrary')}</a>
              </p>
            </div>
          </fieldset>

          <div class="nr-field">
            <label for="timezone">{t('settings.timezone')}</label>
            <select id="timezone" name="timezone" aria-describedby="timezone-hint">
              {zones.map((zone) => (
                <option value={zone} selected={zone === form.timezone} safe>
                  {zone.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
            <p class="nr-hint" id="timezone-hint">
              {t('settings.timezoneHint')}
            </p>
          </div>

          <div class="nr-field">
            <label for="defaultEdition">{t('settings.defaultEdition')}</label>
            <select id="defaultEdition" name="defaultEdition" aria-describedby="default-edition-hint">
              {props.editions.map((e) => (
                <option value={e.code} selected={e.code === form.defaultEdition} safe>
                  {`${e.name} (${e.code})`}
                </option>
              ))}
            </select>
            <p class="nr-hint" id="default-edition-hint">
              {t('settings.defaultEditionHint')}
            </p>
          </div>

          <button type="submit" class="nr-button nr-button-primary">
            {t('form.save')}
          </button>
        </form>
      </div>
    </NewsroomLayout>
  );
}
