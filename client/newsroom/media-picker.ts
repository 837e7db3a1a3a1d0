// A newsroom form's image picker (an article's photo, a channel's or program's artwork): "Choose
// from library" opens the form's <dialog>, whose images come from the server as HTML (GET
// /newsroom/media/picker), searched as one types and paged with "More images". Choosing one sets
// the image number (the field the fieldset's data-id-field names), shows it in the form and fills
// an empty description, caption and credit from the library, where the form has them; "Remove"
// takes it out again. Without this script the image number field works as it is.

const SEARCH_DELAY_MS = 250;
const IMAGE_ID = /^[1-9]\d{0,9}$/;
/** The photo's text fields and the library's default each one takes. */
const TEXT_FIELDS = { imageAlt: 'alt', imageCaption: 'caption', imageCredit: 'credit' } as const;
type TextField = keyof typeof TEXT_FIELDS;

/** The dialog's words, from its data-label-* attributes; `{placeholders}` filled at run time. */
interface PickerLabels {
  loading: string;
  shown: string;
  added: string;
  failed: string;
  offline: string;
  preview: string;
  noAlt: string;
  chosen: string;
  chosenKept: string;
  removed: string;
}

function fill(label: string, values: Record<string, string | number>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function readLabels(dialog: HTMLElement): PickerLabels {
  const d = dialog.dataset;
  return {
    loading: d.labelLoading ?? 'Loading images…',
    shown: d.labelShown ?? '{count} images shown.',
    added: d.labelAdded ?? '{count} more images shown.',
    failed: d.labelFailed ?? 'The images could not be loaded ({status}).',
    offline: d.labelOffline ?? 'The images could not be loaded: check the connection.',
    preview: d.labelPreview ?? 'Image {id}: {alt}',
    noAlt: d.labelNoAlt ?? 'Image {id}: no description yet',
    chosen: d.labelChosen ?? 'Image {id} chosen.',
    chosenKept: d.labelChosenKept ?? 'Image {id} chosen; the text already in its fields was kept.',
    removed: d.labelRemoved ?? 'The photo was removed.',
  };
}

function enhance(fieldset: HTMLFieldSetElement): void {
  const form = fieldset.form;
  const dialog = fieldset.querySelector<HTMLDialogElement>('dialog[data-picker-url]');
  const idField = form?.elements.namedItem(fieldset.dataset.idField ?? '');
  const actions = fieldset.querySelector<HTMLElement>('[data-photo-actions]');
  const opener = fieldset.querySelector<HTMLButtonElement>('[data-picker-open]');
  const remover = fieldset.querySelector<HTMLButtonElement>('[data-photo-remove]');
  const preview = fieldset.querySelector<HTMLElement>('[data-photo-preview]');
  const previewText = fieldset.querySelector<HTMLElement>('[data-photo-text]');
  const formStatus = fieldset.querySelector<HTMLElement>('[data-photo-status]');
  const search = dialog?.querySelector<HTMLInputElement>('[data-picker-search]');
  const status = dialog?.querySelector<HTMLElement>('[data-picker-status]');
  const results = dialog?.querySelector<HTMLElement>('[data-picker-results]');
  const closer = dialog?.querySelector<HTMLButtonElement>('[data-picker-close]');
  if (!form || !dialog || !(idField instanceof HTMLInputElement) || !actions || !opener || !remover) return;
  if (!preview || !previewText || !formStatus || !search || !status || !results || !closer) return;
  fieldset.dataset.mediaPickerActive = '';
  const labels = readLabels(dialog);
  const textField = (name: TextField) => form.elements.namedItem(name) as HTMLInputElement | null;
  // The dialog's search box is no field of the article: outside the form, it is never sent.
  document.body.append(dialog);
  actions.hidden = false;

  /** What this script put into each text field, so it may replace or clear that (never typing). */
  const filled = new Map<TextField, string>();

  const setValue = (input: HTMLInputElement, value: string) => {
    input.value = value;
    // The autosave and anything else listening learn of the change as of typing.
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };

  /** The image number the preview shows ('' for none). */
  let shownId = IMAGE_ID.test(idField.value.trim()) && !preview.hidden ? idField.value.trim() : '';
  remover.hidden = !shownId;
  const showPreview = (id: string, image?: { src: string; width?: string; height?: string }) => {
    let img = preview.querySelector('img');
    shownId = IMAGE_ID.test(id) ? id : '';
    if (!shownId) {
      img?.remove();
      previewText.textContent = '';
      preview.hidden = true;
      remover.hidden = true;
      return;
    }
    if (!img) {
      img = document.createElement('img');
      img.className = 'nr-photo-thumb';
      preview.prepend(img);
    }
    // alt="": the caption below it says which image it is and its description.
    img.alt = '';
    img.src = image?.src ?? `/newsroom/media/${id}/thumbnail`;
    for (const name of ['width', 'height'] as const) {
      const value = image?.[name];
      if (value) img.setAttribute(name, value);
      else img.removeAttribute(name);
    }
    updatePreviewText();
    preview.hidden = false;
    remover.hidden = false;
  };

  const updatePreviewText = () => {
    const id = shownId;
    if (!id) return;
    const alt = textField('imageAlt')?.value.trim() ?? '';
    previewText.textContent = alt ? fill(labels.preview, { id, alt }) : fill(labels.noAlt, { id });
  };

  const announce = (text: string) => {
    // Set after the dialog has closed: while it is open, the rest of the page is inert.
    formStatus.textContent = '';
    window.setTimeout(() => (formStatus.textContent = text), 50);
  };

  const choose = (choice: HTMLButtonElement) => {
    const data = choice.dataset;
    const id = data.mediaId ?? '';
    if (!IMAGE_ID.test(id)) return;
    showPreview(id, { src: data.src ?? '', width: data.width, height: data.height });
    setValue(idField, id);
    let isTextKept = false;
    for (const [name, key] of Object.entries(TEXT_FIELDS) as [TextField, (typeof TEXT_FIELDS)[TextField]][]) {
      const input = textField(name);
      if (!input) continue;
      const value = data[key] ?? '';
      // Only an empty field, or one still holding what this script put there, takes the default.
      if (input.value.trim() !== '' && filled.get(name) !== input.value) {
        isTextKept ||= input.value.trim() !== value.trim();
        continue;
      }
      filled.set(name, value);
      if (input.value !== value) setValue(input, value);
    }
    updatePreviewText();
    dialog.close();
    // Text typed for another image may not fit this one: say it was kept, to be checked.
    announce(fill(isTextKept ? labels.chosenKept : labels.chosen, { id }));
  };

  remover.addEventListener('click', () => {
    showPreview('');
    setValue(idField, '');
    for (const name of Object.keys(TEXT_FIELDS) as TextField[]) {
      const input = textField(name);
      if (input && filled.get(name) === input.value && input.value !== '') setValue(input, '');
      filled.delete(name);
    }
    opener.focus();
    announce(labels.removed);
  });

  // The number typed by hand (the field is still there): the preview follows it.
  idField.addEventListener('change', () => {
    const id = idField.value.trim();
    if (id !== shownId) showPreview(id);
  });
  textField('imageAlt')?.addEventListener('input', updatePreviewText);

  // Loading pages of images: a later request wins over an earlier one still on its way.
  let requestCount = 0;
  let hasLoaded = false;
  const load = async (url: string, isMore: boolean) => {
    const mine = ++requestCount;
    status.textContent = labels.loading;
    results.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } });
      const html = await response.text();
      if (mine !== requestCount) return;
      // DOMParser runs no script of what it parses; the server escapes every text anyway.
      const page = new DOMParser().parseFromString(html, 'text/html').querySelector<HTMLElement>('[data-picker-page]');
      if (!page) {
        status.textContent = fill(labels.failed, { status: response.status });
        return;
      }
      if (!response.ok) {
        // A refused page of "More" keeps the images shown; a refused search shows why instead.
        if (!isMore) results.replaceChildren(document.adoptNode(page));
        status.textContent = page.textContent?.trim() || fill(labels.failed, { status: response.status });
        return;
      }
      const list = results.querySelector('[data-picker-list]');
      if (isMore && list) {
        const items = [...page.querySelectorAll('.nr-picker-item')];
        list.append(...items.map((item) => document.adoptNode(item)));
        results.querySelector('.nr-picker-more')?.remove();
        const more = page.querySelector('.nr-picker-more');
        if (more) list.after(document.adoptNode(more));
        status.textContent = fill(labels.added, { count: items.length });
        const first = items[0]?.querySelector<HTMLButtonElement>('[data-picker-choice]');
        (first ?? search).focus();
      } else {
        results.replaceChildren(document.adoptNode(page));
        const count = results.querySelectorAll('[data-picker-choice]').length;
        status.textContent = count
          ? fill(labels.shown, { count })
          : (results.querySelector('.nr-picker-empty')?.textContent ?? '');
      }
    } catch {
      if (mine === requestCount) status.textContent = labels.offline;
    } finally {
      if (mine === requestCount) {
        results.removeAttribute('aria-busy');
        results.querySelector<HTMLButtonElement>('[data-picker-more]')?.removeAttribute('disabled');
      }
    }
  };

  const searchUrl = () => {
    const url = new URL(dialog.dataset.pickerUrl ?? '', window.location.href);
    const q = search.value.trim();
    if (q) url.searchParams.set('q', q);
    return url.pathname + url.search;
  };

  opener.addEventListener('click', () => {
    dialog.showModal();
    search.focus();
    if (!hasLoaded) {
      hasLoaded = true;
      void load(searchUrl(), false);
    }
  });
  closer.addEventListener('click', () => dialog.close());
  // Escape closes a modal dialog by itself; however it closes, focus goes back to the button.
  dialog.addEventListener('close', () => opener.focus());

  let searchTimer = 0;
  search.addEventListener('input', () => {
    window.clearTimeout(searchTimer);
    searchTimer = window.setTimeout(() => void load(searchUrl(), false), SEARCH_DELAY_MS);
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      window.clearTimeout(searchTimer);
      void load(searchUrl(), false);
    } else if (event.key === 'Escape') {
      // A search box's own Escape empties it; here Escape closes the dialog, as everywhere in it.
      event.preventDefault();
      dialog.close();
    } else if (event.key === 'ArrowDown') {
      const first = results.querySelector<HTMLButtonElement>('[data-picker-choice]');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });

  results.addEventListener('click', (event) => {
    const target = event.target as Element;
    const choice = target.closest<HTMLButtonElement>('[data-picker-choice]');
    if (choice) return choose(choice);
    const more = target.closest<HTMLButtonElement>('[data-picker-more]');
    if (more?.dataset.url) {
      more.disabled = true;
      void load(more.dataset.url, true);
    }
  });
  results.addEventListener('keydown', (event) => moveInGrid(event, results, search));
}

/** Arrow keys, Home and End move between the images as they are laid out in rows. */
function moveInGrid(event: KeyboardEvent, results: HTMLElement, search: HTMLInputElement): void {
  const current = (event.target as Element).closest<HTMLButtonElement>('[data-picker-choice]');
  if (!current || event.altKey || event.ctrlKey || event.metaKey) return;
  const choices = [...results.querySelectorAll<HTMLButtonElement>('[data-picker-choice]')];
  const index = choices.indexOf(current);
  const top = (el: Element) => Math.round(el.getBoundingClientRect().top);
  const columns = Math.max(1, choices.filter((choice) => top(choice) === top(choices[0]!)).length);
  const forward = getComputedStyle(results).direction === 'rtl' ? -1 : 1;
  let next: number;
  switch (event.key) {
    case 'ArrowRight':
      next = index + forward;
      break;
    case 'ArrowLeft':
      next = index - forward;
      break;
    case 'ArrowDown':
      next = index + columns;
      break;
    case 'ArrowUp':
      next = index - columns;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = choices.length - 1;
      break;
    default:
      return;
  }
  event.preventDefault();
  if (next < 0 && event.key === 'ArrowUp') return search.focus();
  choices[Math.min(choices.length - 1, Math.max(0, next))]?.focus();
}

/** Enhances each image picker fieldset the page has. */
export function enhanceMediaPicker(root: ParentNode = document): void {
  for (const fieldset of root.querySelectorAll<HTMLFieldSetElement>(
    'fieldset[data-media-picker]:not([data-media-picker-active])',
  ))
    enhance(fieldset);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => enhanceMediaPicker());
else enhanceMediaPicker();
