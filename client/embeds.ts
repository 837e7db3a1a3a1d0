// Click-to-load embeds: the server puts an empty card, with the frame's address and the words
// to show, in each embedded post's figure (src/core/text/embeds.ts). Here the card gets its
// button; nothing is asked of the provider until the reader presses it. Run on every page view,
// the ones the radio player swaps in too (see client/site.ts).

const FRAME_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-presentation';
const FRAME_ALLOW = 'autoplay; clipboard-write; encrypted-media; fullscreen; picture-in-picture; web-share';

/** Gives each embed card on this page its button. */
export function offerEmbeds(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('.story-embed__card[data-embed-src]').forEach(offerEmbed);
}

function offerEmbed(card: HTMLElement, index: number): void {
  const { embedSrc, embedLabel, embedNotice, embedTitle } = card.dataset;
  if (!embedSrc || !embedLabel || card.classList.contains('story-embed__card--loaded')) return;
  // A page brought back by the back button is a copy: its button lost its handler. Made anew.
  card.replaceChildren();
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button story-embed__load';
  button.textContent = embedLabel;
  const notice = document.createElement('p');
  notice.className = 'story-embed__notice';
  notice.id = `embed-notice-${index}`;
  notice.textContent = embedNotice ?? '';
  // The cookie notice is read out with the button: it is what the reader agrees to.
  button.setAttribute('aria-describedby', notice.id);
  card.append(button, notice);
  button.addEventListener('click', () => {
    const frame = document.createElement('iframe');
    frame.src = embedSrc;
    frame.title = embedTitle ?? embedLabel;
    frame.loading = 'lazy';
    frame.allow = FRAME_ALLOW;
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    frame.setAttribute('sandbox', FRAME_SANDBOX);
    frame.setAttribute('allowfullscreen', '');
    // The frame takes the card's place and the focus the button had, so Tab goes on into the post.
    card.replaceChildren(frame);
    card.classList.add('story-embed__card--loaded');
    frame.focus();
  });
}
