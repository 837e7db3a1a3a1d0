// Small modal forms for the editor (link address, image description, audio, embeds): a native
// <dialog> with labelled fields, errors tied to their field, Escape to cancel. Dialogs are put
// at the end of <body>, outside the article's form, so their fields are never submitted with it.

/** One field of a dialog. */
export interface DialogField {
  name: string;
  label: string;
  type: 'text' | 'url' | 'checkbox';
  value?: string | boolean;
  hint?: string;
  isRequired?: boolean;
  /** For a checkbox: the field it switches off while ticked (alt text of a decorative image). */
  disables?: string;
}

/** What the fields hold: trimmed text, or whether a checkbox is ticked. */
export type DialogValues = Record<string, string | boolean>;

/** A dialog: its title, fields, buttons and check. */
export interface DialogSpec {
  title: string;
  fields: readonly DialogField[];
  submit: string;
  cancel: string;
  /** A second way out that needs no valid fields, such as removing a link. */
  extra?: string;
  /** The first problem with the values, or null when they may be saved. */
  check(values: DialogValues): { field: string; message: string } | null;
}

/** How a dialog was left, unless cancelled. */
export interface DialogAnswer {
  values: DialogValues;
  isExtra: boolean;
}

let dialogCount = 0;

/** Shows a modal form; resolves with its values, or null when it was cancelled. */
export function askInDialog(spec: DialogSpec): Promise<DialogAnswer | null> {
  const id = `rich-editor-dialog-${++dialogCount}`;
  const dialog = element('dialog', 'rich-editor__dialog');
  dialog.setAttribute('aria-labelledby', `${id}-title`);
  const form = element('form', 'rich-editor__dialog-form');
  form.method = 'dialog';
  form.noValidate = true;
  const title = element('h2', 'rich-editor__dialog-title', spec.title);
  title.id = `${id}-title`;
  form.append(title);

  const inputs = new Map<string, HTMLInputElement>();
  const errors = new Map<string, HTMLElement>();
  for (const field of spec.fields) {
    const { row, input, error } = buildField(field, `${id}-${field.name}`);
    inputs.set(field.name, input);
    errors.set(field.name, error);
    form.append(row);
  }
  for (const field of spec.fields) {
    const target = field.disables && inputs.get(field.disables);
    const box = inputs.get(field.name);
    if (!target || !box) continue;
    const sync = () => {
      target.disabled = box.checked;
      if (box.checked) showError(target, errors.get(field.disables ?? ''), '');
    };
    box.addEventListener('change', sync);
    sync();
  }

  let answer: DialogAnswer | null = null;
  const finish = (value: DialogAnswer | null) => {
    answer = value;
    dialog.close();
  };
  const buttons = element('div', 'rich-editor__dialog-buttons');
  const cancel = button(spec.cancel, 'rich-editor__dialog-button');
  cancel.addEventListener('click', () => finish(null));
  buttons.append(cancel);
  if (spec.extra) {
    const extra = button(spec.extra, 'rich-editor__dialog-button');
    extra.addEventListener('click', () => finish({ values: readValues(inputs), isExtra: true }));
    buttons.append(extra);
  }
  const submit = button(spec.submit, 'rich-editor__dialog-button rich-editor__dialog-button--primary');
  submit.type = 'submit';
  buttons.append(submit);
  form.append(buttons);
  dialog.append(form);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = readValues(inputs);
    const problem = spec.check(values);
    const input = problem && inputs.get(problem.field);
    if (!problem) finish({ values, isExtra: false });
    else if (input) {
      showError(input, errors.get(problem.field), problem.message);
      input.focus();
    }
  });
  for (const [name, input] of inputs) input.addEventListener('input', () => showError(input, errors.get(name), ''));

  return new Promise((resolve) => {
    // Escape closes the dialog too ("cancel"), leaving the answer at null.
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

function buildField(field: DialogField, id: string) {
  const row = element('div', field.type === 'checkbox' ? 'rich-editor__check' : 'rich-editor__field');
  const label = element('label', 'rich-editor__label', field.label);
  label.htmlFor = id;
  const input = document.createElement('input');
  input.id = id;
  input.name = field.name;
  input.className = field.type === 'checkbox' ? 'rich-editor__checkbox' : 'rich-editor__input';
  const described: string[] = [];
  if (field.type === 'checkbox') {
    input.type = 'checkbox';
    input.checked = field.value === true;
    row.append(input, label);
  } else {
    input.type = field.type;
    input.value = typeof field.value === 'string' ? field.value : '';
    input.required = field.isRequired === true;
    if (field.type === 'url') {
      // Addresses read left to right in every edition; phones offer their URL keyboard.
      input.dir = 'ltr';
      input.spellcheck = false;
      input.autocapitalize = 'off';
    }
    row.append(label, input);
  }
  if (field.hint) {
    const hint = element('p', 'rich-editor__hint', field.hint);
    hint.id = `${id}-hint`;
    described.push(hint.id);
    row.append(hint);
  }
  const error = element('p', 'rich-editor__field-error');
  error.id = `${id}-error`;
  error.setAttribute('role', 'alert');
  described.push(error.id);
  row.append(error);
  input.setAttribute('aria-describedby', described.join(' '));
  return { row, input, error };
}

function readValues(inputs: Map<string, HTMLInputElement>): DialogValues {
  const values: DialogValues = {};
  for (const [name, input] of inputs) values[name] = input.type === 'checkbox' ? input.checked : input.value.trim();
  return values;
}

function showError(input: HTMLInputElement, error: HTMLElement | undefined, message: string): void {
  if (!error) return;
  error.textContent = message;
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/** An element with a class and, optionally, its text. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A button that never submits the form around it. */
export function button(text: string, className: string): HTMLButtonElement {
  const node = element('button', className, text);
  node.type = 'button';
  return node;
}
