// The editions every Warta site starts with, and its main menus.
import type { Kysely } from 'kysely';
import type { Database } from '../src/core/db/schema.ts';
import type { NavLink } from '../src/core/views/site.ts';
import { createTranslator } from '../src/i18n/index.ts';

/** English and Indonesian are complete; Arabic shows the right-to-left layout. */
export const EDITIONS = [
  { code: 'en', name: 'English', locale: 'en-GB', direction: 'ltr' },
  { code: 'id', name: 'Bahasa Indonesia', locale: 'id-ID', direction: 'ltr' },
  { code: 'ar', name: 'العربية', locale: 'ar', direction: 'rtl' },
] as const;

/** Inserts the editions that are missing; returns true when the table was empty (first start). */
export async function seedEditions(db: Kysely<Database>): Promise<boolean> {
  const existing = await db.selectFrom('editions').select('code').execute();
  const have = new Set(existing.map((e) => e.code));
  for (const [position, e] of EDITIONS.entries()) {
    if (have.has(e.code)) continue;
    await db
      .insertInto('editions')
      .values({ ...e, position, is_active: 1 })
      .execute();
  }
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

/** Replaces an edition's main menu with the given links. */
export async function replaceMainMenu(db: Kysely<Database>, edition: string, links: readonly NavLink[]): Promise<void> {
  let menu = await db
    .selectFrom('menus')
    .select('id')
    .where('edition', '=', edition)
    .where('name', '=', 'main')
    .executeTakeFirst();
  if (!menu) {
    menu = await db.insertInto('menus').values({ edition, name: 'main' }).returning('id').executeTakeFirstOrThrow();
  }
  await db.deleteFrom('menu_items').where('menu_id', '=', menu.id).execute();
  if (links.length === 0) return;
  await db
    .insertInto('menu_items')
    .values(links.map((l, position) => ({ menu_id: menu.id, position, label: l.label, href: l.href })))
    .execute();
}

/** Editions plus their menus: what an empty site needs to render. */
export async function seedBase(db: Kysely<Database>): Promise<boolean> {
  const isFirst = await seedEditions(db);
  if (isFirst) {
    for (const e of EDITIONS) await replaceMainMenu(db, e.code, sectionLinks(e.code, e.locale));
  }
  return isFirst;
}
