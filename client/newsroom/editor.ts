// The newsroom's rich-text editor: each <textarea data-rich-editor> becomes a Tiptap editor
// with a toolbar, dialogs and image uploads. The textarea stays in the form, hidden, and holds
// the editor's HTML after every change (with an `input` event), so a plain submit and an
// autosave that reads the form both see it; without JavaScript the textarea is edited as is.
import { Editor, Extension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { element } from './dialogs.ts';
import { readLabels, type Labels } from './labels.ts';
import { createStatus } from './status.ts';
import { askAudio, askEmbed, askLink } from './story-dialogs.ts';
import { StoryLink, isAllowedHref, withoutStyles } from './story-link.ts';
import { StoryAudio, StoryEmbed, StoryImage, insertFigure } from './story-nodes.ts';
import { createToolbar } from './toolbar.ts';
import { toolbarItems } from './toolbar-items.ts';
import { IMAGE_TYPES, UploadMarkers, imageUploads, type UploadTarget } from './upload.ts';
import { focusText, keepSelection } from './focus.ts';

/** Turns every `textarea[data-rich-editor]` under `root` into a rich-text editor (once each). */
export function enhanceRichEditors(root: ParentNode = document): void {
  for (const textarea of root.querySelectorAll<HTMLTextAreaElement>('textarea[data-rich-editor]')) {
    if (!textarea.hasAttribute('data-rich-editor-active')) createRichEditor(textarea);
  }
}

/**
 * The stored form of the document: nothing for an empty one, and `controls` written the way
 * the sanitiser writes boolean attributes (the browser's serialiser writes `controls=""`;
 * a literal `controls="" ` cannot occur in an attribute value, where quotes are escaped).
 */
function storedHtml(editor: Editor): string {
  return editor.isEmpty ? '' : editor.getHTML().replaceAll('<audio controls="" ', '<audio controls ');
}

let editorCount = 0;

function createRichEditor(textarea: HTMLTextAreaElement): void {
  textarea.setAttribute('data-rich-editor-active', '');
  const labels = readLabels(textarea);
  const id = `rich-editor-${++editorCount}`;
  const upload: UploadTarget | null = textarea.dataset.uploadUrl
    ? { url: textarea.dataset.uploadUrl, csrfToken: textarea.dataset.csrfToken ?? '' }
    : null;

  const wrapper = element('div', 'rich-editor');
  const surface = element('div', 'rich-editor__surface');
  const status = createStatus(id);
  const picker = document.createElement('input');
  picker.type = 'file';
  picker.accept = IMAGE_TYPES.join(',');
  picker.multiple = true;
  picker.hidden = true;
  picker.tabIndex = -1;

  const uploadFiles = imageUploads(() => editor, upload, labels, status);

  const editLink = async () => {
    const href = String(editor.getAttributes('link').href ?? '');
    const isEmpty = editor.state.selection.empty;
    const selected = keepSelection(editor);
    const answer = await askLink(labels, href);
    const chain = selected();
    if (answer === 'remove') chain.extendMarkRange('link').unsetLink().run();
    else if (answer && isEmpty && !href) {
      chain.insertContent({ type: 'text', text: answer.href, marks: [{ type: 'link', attrs: answer }] }).run();
    } else if (answer) chain.extendMarkRange('link').setLink(answer).run();
    else chain.run();
  };
  const addAudio = async () => {
    const at = editor.state.selection.to;
    const selected = keepSelection(editor);
    const audio = await askAudio(labels);
    if (audio) insertFigure(editor, 'storyAudio', { ...audio }, at);
    else selected().run();
  };
  const addEmbed = async () => {
    const at = editor.state.selection.to;
    const selected = keepSelection(editor);
    const embed = await askEmbed(labels);
    if (embed) insertFigure(editor, 'storyEmbed', { ...embed }, at);
    else selected().run();
  };
  const pickImages = () => picker.click();

  const items = toolbarItems(() => editor, labels, {
    link: () => void editLink(),
    image: upload ? pickImages : null,
    audio: () => void addAudio(),
    embed: () => void addEmbed(),
  });
  const toolbar = createToolbar(labels.toolbar, items, () => focusText(editor));
  toolbar.element.setAttribute('aria-controls', `${id}-content`);

  const shortcuts: Record<string, () => boolean> = { 'Alt-F10': () => (toolbar.focus(), true) };
  for (const item of items) if (item.custom) shortcuts[item.shortcut] = () => (item.run(), true);
  // No <br> in stored stories: Shift+Enter starts a new paragraph as Enter does.
  shortcuts['Shift-Enter'] = () => editor.commands.enter();

  const editor = new Editor({
    element: surface,
    content: textarea.value,
    injectCSS: false,
    editable: !textarea.readOnly && !textarea.disabled,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        horizontalRule: false,
        hardBreak: false,
        // A trailing empty paragraph after a closing figure would change the stored body.
        trailingNode: false,
        link: false,
      }),
      StoryLink.configure({
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        isAllowedUri: (href) => isAllowedHref(href),
        shouldAutoLink: (href) => /^(https?:\/\/|mailto:)/i.test(href) || !/^[a-z][\w+.-]*:/i.test(href),
      }),
      StoryImage.configure({ labels }),
      StoryAudio.configure({ labels }),
      StoryEmbed.configure({ labels }),
      UploadMarkers,
      Extension.create({ name: 'storyShortcuts', addKeyboardShortcuts: () => shortcuts }),
    ],
    editorProps: {
      attributes: editorAttributes(textarea, `${id}-content`, labels),
      transformPastedHTML: withoutStyles,
      handlePaste(view, event) {
        const files = [...(event.clipboardData?.files ?? [])];
        // Text copied from a document may come with a picture of itself: paste the text.
        if (!upload || !files.length || event.clipboardData?.getData('text/plain').trim()) return false;
        uploadFiles(files, view.state.selection.to);
        return true;
      },
      handleDrop(view, event, _slice, moved) {
        const files = [...(event.dataTransfer?.files ?? [])];
        if (!upload || moved || !files.length) return false;
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
        uploadFiles(files, at?.pos ?? view.state.selection.to);
        return true;
      },
    },
    onUpdate: () => {
      const html = storedHtml(editor);
      if (textarea.value === html) return;
      textarea.value = html;
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    },
    onTransaction: () => toolbar.refresh(),
  });

  picker.addEventListener('change', () => {
    uploadFiles([...(picker.files ?? [])], editor.state.selection.to);
    picker.value = '';
  });
  for (const label of textarea.labels ?? []) {
    label.addEventListener('click', (event) => {
      event.preventDefault();
      focusText(editor);
    });
  }
  // A hidden field cannot be focused to show the browser's "required" message: the editor says it.
  textarea.required = false;
  wrapper.append(toolbar.element, surface, status.element, picker);
  textarea.before(wrapper);
  textarea.hidden = true;
  toolbar.refresh();
}

/** The editable element's name, description, language and direction, taken from the textarea. */
function editorAttributes(textarea: HTMLTextAreaElement, id: string, labels: Labels): Record<string, string> {
  const attributes: Record<string, string> = {
    id,
    class: 'rich-editor__content',
    role: 'textbox',
    'aria-multiline': 'true',
  };
  const labelIds = [...(textarea.labels ?? [])].map((label, index) => {
    if (!label.id) label.id = `${id}-label-${index}`;
    return label.id;
  });
  if (labelIds.length) attributes['aria-labelledby'] = labelIds.join(' ');
  else attributes['aria-label'] = textarea.getAttribute('aria-label') ?? labels.editor;
  for (const name of ['aria-describedby', 'aria-invalid', 'lang', 'dir']) {
    const value = textarea.getAttribute(name);
    if (value) attributes[name] = value;
  }
  if (textarea.required) attributes['aria-required'] = 'true';
  return attributes;
}
