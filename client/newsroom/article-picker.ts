// The episode form's "Find an article": a search box whose results come from the server as HTML
// (GET /newsroom/episodes/article-picker), searched as one types; "Add" appends the article's
// number to the linked articles' field, and the list under the field follows that field (typed
// by hand too), each article with a "Remove" button. Without this script the field works alone.

const SEARCH_DELAY_MS = 250;
const ARTICLE_ID = /^[1-9]\d{0,9}$/;

/** The picker's words, from its data-label-* attributes; `{placeholders}` filled at run time. */
interface ArticlePickerLabels {
  searching: string;
  found: string;
  failed: string;
  offline: string;
  added: string;
  remove: string;
  numbered: string;
  linked: string;
  unlinked: string;
  full: string;
}

function fill(label: string, values: Record<string, string | number>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function readLabels(picker: HTMLElement): ArticlePickerLabels {
  const d = picker.dataset;
  return {
    searching: d.labelSearching ?? 'Looking for articles…',
    found: d.labelFound ?? '{count} article(s) found.',
    failed: d.labelFailed ?? 'The articles could not be loaded (error {status}).',
    offline: d.labelOffline ?? 'The articles could not be loaded: check the connection.',
    added: d.labelAdded ?? 'Added',
    remove: d.labelRemove ?? 'Remove',
    numbered: d.labelNumbered ?? 'Article {id}',
    linked: d.labelLinked ?? '“{title}” is now linked.',
    unlinked: d.labelUnlinked ?? '“{title}” is no longer linked.',
    full: d.labelFull ?? 'No more articles can be linked: remove one first.',
  };
}

/** The numbers in the field, in order, each once ('abc' and the like left to the server). */
function numbersIn(value: string): string[] {
  return [...new Set(value.split(/[\s,]+/).filter((part) => ARTICLE_ID.test(part)))];
}

function enhance(picker: HTMLElement): void {
  const form = picker.closest('form');
  const field = form?.elements.namedItem('articleIds');
  const list = form?.querySelector<HTMLUListElement>('[data-article-links]');
  const search = picker.querySelector<HTMLInputElement>('[data-article-search]');
  const status = picker.querySelector<HTMLElement>('[data-article-status]');
  const results = picker.querySelector<HTMLElement>('[data-article-results]');
  if (!form || !(field instanceof HTMLInputElement) || !list || !search || !status || !results) return;
  picker.dataset.articlePickerActive = '';
  const labels = readLabels(picker);
  const max = Number(picker.dataset.max) || 10;

  /** Titles known so far: the server's list of linked articles, then every result shown. */
  const titles = new Map<string, { title: string; href?: string; note?: string }>();
  for (const item of list.querySelectorAll<HTMLElement>('li[data-article-id]')) {
    const id = item.dataset.articleId ?? '';
    titles.set(id, {
      title: item.dataset.articleTitle ?? '',
      href: item.querySelector('a')?.getAttribute('href') ?? undefined,
      note: item.querySelector('.nr-meta')?.textContent ?? undefined,
    });
  }
  const nameOf = (id: string) => titles.get(id)?.title || fill(labels.numbered, { id });

  const setField = (ids: readonly string[]) => {
    field.value = ids.join(', ');
    // Anything listening (a form's changed-state, the problems beside it) learns of it as of typing.
    field.dispatchEvent(new Event('input', { bubbles: true }));
  };

  /** The list of linked articles, drawn again from the field. */
  const drawList = () => {
    const ids = numbersIn(field.value);
    list.replaceChildren(
      ...ids.map((id) => {
        const known = titles.get(id);
        const item = document.createElement('li');
        item.dataset.articleId = id;
        item.className = 'nr-article-link';
        const name = document.createElement(known?.href ? 'a' : 'span');
        if (known?.href) name.setAttribute('href', known.href);
        name.textContent = known ? `${id}: ${known.title}` : fill(labels.numbered, { id });
        name.setAttribute('dir', 'auto');
        item.append(name);
        if (known?.note) {
          const note = document.createElement('span');
          note.className = 'nr-meta';
          note.textContent = known.note;
          item.append(note);
        }
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'nr-button nr-article-remove';
        remove.dataset.articleRemove = id;
        remove.append(labels.remove);
        const hidden = document.createElement('span');
        hidden.className = 'visually-hidden';
        hidden.textContent = ` “${nameOf(id)}”`;
        remove.append(hidden);
        item.append(remove);
        return item;
      }),
    );
    list.hidden = ids.length === 0;
    markAdded();
  };

  /** Results already linked show "Added" (still focusable, so focus stays where it was). */
  const markAdded = () => {
    const linked = new Set(numbersIn(field.value));
    for (const button of results.querySelectorAll<HTMLButtonElement>('[data-article-add]')) {
      const isLinked = linked.has(button.dataset.articleId ?? '');
      button.setAttribute('aria-disabled', String(isLinked));
      const first = button.firstChild;
      if (first?.nodeType === Node.TEXT_NODE) {
        button.dataset.addLabel ??= first.textContent ?? '';
        first.textContent = isLinked ? labels.added : button.dataset.addLabel;
      }
    }
  };

  const announce = (text: string) => {
    // Emptied first, so the same words twice are announced twice.
    status.textContent = '';
    window.setTimeout(() => (status.textContent = text), 50);
  };

  const add = (button: HTMLButtonElement) => {
    const id = button.dataset.articleId ?? '';
    if (!ARTICLE_ID.test(id) || button.getAttribute('aria-disabled') === 'true') return;
    const ids = numbersIn(field.value);
    if (ids.length >= max) return announce(labels.full);
    titles.set(id, { title: button.dataset.articleTitle ?? '', href: `/newsroom/articles/${id}` });
    setField([...ids, id]);
    drawList();
    announce(fill(labels.linked, { title: nameOf(id) }));
  };

  const remove = (button: HTMLButtonElement) => {
    const id = button.dataset.articleRemove ?? '';
    const ids = numbersIn(field.value);
    const index = ids.indexOf(id);
    if (index < 0) return;
    const name = nameOf(id);
    setField(ids.filter((other) => other !== id));
    drawList();
    // Focus to the next article's button, or the one before, or the search box when none is left.
    const buttons = list.querySelectorAll<HTMLButtonElement>('[data-article-remove]');
    (buttons[Math.min(index, buttons.length - 1)] ?? search).focus();
    announce(fill(labels.unlinked, { title: name }));
  };

  // A later search wins over an earlier one still on its way.
  let requestCount = 0;
  const load = async () => {
    const mine = ++requestCount;
    const url = new URL(picker.dataset.pickerUrl ?? '', window.location.href);
    const q = search.value.trim();
    if (q) url.searchParams.set('q', q);
    status.textContent = labels.searching;
    results.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(url.pathname + url.search, {
        credentials: 'same-origin',
        headers: { accept: 'text/html' },
      });
      const html = await response.text();
      if (mine !== requestCount) return;
      // DOMParser runs no script of what it parses; the server escapes every text anyway.
      const page = new DOMParser().parseFromString(html, 'text/html').querySelector<HTMLElement>('[data-article-page]');
      if (!page) {
        status.textContent = fill(labels.failed, { status: response.status });
        return;
      }
      results.replaceChildren(document.adoptNode(page));
      markAdded();
      const count = results.querySelectorAll('[data-article-add]').length;
      status.textContent = !response.ok
        ? page.textContent?.trim() || fill(labels.failed, { status: response.status })
        : count
          ? fill(labels.found, { count })
          : (results.querySelector('[data-article-empty]')?.textContent?.trim() ?? '');
    } catch {
      if (mine === requestCount) status.textContent = labels.offline;
    } finally {
      if (mine === requestCount) results.removeAttribute('aria-busy');
    }
  };

  let searchTimer = 0;
  search.addEventListener('input', () => {
    window.clearTimeout(searchTimer);
    searchTimer = window.setTimeout(() => void load(), SEARCH_DELAY_MS);
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      // The box is inside the episode form: Enter searches, it never sends the form.
      event.preventDefault();
      window.clearTimeout(searchTimer);
      void load();
    } else if (event.key === 'ArrowDown') {
      const first = results.querySelector<HTMLButtonElement>('[data-article-add]');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  results.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('[data-article-add]');
    if (button) add(button);
  });
  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('[data-article-remove]');
    if (button) remove(button);
  });
  // Numbers typed by hand: the list follows once the field is left.
  field.addEventListener('change', drawList);

  drawList();
  picker.hidden = false;
}

/** Enhances the episode form's "Find an article", if the page (or `root`) has one. */
export function enhanceArticlePicker(root: ParentNode = document): void {
  for (const picker of root.querySelectorAll<HTMLElement>('[data-article-picker]:not([data-article-picker-active])'))
    enhance(picker);
}
