// Site settings: what every page reads (name, logo, time zone, default edition) and the key/value
// store other domains keep their own settings in.
export { getSetting, setSetting, writeSetting, SETTINGS_EVENTS } from './store.ts';
export {
  SiteSettings,
  SITE_SETTINGS_KEY,
  type LogoLoader,
  type SiteDefaults,
  type SiteSettingsValues,
} from './site-settings.ts';
export { saveSiteSettings, SITE_NAME_MAX, type SiteSettingsInput } from './commands.ts';
