// Read beacon: tells the server a reader opened this article, then shows the fresh count it
// answers with (formatted by the server, in the edition's language). It waits for the page's
// load, so it never competes with the photo for the network, and a prerendered page waits
// until it is actually shown.
const counter = document.querySelector<HTMLElement>('[data-read-url]');

function reportRead(element: HTMLElement): void {
  const url = element.dataset.readUrl;
  if (!url) return;
  fetch(url, { method: 'POST', keepalive: true, credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : undefined))
    .then((result: { text?: unknown } | undefined) => {
      if (result && typeof result.text === 'string') element.textContent = result.text;
    })
    .catch(() => undefined);
}

function reportWhenShown(element: HTMLElement): void {
  const doc = document as Document & { prerendering?: boolean };
  if (doc.prerendering) document.addEventListener('prerenderingchange', () => reportRead(element), { once: true });
  else reportRead(element);
}

if (counter) {
  if (document.readyState === 'complete') reportWhenShown(counter);
  else window.addEventListener('load', () => reportWhenShown(counter), { once: true });
}
