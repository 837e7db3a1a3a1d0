// Reordering a menu's items by dragging (pointer events: mouse, touch and pen alike) or by the
// arrow keys on an item's handle. The form works without this: each move here renumbers the
// items' position fields, so saving the form saves the order shown, and says the move aloud.
// Every text comes from the page (data-* attributes); no inline style is set (the CSP).

const KEYS: Readonly<Record<string, -1 | 1>> = { ArrowUp: -1, ArrowDown: 1 };

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function itemsOf(list: HTMLElement): HTMLElement[] {
  return [...list.querySelectorAll<HTMLElement>(':scope > [data-menu-item]')];
}

function labelOf(item: HTMLElement, list: HTMLElement): string {
  const input = item.querySelector<HTMLInputElement>('[data-item-label]');
  const text = input?.value.trim();
  return text || fill(list.dataset.itemLegend ?? '', { number: itemsOf(list).indexOf(item) + 1 });
}

/** Gives each item its place: the position field, the legend, the handle's name. */
function renumber(list: HTMLElement): void {
  const items = itemsOf(list);
  items.forEach((item, k) => {
    const position = item.querySelector<HTMLInputElement>('[data-item-position]');
    if (position) position.value = String(k + 1);
    const legend = item.querySelector('legend');
    if (legend && list.dataset.itemLegend) legend.textContent = fill(list.dataset.itemLegend, { number: k + 1 });
    const handle = item.querySelector<HTMLButtonElement>('.nr-drag-handle');
    if (handle) handle.setAttribute('aria-label', fill(list.dataset.handleLabel ?? '', { label: labelOf(item, list) }));
  });
}

function announce(list: HTMLElement, item: HTMLElement): void {
  const status = document.getElementById('menu-order-status');
  if (!status) return;
  const items = itemsOf(list);
  status.textContent = fill(list.dataset.moved ?? '', {
    label: labelOf(item, list),
    position: items.indexOf(item) + 1,
    count: items.length,
  });
}

/** Moves `item` one place up (-1) or down (1); false at either end. */
function step(list: HTMLElement, item: HTMLElement, by: -1 | 1): boolean {
  const items = itemsOf(list);
  const k = items.indexOf(item);
  const other = items[k + by];
  if (!other) return false;
  if (by < 0) list.insertBefore(item, other);
  else list.insertBefore(other, item);
  return true;
}

/** How near the window's top or bottom edge (px) a dragged item scrolls the page, and how fast. */
const EDGE = 48;
const SCROLL_STEP = 12;

/**
 * Drags `item` by its handle: it takes the place of the items the pointer passes. Near the
 * window's top or bottom edge the page scrolls, so a long menu can be crossed in one drag.
 */
function dragWith(list: HTMLElement, item: HTMLElement, handle: HTMLElement, down: PointerEvent): void {
  if (down.button !== 0) return;
  down.preventDefault();
  item.classList.add('is-dragging');
  list.classList.add('is-sorting');
  const start = itemsOf(list).indexOf(item);
  let pointerY = down.clientY;
  let frame = 0;
  const place = () => {
    const others = itemsOf(list).filter((i) => i !== item);
    const before = others.find((i) => {
      const box = i.getBoundingClientRect();
      return pointerY < box.top + box.height / 2;
    });
    if (before && before !== item.nextElementSibling) list.insertBefore(item, before);
    else if (!before && list.lastElementChild !== item) list.appendChild(item);
  };
  const scroll = () => {
    const by = pointerY < EDGE ? -SCROLL_STEP : pointerY > window.innerHeight - EDGE ? SCROLL_STEP : 0;
    if (by === 0) {
      frame = 0;
      return;
    }
    window.scrollBy(0, by);
    place();
    frame = requestAnimationFrame(scroll);
  };
  // Listened for on the document: moving the item in the document ends any pointer capture.
  const move = (event: PointerEvent) => {
    if (event.pointerId !== down.pointerId) return;
    pointerY = event.clientY;
    place();
    if (frame === 0) frame = requestAnimationFrame(scroll);
  };
  const end = (event: PointerEvent) => {
    if (event.pointerId !== down.pointerId) return;
    cancelAnimationFrame(frame);
    document.removeEventListener('pointermove', move);
    document.removeEventListener('pointerup', end);
    document.removeEventListener('pointercancel', end);
    item.classList.remove('is-dragging');
    list.classList.remove('is-sorting');
    if (itemsOf(list).indexOf(item) !== start) {
      renumber(list);
      announce(list, item);
    }
    handle.focus();
  };
  document.addEventListener('pointermove', move);
  document.addEventListener('pointerup', end);
  document.addEventListener('pointercancel', end);
}

function enhance(list: HTMLElement): void {
  list.setAttribute('data-menu-order-active', '');
  for (const item of itemsOf(list)) {
    const handle = document.createElement('button');
    handle.type = 'button';
    handle.className = 'nr-drag-handle';
    handle.setAttribute('aria-describedby', 'menu-order-help');
    handle.addEventListener('pointerdown', (event) => dragWith(list, item, handle, event));
    handle.addEventListener('keydown', (event) => {
      const by = KEYS[event.key];
      if (!by) return;
      event.preventDefault();
      if (!step(list, item, by)) return;
      renumber(list);
      // Moving an element in the document takes the focus away from it: give it back.
      handle.focus();
      announce(list, item);
    });
    handle.setAttribute('aria-label', fill(list.dataset.handleLabel ?? '', { label: labelOf(item, list) }));
    item.prepend(handle);
  }
  document.getElementById('menu-order-help')?.removeAttribute('hidden');
  // After a Move button's post, the focus goes back to that button of the moved item: once the
  // page has loaded, as scrolling to the address's #item-N fragment would take it away again.
  const focus = list.dataset.focus ? document.getElementById(list.dataset.focus) : null;
  if (!focus) return;
  if (document.readyState === 'complete') focus.focus();
  else window.addEventListener('load', () => requestAnimationFrame(() => focus.focus()), { once: true });
}

/** Enhances every menu list of the page. */
export function enhanceMenuOrder(root: ParentNode = document): void {
  for (const list of root.querySelectorAll<HTMLElement>('[data-menu-order]:not([data-menu-order-active])'))
    enhance(list);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => enhanceMenuOrder());
else enhanceMenuOrder();
