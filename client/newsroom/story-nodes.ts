// The story's figures as editor nodes: an uploaded image, an audio clip, an embedded post.
// parseHTML and renderHTML read and write exactly the stored markup the sanitiser keeps, so a
// stored body loads and saves unchanged; in the editor each shows as a card with Edit and Remove
// (Enter edits a selected figure), and an embed never loads anything from its provider.
import { Node, type Editor, type NodeViewRenderer } from '@tiptap/core';
import type { DOMOutputSpec, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import { button, element } from './dialogs.ts';
import { detectEmbed, isStoredEmbed } from './embed-provider.ts';
import type { Labels } from './labels.ts';
import { askAudio, askEmbed, askImageDetails, isAudioSource, isMediaPath } from './story-dialogs.ts';
import { focusedChain, focusText } from './focus.ts';

/** What the figure nodes are given. */
export interface StoryNodeOptions {
  labels: Labels;
}

type Attrs = Record<string, unknown>;

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const clean = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const integer = (value: string | null | undefined) => (value && /^\d{1,9}$/.test(value) ? Number(value) : null);

/** An attribute kept in the node and written by renderHTML alone (never copied onto the figure). */
const attr = (parse: (figure: HTMLElement) => unknown, fallback: unknown = '') => ({
  default: fallback,
  rendered: false,
  parseHTML: parse,
});

function captionOf(figure: HTMLElement): string {
  const caption = figure.querySelector(':scope > figcaption')?.cloneNode(true) as HTMLElement | undefined;
  if (!caption) return '';
  for (const credit of caption.querySelectorAll('small.credit')) credit.remove();
  return clean(caption.textContent);
}

const creditOf = (figure: HTMLElement) => clean(figure.querySelector(':scope > figcaption small.credit')?.textContent);

/** The <figcaption>: caption, then the credit in <small>; none when both are empty. */
function figcaption(caption: string, credit: string): DOMOutputSpec[] {
  if (!caption && !credit) return [];
  const parts: (DOMOutputSpec | string)[] = [];
  if (caption) parts.push(credit ? `${caption} ` : caption);
  if (credit) parts.push(['small', { class: 'credit' }, credit]);
  return [['figcaption', {}, ...parts]];
}

/** An uploaded image: <figure class="story-image"><img …><figcaption>…</figcaption></figure>. */
export const StoryImage = Node.create<StoryNodeOptions>({
  name: 'storyImage',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    const img = (figure: HTMLElement) => figure.querySelector(':scope > img');
    return {
      src: attr((figure) => img(figure)?.getAttribute('src') ?? ''),
      alt: attr((figure) => img(figure)?.getAttribute('alt') ?? ''),
      width: attr((figure) => integer(img(figure)?.getAttribute('width')), null),
      height: attr((figure) => integer(img(figure)?.getAttribute('height')), null),
      mediaId: attr((figure) => integer(img(figure)?.getAttribute('data-media-id')), null),
      caption: attr(captionOf),
      credit: attr(creditOf),
    };
  },
  parseHTML() {
    return [
      {
        tag: 'figure.story-image',
        getAttrs: (figure) => isMediaPath(figure.querySelector(':scope > img')?.getAttribute('src') ?? '') && null,
      },
    ];
  },
  renderHTML({ node }) {
    const { src, alt, width, height, mediaId, caption, credit } = node.attrs;
    const image = { src, alt: str(alt), width, height, 'data-media-id': mediaId };
    return ['figure', { class: 'story-image' }, ['img', image], ...figcaption(str(caption), str(credit))];
  },
  addNodeView() {
    return figureView(this.options.labels, (body, node, labels) => {
      const img = document.createElement('img');
      img.className = 'rich-editor__image';
      img.src = str(node.attrs.src);
      img.alt = str(node.attrs.alt);
      if (node.attrs.width) img.width = Number(node.attrs.width);
      if (node.attrs.height) img.height = Number(node.attrs.height);
      body.append(img);
      if (!node.attrs.alt) body.append(element('p', 'rich-editor__badge', labels.decorative));
      appendCaption(body, str(node.attrs.caption), str(node.attrs.credit));
    });
  },
  addKeyboardShortcuts() {
    return { Enter: () => editSelectedFigure(this.editor, this.name, this.options.labels) };
  },
});

/** An audio clip: <figure class="story-audio"><audio controls preload="none" src>…</figure>. */
export const StoryAudio = Node.create<StoryNodeOptions>({
  name: 'storyAudio',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    const audio = (figure: HTMLElement) => figure.querySelector(':scope > audio');
    return {
      src: attr((figure) => audio(figure)?.getAttribute('src') ?? ''),
      // "none" unless a stored clip of our own asks for its length up front, as the sanitiser allows.
      preload: attr((figure) => {
        const element = audio(figure);
        const isOwn = isMediaPath(element?.getAttribute('src') ?? '');
        return isOwn && element?.getAttribute('preload') === 'metadata' ? 'metadata' : 'none';
      }, 'none'),
      caption: attr(captionOf),
    };
  },
  parseHTML() {
    return [
      {
        tag: 'figure.story-audio',
        getAttrs: (figure) => isAudioSource(figure.querySelector(':scope > audio')?.getAttribute('src') ?? '') && null,
      },
    ];
  },
  renderHTML({ node }) {
    const audio = { controls: '', preload: str(node.attrs.preload) || 'none', src: str(node.attrs.src) };
    return ['figure', { class: 'story-audio' }, ['audio', audio], ...figcaption(str(node.attrs.caption), '')];
  },
  addNodeView() {
    return figureView(this.options.labels, (body, node, labels) => {
      body.append(element('p', 'rich-editor__card-kind', labels.audio));
      appendAddress(body, str(node.attrs.src));
      appendCaption(body, str(node.attrs.caption), '');
    });
  },
  addKeyboardShortcuts() {
    return { Enter: () => editSelectedFigure(this.editor, this.name, this.options.labels) };
  },
});

/** An embedded post or video, stored as a plain link the public page turns into the embed. */
export const StoryEmbed = Node.create<StoryNodeOptions>({
  name: 'storyEmbed',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      provider: attr((figure) => figure.getAttribute('data-provider') ?? ''),
      url: attr((figure) => figure.getAttribute('data-embed-url') ?? ''),
      caption: attr(captionOf),
    };
  },
  parseHTML() {
    return [
      {
        tag: 'figure.story-embed',
        getAttrs: (figure) => {
          const url = figure.getAttribute('data-embed-url') ?? '';
          return isStoredEmbed(figure.getAttribute('data-provider') ?? '', url) && null;
        },
      },
    ];
  },
  renderHTML({ node }) {
    const { provider, url, caption } = node.attrs;
    return [
      'figure',
      { class: 'story-embed', 'data-provider': provider, 'data-embed-url': url },
      ['a', { href: url }, str(url)],
      ...figcaption(str(caption), ''),
    ];
  },
  addNodeView() {
    return figureView(this.options.labels, (body, node, labels) => {
      const provider = str(node.attrs.provider);
      body.append(
        element('p', 'rich-editor__card-kind', provider in labels ? labels[provider as keyof Labels] : provider),
      );
      appendAddress(body, str(node.attrs.url));
      appendCaption(body, str(node.attrs.caption), '');
    });
  },
  addKeyboardShortcuts() {
    return { Enter: () => editSelectedFigure(this.editor, this.name, this.options.labels) };
  },
});

function appendCaption(body: HTMLElement, caption: string, credit: string): void {
  if (!caption && !credit) return;
  const node = element('p', 'rich-editor__caption', caption);
  if (credit) node.append(caption ? ' ' : '', element('small', 'credit', credit));
  body.append(node);
}

function appendAddress(body: HTMLElement, address: string): void {
  // The address reads left to right; the line stays at the start of the card in either direction.
  const text = document.createElement('span');
  text.textContent = address;
  text.dir = 'ltr';
  const node = element('p', 'rich-editor__card-url');
  node.append(text);
  body.append(node);
}

/** A figure's card in the editor: what `fill` draws, then Edit and Remove. */
function figureView(
  labels: Labels,
  fill: (body: HTMLElement, node: ProseMirrorNode, labels: Labels) => void,
): NodeViewRenderer {
  return ({ node: first, editor, getPos }) => {
    let node = first;
    const dom = element('figure', 'rich-editor__figure');
    const body = element('div', 'rich-editor__figure-body');
    const actions = element('div', 'rich-editor__figure-actions');
    const edit = button(labels.edit, 'rich-editor__figure-button');
    const remove = button(labels.remove, 'rich-editor__figure-button');
    actions.append(edit, remove);
    dom.append(body, actions);
    const draw = () => {
      body.replaceChildren();
      fill(body, node, labels);
    };
    draw();
    edit.addEventListener('click', () => {
      const pos = getPos();
      if (typeof pos === 'number') void editFigure(editor, pos, labels);
    });
    remove.addEventListener('click', () => {
      const pos = getPos();
      if (typeof pos === 'number')
        focusedChain(editor)
          .deleteRange({ from: pos, to: pos + node.nodeSize })
          .run();
    });
    return {
      dom,
      update(next) {
        if (next.type !== node.type) return false;
        node = next;
        draw();
        return true;
      },
      // The buttons are ours; everything else (selecting, dragging the figure) is the editor's.
      stopEvent: (event) => event.target instanceof globalThis.Node && actions.contains(event.target),
      ignoreMutation: () => true,
    };
  };
}

function editSelectedFigure(editor: Editor, name: string, labels: Labels): boolean {
  const { selection } = editor.state;
  if (!(selection instanceof NodeSelection) || selection.node.type.name !== name) return false;
  void editFigure(editor, selection.from, labels);
  return true;
}

/** Opens the dialog of the figure at `pos` and writes back what was saved. */
async function editFigure(editor: Editor, pos: number, labels: Labels): Promise<void> {
  const node = editor.state.doc.nodeAt(pos);
  if (!node) return;
  const attrs = node.attrs;
  let changes: object | null = null;
  if (node.type.name === 'storyImage') {
    const details = { alt: str(attrs.alt), caption: str(attrs.caption), credit: str(attrs.credit) };
    changes = await askImageDetails(labels, details, !attrs.alt);
  } else if (node.type.name === 'storyAudio') {
    changes = await askAudio(labels, { src: str(attrs.src), caption: str(attrs.caption) });
  } else if (node.type.name === 'storyEmbed') {
    const embed = detectEmbed(str(attrs.url)) ?? { provider: 'youtube' as const, url: str(attrs.url) };
    changes = await askEmbed(labels, { ...embed, caption: str(attrs.caption) });
  }
  // The dialog was modal, but check that the figure is still where it was before writing.
  const current = editor.state.doc.nodeAt(pos);
  const isChanged = changes && Object.entries(changes).some(([name, value]) => current?.attrs[name] !== value);
  if (changes && isChanged && current?.type === node.type) {
    const tr = editor.state.tr.setNodeMarkup(pos, undefined, { ...current.attrs, ...changes });
    editor.view.dispatch(tr.setSelection(NodeSelection.create(tr.doc, pos)));
  }
  focusText(editor);
}

/**
 * Inserts a figure at `at` (default: the selection) between top-level blocks: in place of an
 * empty paragraph, before or after the paragraph the position is at the edge of, or splitting
 * it. Then the cursor goes to the paragraph after the figure, or the figure is selected.
 */
export function insertFigure(editor: Editor, name: string, attrs: Attrs, at?: number): void {
  const { state } = editor;
  const type = state.schema.nodes[name];
  if (!type) return;
  const figure = type.create(attrs);
  const tr = state.tr;
  const pos = Math.min(at ?? state.selection.to, tr.doc.content.size);
  const $pos = tr.doc.resolve(pos);
  const isTopLevelText = $pos.depth === 1 && $pos.parent.isTextblock;
  let insertAt = pos;
  if (isTopLevelText && $pos.parent.content.size === 0) {
    insertAt = $pos.before();
    tr.replaceWith(insertAt, $pos.after(), figure);
  } else {
    if (isTopLevelText && $pos.parentOffset === 0) insertAt = $pos.before();
    else if (isTopLevelText && $pos.parentOffset < $pos.parent.content.size) {
      tr.split(pos);
      insertAt = pos + 1;
    } else if ($pos.depth >= 1) insertAt = $pos.after(1);
    tr.insert(insertAt, figure);
  }
  const after = insertAt + figure.nodeSize;
  const next = tr.doc.nodeAt(after);
  tr.setSelection(next?.isTextblock ? TextSelection.create(tr.doc, after + 1) : NodeSelection.create(tr.doc, insertAt));
  editor.view.dispatch(tr.scrollIntoView());
  editor.view.focus();
}
