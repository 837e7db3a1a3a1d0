// Read beacon: tells the server a reader opened this article, then shows the fresh count it
// answers with (formatted by the server, in the edition's language). It waits for the page's
// load, so it never competes with the photo for the network, and a prerendered page waits
// until it is actually shown. Once per page view: for the first page, and for each page the
// radio player swaps in (client/player), but not again for a page brought back from its cache
// by the back button, which is the same view again (as a browser's back-forward cache does).

/** Reports the read of the article on this page, if it is one. */
export function countRead(root: ParentNode): void {
  const counter = root.querySelector<HTMLElement>('[data-read-url]');
  // The mark stays on the element, and so in the copy the back button brings back.
  if (!counter || counter.dataset.readSent) return;
  counter.dataset.readSent = '1';
  if (document.readyState === 'complete') reportWhenShown(counter);
  else window.addEventListener('load', () => reportWhenShown(counter), { once: true });
}

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
