// The editor's toolbar (WAI-ARIA toolbar pattern): one tab stop, arrow keys (mirrored in
// right-to-left text), Home and End move between buttons, Escape goes back to the text.
// Buttons keep the text's selection when clicked, say their state with aria-pressed and their
// keyboard shortcut with aria-keyshortcuts (shown as a tooltip too).
import { button } from './dialogs.ts';

/** One button. */
export interface ToolbarItem {
  label: string;
  /** Letters shown on the button ("B", "H2"), or the name of one of ICONS. */
  glyph: string;
  /** The shortcut in Tiptap's notation, e.g. `Mod-Shift-b`. */
  shortcut: string;
  run(): void;
  /** For toggles (marks, block types): whether it is on where the selection is. */
  isActive?(): boolean;
  isEnabled?(): boolean;
  /** Starts a new group of buttons (a little space before it). */
  startsGroup?: boolean;
}

/** A toolbar in the page. */
export interface Toolbar {
  element: HTMLElement;
  /** Brings the buttons' pressed and enabled states up to date with the editor. */
  refresh(): void;
  /** Moves focus to the toolbar's current button. */
  focus(): void;
}

const SVG = 'http://www.w3.org/2000/svg';

/** Line drawings on a 24-unit grid, stroked in the text colour. */
const ICONS: Record<string, readonly string[]> = {
  bulletList: ['M9 6h11', 'M9 12h11', 'M9 18h11', 'M4 6h.01', 'M4 12h.01', 'M4 18h.01'],
  orderedList: ['M10 6h10', 'M10 12h10', 'M10 18h10', 'M4 4h1v4', 'M4 8h2', 'M4 14h2l-2 4h2'],
  blockquote: ['M4 9h5v6H4z', 'M9 9c0 5-2 7-5 8', 'M14 9h5v6h-5z', 'M19 9c0 5-2 7-5 8'],
  link: [
    'M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5',
    'M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5',
  ],
  image: ['M4 5h16v14H4z', 'M4 16l5-5 4 4 2-2 5 5', 'M15 9h.01'],
  audio: ['M4 9h4l5-4v14l-5-4H4z', 'M16.5 9a4 4 0 0 1 0 6', 'M19 6.5a8 8 0 0 1 0 11'],
  embed: ['M3 6h18v12H3z', 'M10 9.5v5l4.5-2.5z'],
  undo: ['M9 14 4 9l5-5', 'M4 9h10.5a5.5 5.5 0 0 1 0 11H11'],
  redo: ['M15 14l5-5-5-5', 'M20 9H9.5a5.5 5.5 0 0 0 0 11H13'],
};

/** Icons that point along the line of text, mirrored in right-to-left editions (not digits). */
const DIRECTIONAL = new Set(['bulletList', 'undo', 'redo']);

const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** `Mod-Shift-b` as aria-keyshortcuts wants it: `Control+Shift+B` (`Meta+Shift+B` on Apple). */
export function ariaShortcut(shortcut: string): string {
  return shortcut
    .split('-')
    .map((part) => (part === 'Mod' ? (isMac ? 'Meta' : 'Control') : part.length === 1 ? part.toUpperCase() : part))
    .join('+');
}

/** `Mod-Shift-b` as people read it: `Ctrl+Shift+B`, or `⌘⇧B` on Apple. */
function readableShortcut(shortcut: string): string {
  const names: Record<string, string> = isMac
    ? { Mod: '⌘', Shift: '⇧', Alt: '⌥', Control: '⌃' }
    : { Mod: 'Ctrl', Control: 'Ctrl' };
  const parts = shortcut.split('-').map((part) => names[part] ?? (part.length === 1 ? part.toUpperCase() : part));
  return parts.join(isMac ? '' : '+');
}

function glyph(name: string): Node {
  const paths = ICONS[name];
  if (!paths) {
    // Drawn by CSS from the attribute, as the icons are: the button's name is its label alone.
    const text = document.createElement('span');
    text.className = 'rich-editor__glyph';
    text.dataset.glyph = name;
    text.setAttribute('aria-hidden', 'true');
    return text;
  }
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', `rich-editor__icon${DIRECTIONAL.has(name) ? ' rich-editor__icon--directional' : ''}`);
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of paths) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/** Builds the toolbar; `onEscape` takes focus back to the text. */
export function createToolbar(label: string, items: readonly ToolbarItem[], onEscape: () => void): Toolbar {
  const element = document.createElement('div');
  element.className = 'rich-editor__toolbar';
  element.setAttribute('role', 'toolbar');
  element.setAttribute('aria-label', label);
  element.setAttribute('aria-keyshortcuts', 'Alt+F10');
  let current = 0;

  const buttons = items.map((item, index) => {
    const node = button('', `rich-editor__button${item.startsGroup ? ' rich-editor__button--group' : ''}`);
    node.append(glyph(item.glyph));
    node.setAttribute('aria-label', item.label);
    node.setAttribute('aria-keyshortcuts', ariaShortcut(item.shortcut));
    node.title = readableShortcut(item.shortcut);
    node.tabIndex = index === 0 ? 0 : -1;
    // Clicking must not take focus (and the selection) away from the text being formatted.
    node.addEventListener('mousedown', (event) => event.preventDefault());
    node.addEventListener('click', () => {
      if (node.getAttribute('aria-disabled') !== 'true') item.run();
    });
    node.addEventListener('focus', () => setCurrent(index));
    element.append(node);
    return node;
  });

  const setCurrent = (index: number) => {
    buttons[current]?.setAttribute('tabindex', '-1');
    current = index;
    buttons[current]?.setAttribute('tabindex', '0');
  };
  const moveTo = (index: number) => {
    setCurrent((index + buttons.length) % buttons.length);
    buttons[current]?.focus();
  };

  element.addEventListener('keydown', (event) => {
    const isRtl = getComputedStyle(element).direction === 'rtl';
    const forward = isRtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = isRtl ? 'ArrowRight' : 'ArrowLeft';
    if (event.key === forward) moveTo(current + 1);
    else if (event.key === backward) moveTo(current - 1);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(buttons.length - 1);
    else if (event.key === 'Escape') onEscape();
    else return;
    event.preventDefault();
  });

  return {
    element,
    refresh() {
      items.forEach((item, index) => {
        const node = buttons[index];
        if (!node) return;
        if (item.isActive) node.setAttribute('aria-pressed', String(item.isActive()));
        if (item.isEnabled && !item.isEnabled()) node.setAttribute('aria-disabled', 'true');
        else node.removeAttribute('aria-disabled');
      });
    },
    focus: () => buttons[current]?.focus(),
  };
}
