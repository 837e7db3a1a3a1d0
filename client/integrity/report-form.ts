// The reporting channel's one small script, loaded only by its pages: it solves the report
// form's proof-of-work (src/integrity/challenge) with the browser's own SHA-256, reveals the
// receipt's copy button, and moves focus to a refused form's list of problems. Everything works
// without it: the form is then taken after a short wait, and the code is there to write down.

/** Hashes started together: enough to keep crypto.subtle busy, few enough to stay responsive. */
const BATCH = 500;

const summary = document.getElementById('report-summary');
if (summary) summary.focus();

const form = document.querySelector<HTMLFormElement>('form[data-pow-salt]');
if (form) guardWithProofOfWork(form);
revealCopyButtons();

function guardWithProofOfWork(form: HTMLFormElement): void {
  const number = form.querySelector<HTMLInputElement>('input[name="pow_number"]');
  const status = form.querySelector<HTMLElement>('.report-form__pow');
  const { powSalt = '', powHash = '', powMax = '0' } = form.dataset;
  if (!number || !globalThis.crypto?.subtle) return;
  const found = solve(powSalt, powHash, Number(powMax)).then((n) => {
    if (n !== undefined) number.value = String(n);
    return n;
  });
  let isWaiting = false;
  form.addEventListener('submit', (event) => {
    if (number.value !== '') return;
    // Sent before the puzzle is solved: send once it is (or without it, when it cannot be).
    event.preventDefault();
    if (isWaiting) return;
    isWaiting = true;
    if (status) status.textContent = status.dataset.working ?? '';
    void found.finally(() => {
      if (status) status.textContent = status.dataset.done ?? '';
      form.submit();
    });
  });
}

/** The number whose SHA-256 after the salt is `hash`, from 0 to `max`; undefined if none is. */
async function solve(salt: string, hash: string, max: number): Promise<number | undefined> {
  const target = hexBytes(hash);
  const encoder = new TextEncoder();
  try {
    for (let start = 0; start <= max; start += BATCH) {
      const end = Math.min(max, start + BATCH - 1);
      const pending: Promise<ArrayBuffer>[] = [];
      for (let n = start; n <= end; n++) pending.push(crypto.subtle.digest('SHA-256', encoder.encode(salt + n)));
      const digests = await Promise.all(pending);
      const hit = digests.findIndex((digest) => isSame(new Uint8Array(digest), target));
      if (hit !== -1) return start + hit;
    }
  } catch {
    // No usable crypto (an old browser, an insecure origin): the server's wait applies instead.
  }
  return undefined;
}

function hexBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function isSame(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function revealCopyButtons(): void {
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-target]')) {
    const source = document.getElementById(button.dataset.copyTarget ?? '');
    const status = button.parentElement?.querySelector<HTMLElement>('[data-copied]');
    if (!source) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      void navigator.clipboard.writeText(source.textContent?.trim() ?? '').then(() => {
        if (status) status.textContent = status.dataset.copied ?? '';
      });
    });
  }
}
