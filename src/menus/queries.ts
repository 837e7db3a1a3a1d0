// Reading navigation menus.
import type { Kysely } from 'kysely';
import type { Database } from '../core/db/schema.ts';
import type { NavLink } from '../core/views/site.ts';

/** The items of one edition's named menu, in order. */
export async function listMenuLinks(db: Kysely<Database>, edition: string, name: string): Promise<NavLink[]> {
  return db
    .selectFrom('menu_items')
    .innerJoin('menus', 'menus.id', 'menu_items.menu_id')
    .select(['menu_items.label', 'menu_items.href'])
    .where('menus.edition', '=', edition)
    .where('menus.name', '=', name)
    .orderBy('menu_items.position')
    .execute();
}

/** An edition's menus by name, with how many items each has. */
export async function listMenus(db: Kysely<Database>, edition: string): Promise<{ name: string; items: number }[]> {
  const rows = await db
    .selectFrom('menus')
    .leftJoin('menu_items', 'menu_items.menu_id', 'menus.id')
    .select(['menus.name'])
    .select((eb) => eb.fn.count<number | string>('menu_items.id').as('items'))
    .where('menus.edition', '=', edition)
    .groupBy('menus.name')
    .orderBy('menus.name')
    .execute();
  return rows.map((r) => ({ name: r.name, items: Number(r.items) }));
}
