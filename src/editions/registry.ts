// The active editions and their main menus, held in memory: every page needs them and they
// change rarely. The editions domain reloads them on the edition.changed and menu.changed
// events, which reach every app process, and the settings domain on settings.changed (an
// edition's translator answers the site name saved for it; its formats use the site's zone).
import type { Kysely } from 'kysely';
import type { Database } from '../core/db/schema.ts';
import type { EditionInfo, NavLink } from '../core/views/site.ts';
import { listMenuLinks } from '../menus/index.ts';
import { createTranslator, formatsFor, type Formats, type Translate } from '../i18n/index.ts';
import type { SiteSettings } from '../settings/index.ts';
import { editionCodeProblem } from './codes.ts';
import { listActiveEditions } from './queries.ts';

/** An edition with its translator and formatters, made once. */
export interface Edition extends EditionInfo {
  /** The zone its pages write dates in: its own, else the site's. */
  readonly timeZone: string;
  readonly t: Translate;
  readonly f: Formats;
}

/** A translator that answers the site's name from the settings, when one was saved for the edition. */
function withSiteName(t: Translate, siteName: string | undefined): Translate {
  if (siteName === undefined) return t;
  return (key, vars) => (key === 'site.name' ? siteName : t(key, vars));
}

/** Looks editions up by code without touching the database. */
export class EditionRegistry {
  private byCode = new Map<string, Edition>();
  private list: Edition[] = [];
  private menus = new Map<string, readonly NavLink[]>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly settings: Pick<SiteSettings, 'timezone' | 'siteName'>,
  ) {}

  /** Re-reads the editions table. */
  async reload(): Promise<void> {
    // A code the app uses for its own paths can never serve an edition (it would be unreachable).
    const rows = (await listActiveEditions(this.db)).filter((e) => editionCodeProblem(e.code) === undefined);
    this.list = rows.map((e) => {
      const timeZone = e.timeZone ?? this.settings.timezone;
      const t = withSiteName(createTranslator(e.code, e.locale), this.settings.siteName(e.code));
      return { ...e, timeZone, t, f: formatsFor(e.locale, timeZone) };
    });
    this.byCode = new Map(this.list.map((e) => [e.code, e]));
    await this.reloadMenus();
  }

  /** Re-reads the main menus (all editions, or one). */
  async reloadMenus(code?: string): Promise<void> {
    const codes = code === undefined ? this.list.map((e) => e.code) : [code];
    const next = new Map(code === undefined ? [] : this.menus);
    for (const c of codes) next.set(c, await listMenuLinks(this.db, c, 'main'));
    this.menus = next;
  }

  /** An edition's main menu, as last loaded. */
  menu(code: string): readonly NavLink[] {
    return this.menus.get(code) ?? [];
  }

  get(code: string): Edition | undefined {
    return this.byCode.get(code);
  }

  all(): readonly Edition[] {
    return this.list;
  }
}
