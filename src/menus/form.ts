// Reading the menu form: its items (label, link, position number), the new item, and the button
// pressed (save, or move up, move down or remove one item). The items are put in the order
// their position numbers say, the button's step is applied, and every problem is listed at once.
import { newsroomText as t } from '../newsroom/index.ts';
import type { NavLink } from '../core/views/site.ts';
import { LABEL_MAX, MENU_MAX_ITEMS, isMenuHref } from './commands.ts';

/** The largest position number the form takes (anything past the end means "last"). */
export const POSITION_MAX = 999;
/** Items read from one post, at most (a few more than a menu holds, to say it is too many). */
const POSTED_MAX = MENU_MAX_ITEMS + 10;

/** One item as posted: `index` is its place when the form was shown ('new': the new item). */
export interface PostedItem {
  readonly index: number | 'new';
  readonly label: string;
  readonly href: string;
  readonly position: string;
}

/** What a button asks for. */
export type MenuAction =
  { readonly kind: 'save' } | { readonly kind: 'up' | 'down' | 'remove'; readonly index: number };

/** The posted form. */
export interface MenuForm {
  readonly items: readonly PostedItem[];
  readonly added: PostedItem;
  readonly action: MenuAction;
}

function text(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** The posted menu form. */
export function readMenuForm(body: unknown): MenuForm {
  const count = Math.min(POSTED_MAX, /^\d{1,3}$/.test(text(body, 'count')) ? Number(text(body, 'count')) : 0);
  const items: PostedItem[] = [];
  for (let index = 0; index < count; index++) {
    items.push({
      index,
      label: text(body, `label-${index}`),
      href: text(body, `href-${index}`),
      position: text(body, `position-${index}`),
    });
  }
  const added = {
    index: 'new',
    label: text(body, 'label-new'),
    href: text(body, 'href-new'),
    position: text(body, 'position-new'),
  } as const;
  const match = /^(up|down|remove)-(\d{1,3})$/.exec(text(body, 'action'));
  const action: MenuAction = match
    ? { kind: match[1] as 'up' | 'down' | 'remove', index: Number(match[2]) }
    : { kind: 'save' };
  return { items, added, action };
}

/** Stored links as the form's items. */
export function itemsOf(links: readonly NavLink[]): PostedItem[] {
  return links.map((l, index) => ({ index, label: l.label, href: l.href, position: String(index + 1) }));
}

/** The result of a post: the menu to save, and where the item a button acted on ended up. */
export type Arranged =
  | { readonly links: NavLink[]; readonly at: number | undefined; readonly problems: [] }
  | { readonly links: undefined; readonly at: undefined; readonly problems: string[] };

function isBlank(item: PostedItem): boolean {
  return item.label.trim() === '' && item.href.trim() === '' && (item.index !== 'new' || item.position.trim() === '');
}

/**
 * The menu a post asks for. An item's position number places it: one moved up (a number lower
 * than its place) goes before the item that had that number, one moved down after it; a new
 * item without a number goes last. Then the button's move or removal is applied.
 */
export function arrangeMenu(form: MenuForm): Arranged {
  const problems: string[] = [];
  const rows = form.items.filter((i) => !(form.action.kind === 'remove' && i.index === form.action.index));
  if (!isBlank(form.added)) rows.push(form.added);
  const keyed = rows.map((item) => {
    const name = item.index === 'new' ? t('menus.newItem') : t('menus.item', { number: item.index + 1 });
    const label = item.label.trim();
    const href = item.href.trim();
    if (label === '') problems.push(t('menus.problemLabel', { item: name }));
    else if ([...label].length > LABEL_MAX) problems.push(t('menus.problemLabelLong', { item: name, max: LABEL_MAX }));
    if (!isMenuHref(href)) problems.push(t('menus.problemHref', { item: name }));
    const place = item.index === 'new' ? Number.MAX_SAFE_INTEGER : item.index + 1;
    const typed = item.position.trim();
    let position = place;
    if (typed !== '') {
      if (/^\d{1,3}$/.test(typed) && Number(typed) >= 1) position = Number(typed);
      else problems.push(t('menus.problemPosition', { item: name, max: POSITION_MAX }));
    }
    // Ties: an item moved up goes first, one moved down last (a new item counts as moved up).
    const direction = item.index === 'new' ? (typed === '' ? 1 : -1) : Math.sign(position - place);
    return { item, label, href, position, direction, order: item.index === 'new' ? Infinity : item.index };
  });
  if (rows.length > MENU_MAX_ITEMS) problems.push(t('menus.problemTooMany', { max: MENU_MAX_ITEMS }));
  if (problems.length > 0) return { links: undefined, at: undefined, problems };
  keyed.sort((a, b) => a.position - b.position || a.direction - b.direction || a.order - b.order);
  let at: number | undefined;
  const { action } = form;
  if (action.kind === 'up' || action.kind === 'down') {
    const k = keyed.findIndex((r) => r.item.index === action.index);
    if (k >= 0) {
      const to = action.kind === 'up' ? Math.max(0, k - 1) : Math.min(keyed.length - 1, k + 1);
      const [moved] = keyed.splice(k, 1);
      keyed.splice(to, 0, moved!);
      at = to + 1;
    }
  }
  return { links: keyed.map((r) => ({ label: r.label, href: r.href })), at, problems: [] };
}
