// Writing menus: an edition's named menu is replaced as a whole, as an editor saves it.
import { z } from 'zod';
import { runCommand, type WriteContext } from '../core/events/index.ts';
import { parseInput } from '../core/validation.ts';
import type { NavLink } from '../core/views/site.ts';
import './events.ts';

/** The most items a menu holds. */
export const MENU_MAX_ITEMS = 50;
/** The longest label. */
export const LABEL_MAX = 80;
const HREF_MAX = 500;
/** A path of this site: one leading slash (never "//host" or "/\host"), no spaces or controls. */
const SITE_PATH = /^\/(?![/\\])[^\s\\\p{Cc}]*$/u;

/**
 * Whether a menu may link to `href`: a path of this site, or an https address without
 * credentials. Never javascript:, data:, plain http: or a protocol-relative "//host".
 */
export function isMenuHref(href: string): boolean {
  if (href.length === 0 || href.length > HREF_MAX) return false;
  if (href.startsWith('/')) return SITE_PATH.test(href);
  if (!/^https:\/\/[^/\\]/i.test(href)) return false;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

const links = z
  .array(
    z.strictObject({
      label: z.string().trim().min(1, 'is required').max(LABEL_MAX, `is longer than ${LABEL_MAX} characters`),
      href: z.string().trim().refine(isMenuHref, 'must be a path starting with / or an https address'),
    }),
  )
  .max(MENU_MAX_ITEMS, `has more than ${MENU_MAX_ITEMS} items`);

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
