// The article form while it is open: every half minute it tells the server it is still open
// (so colleagues see who else is editing) and, when something was typed since, sends the form's
// fields to be kept as an autosave. Without this script the form works the same, minus both.

const INTERVAL_MS = 30_000;
/** Fields that are not the story (the token, the button pressed). */
const SKIP = new Set(['_csrf', 'step']);

function fieldsOf(form: HTMLFormElement): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) {
    if (!SKIP.has(name) && typeof value === 'string') fields[name] = value;
  }
  // An unticked checkbox sends nothing: say so, or restoring would tick it again.
  for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    if (!box.checked) fields[box.name] = '';
  }
  return fields;
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

export function enhanceArticleForm(root: ParentNode = document): void {
  const form = root.querySelector<HTMLFormElement>('form[data-heartbeat-url]');
  if (!form) return;
  const url = form.dataset.heartbeatUrl!;
  const token = form.dataset.csrfToken ?? '';
  const presence = document.getElementById('presence');
  const status = document.getElementById('autosave-status');
  let dirty = false;
  let submitting = false;
  form.addEventListener('input', () => (dirty = true));
  form.addEventListener('change', () => (dirty = true));
  form.addEventListener('submit', () => (submitting = true));

  const beat = async () => {
    if (submitting || document.visibilityState === 'hidden') return;
    const version = Number((form.elements.namedItem('version') as HTMLInputElement | null)?.value ?? 0);
    const send = dirty;
    dirty = false;
    try {
      const res = await fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token, accept: 'application/json' },
        body: JSON.stringify(send ? { version, fields: fieldsOf(form) } : { version }),
      });
      if (!res.ok) {
        dirty ||= send;
        return;
      }
      const answer = (await res.json()) as { savedAt: string | null; others: string[] };
      if (presence) {
        const text = answer.others.length
          ? fill(form.dataset.othersLabel ?? '', { names: answer.others.join(', ') })
          : '';
        if (presence.textContent !== text) presence.textContent = text;
      }
      if (status && answer.savedAt) {
        const time = new Date(answer.savedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
        status.textContent = fill(form.dataset.savedLabel ?? '', { time });
      }
    } catch {
      // Offline for a moment (a reporter in the field): try again at the next beat.
      dirty ||= send;
    }
  };
  void beat();
  window.setInterval(() => void beat(), INTERVAL_MS);
}
