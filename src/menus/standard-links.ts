// The links every edition's main menu ends with: the radio, the programs, the Company Profile
// (once the edition has one) and the Zona Integritas, named in the edition's language. The seed
// and a new edition's template start the menu with them; the newsroom edits it from there.
import type { Translate } from '../i18n/index.ts';
import type { NavLink } from '../core/views/site.ts';

/** The standard links of an edition's main menu, after its news sections. */
export function standardMenuLinks(code: string, t: Translate, companyProfilePath?: string): NavLink[] {
  const links: NavLink[] = [
    { label: t('section.live'), href: `/${code}/live` },
    { label: t('section.programs'), href: `/${code}/programs` },
  ];
  if (companyProfilePath) links.push({ label: t('section.profile'), href: companyProfilePath });
  links.push({ label: t('section.integrity'), href: `/${code}/integrity` });
  return links;
}
