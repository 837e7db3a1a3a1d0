// Writing menus: an edition's named menu is replaced as a whole, as an editor saves it.
import { z } from 'zod';
import { runCommand, type WriteContext } from '../core/events/index.ts';
import { parseInput } from '../core/validation.ts';
import type { NavLink } from '../core/views/site.ts';
import './events.ts';

const links = z
  .array(
    z.strictObject({
      label: z.string().trim().min(1, 'is required').max(80, 'is longer than 80 characters'),
      // A path in the site, or an http(s) address elsewhere: never javascript: and the like.
      href: z
        .string()
        .trim()
        .max(500, 'is longer than 500 characters')
        .regex(/^(\/(?!\/)|https?:\/\/)/, 'must be a path starting with / or an http(s) address'),
    }),
  )
  .max(50, 'has more than 50 items');

/** Replaces the links of an edition's named menu (creating the menu if needed). */
export async function replaceMenu(
  w: WriteContext,
  edition: string,
  name: string,
  raw: readonly NavLink[],
): Promise<void> {
  const items = parseInput(links, raw);
  await runCommand(w, async (trx, emit) => {
    let menu = await trx
      .selectFrom('menus')
      .select('id')
      .where('edition', '=', edition)
      .where('name', '=', name)
      .executeTakeFirst();
    menu ??= await trx.insertInto('menus').values({ edition, name }).returning('id').executeTakeFirstOrThrow();
    await trx.deleteFrom('menu_items').where('menu_id', '=', menu.id).execute();
    if (items.length > 0) {
      await trx
        .insertInto('menu_items')
        .values(items.map((l, position) => ({ menu_id: menu.id, position, label: l.label, href: l.href })))
        .execute();
    }
    await emit('menu.changed', { edition, name });
  });
}
