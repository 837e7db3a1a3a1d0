// The editions every Warta site starts with, and its main menus, made through the editions'
// and menus' commands like any later change.
import type { WriteContext } from '../src/core/events/index.ts';
import type { NavLink } from '../src/core/views/site.ts';
import { addEdition } from '../src/editions/commands.ts';
import { createTranslator } from '../src/i18n/index.ts';
import { replaceMenu } from '../src/menus/index.ts';

/** English and Indonesian are complete; Arabic shows the right-to-left layout. */
export const EDITIONS = [
  { code: 'en', name: 'English', locale: 'en-GB', direction: 'ltr' },
  { code: 'id', name: 'Bahasa Indonesia', locale: 'id-ID', direction: 'ltr' },
  { code: 'ar', name: 'العربية', locale: 'ar', direction: 'rtl' },
] as const;

/** Adds the editions that are missing; returns true when there were none (first start). */
export async function seedEditions(w: WriteContext): Promise<boolean> {
  const existing = await w.db.selectFrom('editions').select('code').limit(1).execute();
  for (const [position, e] of EDITIONS.entries()) await addEdition(w, { ...e, position });
  return existing.length === 0;
}

/** The three sections every edition links to before any content exists. */
export function sectionLinks(code: string, locale: string, companyProfilePath?: string): NavLink[] {
  const t = createTranslator(code, locale);
  const links: NavLink[] = [
    { label: t('section.live'), href: `/${code}/live` },
    { label: t('section.programs'), href: `/${code}/programs` },
  ];
  if (companyProfilePath) links.push({ label: t('section.profile'), href: companyProfilePath });
  links.push({ label: t('section.integrity'), href: `/${code}/integrity` });
  return links;
}

/** Editions plus their menus: what an empty site needs to render. */
export async function seedBase(w: WriteContext): Promise<boolean> {
  const isFirst = await seedEditions(w);
  if (isFirst) {
    for (const e of EDITIONS) await replaceMenu(w, e.code, 'main', sectionLinks(e.code, e.locale));
  }
  return isFirst;
}
