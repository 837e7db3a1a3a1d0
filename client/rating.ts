// Rating widget: sends the chosen stars with fetch, updates the average and count in place and
// announces the result in the widget's status region. Without JavaScript the form posts as is.
// Bound on every page view, the ones the radio player swaps in too (see client/site.ts).

interface VoteAnswer {
  text?: { stars: string; label: string; votes: string; message: string };
  error?: { code: string; message: string };
}

/** Forms already given their handler (a page brought back by the back button has new ones). */
const bound = new WeakSet<HTMLFormElement>();

/** Brings the rating widget on this page, if it has one, to life. */
export function bindRating(root: ParentNode): void {
  const form = root.querySelector<HTMLFormElement>('form.rating[data-rating-session]');
  if (!form || bound.has(form)) return;
  bound.add(form);
  enhanceRating(form);
}

function enhanceRating(form: HTMLFormElement): void {
  const stars = form.querySelector<HTMLElement>('.stars');
  const votes = form.querySelector<HTMLElement>('.rating__count');
  const status = form.querySelector<HTMLElement>('.rating__status');
  const button = form.querySelector<HTMLButtonElement>('.rating__submit');
  const sessionUrl = form.dataset.ratingSession;
  if (!stars || !votes || !status || !button || !sessionUrl) return;
  let hasCookie = false;
  let isBusy = false;

  const announce = (text: string) => {
    // Emptied first, so that the same words a second time are read out again.
    status.textContent = '';
    window.setTimeout(() => (status.textContent = text), 100);
  };

  // The voter cookie is asked for only now: reading the page never sets one.
  const ensureCookie = async () => {
    if (hasCookie) return;
    const response = await fetch(sessionUrl, { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) throw new Error(`no voter cookie (${response.status})`);
    hasCookie = true;
  };

  const send = async (rating: string): Promise<VoteAnswer> => {
    const response = await fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ rating }),
    });
    return (await response.json()) as VoteAnswer;
  };

  const vote = async (rating: string): Promise<string> => {
    await ensureCookie();
    let answer = await send(rating);
    if (answer.error?.code === 'voter_cookie_required') {
      // The cookie expired or was cleared since this page asked for it: ask once more.
      hasCookie = false;
      await ensureCookie();
      answer = await send(rating);
    }
    if (answer.text) {
      stars.dataset.stars = answer.text.stars;
      stars.setAttribute('aria-label', answer.text.label);
      votes.textContent = answer.text.votes;
      return answer.text.message;
    }
    if (answer.error) return answer.error.message;
    throw new Error('unexpected answer');
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const rating = new FormData(form).get('rating');
    if (isBusy || typeof rating !== 'string') return;
    // aria-disabled, not disabled: a disabled button would lose the keyboard focus.
    isBusy = true;
    button.setAttribute('aria-disabled', 'true');
    vote(rating)
      .catch(() => form.dataset.ratingFailed ?? '')
      .then(announce)
      .finally(() => {
        isBusy = false;
        button.removeAttribute('aria-disabled');
      });
  });
}
