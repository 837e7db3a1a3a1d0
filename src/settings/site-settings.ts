// The site's own settings, which every page reads: its name in each edition, its logo, its time
// zone and the edition `/` leads to. Held in memory (a page never queries them); the settings
// domain reloads them in every process on 'settings.changed'. A value never saved falls back to
// the deployment's configuration (WARTA_TIMEZONE, WARTA_DEFAULT_EDITION) or the message catalog.
import type { Kysely } from 'kysely';
import { isTimeZone } from '../core/config.ts';
import type { Database } from '../core/db/schema.ts';
import type { SiteLogo } from '../core/views/site.ts';
import { getSetting } from './store.ts';

/** The settings row that holds them (one JSON object, saved in one command). */
export const SITE_SETTINGS_KEY = 'site';

/** What the settings page saves. */
export interface SiteSettingsValues {
  /** The site's name per edition code; an edition missing here uses its catalog's name. */
  readonly siteNames: Readonly<Record<string, string>>;
  /** A library image shown as the masthead's mark and the publisher's logo; null: the built-in mark. */
  readonly logoMediaId: number | null;
  /** An IANA time zone: dates on pages, scheduling, the day reads are counted in. */
  readonly timezone: string;
  /** The edition the site's root address leads to. */
  readonly defaultEdition: string;
}

/** What a deployment configures, used until an administrator saves a value. */
export interface SiteDefaults {
  readonly timezone: string;
  readonly defaultEdition: string;
}

/** Turns a stored image id into the logo a page shows (undefined when the image is gone). */
export type LogoLoader = (mediaId: number) => Promise<SiteLogo | undefined>;

/** The settings as last loaded. */
export class SiteSettings {
  private current: SiteSettingsValues;
  private logoImage: SiteLogo | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly defaults: SiteDefaults,
    private readonly loadLogo: LogoLoader,
  ) {
    this.current = { siteNames: {}, logoMediaId: null, ...defaults };
  }

  /** Re-reads the stored settings (at start, and on every 'settings.changed'). */
  async reload(): Promise<void> {
    const next = readValues(await getSetting(this.db, SITE_SETTINGS_KEY), this.defaults);
    const logo = next.logoMediaId === null ? undefined : await this.loadLogo(next.logoMediaId);
    // Both at once, after every await: a page never sees a new name beside an old logo.
    this.current = next;
    this.logoImage = logo;
  }

  get values(): SiteSettingsValues {
    return this.current;
  }

  get timezone(): string {
    return this.current.timezone;
  }

  get defaultEdition(): string {
    return this.current.defaultEdition;
  }

  /** The saved name of the site in an edition, or undefined for the catalog's. */
  siteName(edition: string): string | undefined {
    return this.current.siteNames[edition];
  }

  /** The logo, when one is set and its image still exists. */
  get logo(): SiteLogo | undefined {
    return this.logoImage;
  }
}

/**
 * The stored object read leniently: a value that does not fit (written by an older version, or
 * by hand) is replaced by its default rather than breaking every page. The command that saves
 * them validates strictly.
 */
export function readValues(stored: unknown, defaults: SiteDefaults): SiteSettingsValues {
  const o = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const names: Record<string, string> = {};
  if (o.siteNames && typeof o.siteNames === 'object') {
    for (const [code, name] of Object.entries(o.siteNames as Record<string, unknown>)) {
      if (typeof name === 'string' && name.trim() !== '') names[code] = name;
    }
  }
  return {
    siteNames: names,
    logoMediaId: typeof o.logoMediaId === 'number' && Number.isSafeInteger(o.logoMediaId) ? o.logoMediaId : null,
    timezone: typeof o.timezone === 'string' && isTimeZone(o.timezone) ? o.timezone : defaults.timezone,
    defaultEdition:
      typeof o.defaultEdition === 'string' && o.defaultEdition ? o.defaultEdition : defaults.defaultEdition,
  };
}
