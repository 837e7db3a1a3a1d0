// The toolbar's buttons: Tiptap's marks and blocks with their own shortcuts, then the link,
// image, audio and embed actions and their shortcuts, then undo and redo.
import type { Editor } from '@tiptap/core';
import type { Labels } from './labels.ts';
import type { ToolbarItem } from './toolbar.ts';
import { focusedChain } from './focus.ts';

/** The actions the toolbar offers beyond Tiptap's own commands; null leaves a button out. */
export interface CustomActions {
  link: () => void;
  image: (() => void) | null;
  audio: () => void;
  embed: () => void;
}

/** A button, and whether its shortcut is ours to register (Tiptap registers its own commands'). */
export type Item = ToolbarItem & { custom?: boolean };

/** The toolbar's buttons, in order, for the editor `get` returns. */
export function toolbarItems(get: () => Editor, labels: Labels, actions: CustomActions): Item[] {
  const chain = () => focusedChain(get());
  const isActive = (name: string, attrs?: Record<string, unknown>) => () => get().isActive(name, attrs);
  const heading = (level: 2 | 3 | 4, label: string): Item => ({
    label,
    glyph: `H${level}`,
    shortcut: `Mod-Alt-${level}`,
    run: () => chain().toggleHeading({ level }).run(),
    isActive: isActive('heading', { level }),
  });
  const items: (Item | null)[] = [
    {
      label: labels.bold,
      glyph: 'B',
      shortcut: 'Mod-b',
      run: () => chain().toggleBold().run(),
      isActive: isActive('bold'),
    },
    {
      label: labels.italic,
      glyph: 'I',
      shortcut: 'Mod-i',
      run: () => chain().toggleItalic().run(),
      isActive: isActive('italic'),
    },
    {
      label: labels.underline,
      glyph: 'U',
      shortcut: 'Mod-u',
      run: () => chain().toggleUnderline().run(),
      isActive: isActive('underline'),
    },
    {
      label: labels.strike,
      glyph: 'S',
      shortcut: 'Mod-Shift-s',
      run: () => chain().toggleStrike().run(),
      isActive: isActive('strike'),
    },
    {
      label: labels.link,
      glyph: 'link',
      shortcut: 'Mod-k',
      run: actions.link,
      isActive: isActive('link'),
      custom: true,
    },
    {
      label: labels.paragraph,
      glyph: '¶',
      shortcut: 'Mod-Alt-0',
      run: () => chain().setParagraph().run(),
      isActive: isActive('paragraph'),
      startsGroup: true,
    },
    heading(2, labels.heading2),
    heading(3, labels.heading3),
    heading(4, labels.heading4),
    {
      label: labels.bulletList,
      glyph: 'bulletList',
      shortcut: 'Mod-Shift-8',
      run: () => chain().toggleBulletList().run(),
      isActive: isActive('bulletList'),
      startsGroup: true,
    },
    {
      label: labels.orderedList,
      glyph: 'orderedList',
      shortcut: 'Mod-Shift-7',
      run: () => chain().toggleOrderedList().run(),
      isActive: isActive('orderedList'),
    },
    {
      label: labels.blockquote,
      glyph: 'blockquote',
      shortcut: 'Mod-Shift-b',
      run: () => chain().toggleBlockquote().run(),
      isActive: isActive('blockquote'),
    },
    actions.image && {
      label: labels.image,
      glyph: 'image',
      shortcut: 'Mod-Alt-p',
      run: actions.image,
      startsGroup: true,
      custom: true,
    },
    {
      label: labels.audio,
      glyph: 'audio',
      shortcut: 'Mod-Alt-a',
      run: actions.audio,
      startsGroup: !actions.image,
      custom: true,
    },
    { label: labels.embed, glyph: 'embed', shortcut: 'Mod-Alt-e', run: actions.embed, custom: true },
    {
      label: labels.undo,
      glyph: 'undo',
      shortcut: 'Mod-z',
      run: () => chain().undo().run(),
      isEnabled: () => get().can().undo(),
      startsGroup: true,
    },
    {
      label: labels.redo,
      glyph: 'redo',
      shortcut: 'Mod-Shift-z',
      run: () => chain().redo().run(),
      isEnabled: () => get().can().redo(),
    },
  ];
  return items.filter((item): item is Item => item !== null);
}
