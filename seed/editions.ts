// The editions every Warta site starts with, and its main menus, made through the editions'
// and menus' commands like any later change.
import type { WriteContext } from '../src/core/events/index.ts';
import type { NavLink } from '../src/core/views/site.ts';
import { addEdition } from '../src/editions/commands.ts';
import { createTranslator } from '../src/i18n/index.ts';
import { replaceMenu, standardMenuLinks } from '../src/menus/index.ts';

/**
 * Each named in its own language and script (the edition switcher shows these names). Every one
 * has an interface catalog (src/i18n/catalogs); an edition added later in the newsroom may not.
 */
export const EDITIONS = [
  { code: 'en', name: 'English', locale: 'en-GB', direction: 'ltr' },
  { code: 'id', name: 'Bahasa Indonesia', locale: 'id-ID', direction: 'ltr' },
  { code: 'ar', name: 'العربية', locale: 'ar', direction: 'rtl' },
  { code: 'fr', name: 'Français', locale: 'fr-FR', direction: 'ltr' },
  { code: 'de', name: 'Deutsch', locale: 'de-DE', direction: 'ltr' },
  { code: 'es', name: 'Español', locale: 'es-ES', direction: 'ltr' },
  { code: 'zh', name: '中文', locale: 'zh-CN', direction: 'ltr' },
  { code: 'ja', name: '日本語', locale: 'ja-JP', direction: 'ltr' },
] as const;

/** Adds the editions that are missing; returns true when there were none (first start). */
export async function seedEditions(w: WriteContext): Promise<boolean> {
  const existing = await w.db.selectFrom('editions').select('code').limit(1).execute();
  for (const [position, e] of EDITIONS.entries()) await addEdition(w, { ...e, position });
  return existing.length === 0;
}

/** The sections every edition links to before any content exists. */
export function sectionLinks(code: string, locale: string, companyProfilePath?: string): NavLink[] {
  return standardMenuLinks(code, createTranslator(code, locale), companyProfilePath);
}

/** Editions plus their menus: what an empty site needs to render. */
export async function seedBase(w: WriteContext): Promise<boolean> {
  const isFirst = await seedEditions(w);
  if (isFirst) {
    for (const e of EDITIONS) await replaceMenu(w, e.code, 'main', sectionLinks(e.code, e.locale));
  }
  return isFirst;
}
