// Keeps the player playing from page to page. A reading page is a full document; loading the next
// one would end the audio. Once a reader presses play, Hotwire Turbo (Drive) takes over same-site
// links and GET forms: it fetches the next page (the same cached HTML a full load gets), swaps its
// <body> in, and keeps the element marked data-turbo-permanent (the player) as it is, audio and all.
// Why Turbo: a maintained library that does exactly this on server-rendered pages, history and
// scroll restoration included; our pages need no change for it, and it costs nothing until play.
//
// What is kept working here: every page's features run again for the new body (client/site.ts
// listens to turbo:load), the focus moves to the new page's heading and its title is announced,
// the newsroom, the API, files (feeds, calendars, media) and POST forms load the ordinary way.
import * as Turbo from '@hotwired/turbo';

export const PLAYER_ID = 'live-player';

/** Paths that are not reading pages: a full load, as without the player. */
const NOT_PAGES = /^\/(newsroom|api|media|assets)(\/|$)/;

/** File types Turbo does not know as files (it fetches everything else as a page). */
const MORE_FILES = ['.ics', '.m3u8', '.m3u', '.pls', '.rss', '.atom', '.vtt', '.srt', '.flac', '.opus'];

let started = false;
let lastAction = 'advance';

/** Starts the page swaps (Turbo started itself when this file loaded): once. */
export function startDrive(announce: (text: string) => void): void {
  if (started) {
    Turbo.session.drive = true;
    return;
  }
  started = true;
  for (const extension of MORE_FILES) Turbo.config.drive.unvisitableExtensions.add(extension);
  // No fetching of pages a reader only hovers over: listeners on phones pay for every byte.
  document.body.dataset.turboPrefetch = 'false';

  document.addEventListener('turbo:click', (event) => {
    const url = new URL((event as CustomEvent<{ url: string }>).detail.url);
    if (NOT_PAGES.test(url.pathname)) event.preventDefault();
  });
  document.addEventListener('turbo:before-visit', (event) => {
    const url = new URL((event as CustomEvent<{ url: string }>).detail.url);
    if (NOT_PAGES.test(url.pathname)) {
      event.preventDefault();
      location.assign(url.href);
    }
  });
  // Before Turbo's own listener (on document): a form that posts is left to the browser, whose
  // answer is a page of its own (Turbo wants a redirect after a post).
  window.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      if (form instanceof HTMLFormElement && form.method.toLowerCase() !== 'get') form.dataset.turbo = 'false';
    },
    true,
  );
  document.addEventListener('turbo:visit', (event) => {
    lastAction = (event as CustomEvent<{ action: string }>).detail.action;
  });
  document.addEventListener('turbo:before-render', (event) => {
    const { newBody } = (event as CustomEvent<{ newBody: HTMLElement }>).detail;
    newBody.dataset.turboPrefetch = 'false';
    // Every page is to keep the player: one that has no place for it gets one, which Turbo then
    // fills with the playing player instead of a new one.
    if (!newBody.querySelector(`#${PLAYER_ID}`)) {
      const place = document.createElement('div');
      place.id = PLAYER_ID;
      place.dataset.turboPermanent = '';
      newBody.append(place);
    }
  });
  document.addEventListener('turbo:load', () => {
    if (!pageWasSwapped) return;
    pageWasSwapped = false;
    focusNewPage(lastAction === 'restore');
    announce(document.title);
  });
  document.addEventListener('turbo:render', () => (pageWasSwapped = true));
}

let pageWasSwapped = false;

/** Stops the page swaps: later links load pages in full again (the player was closed). */
export function stopDrive(): void {
  if (started) Turbo.session.drive = false;
}

/**
 * Puts the focus where a freshly loaded page has it in effect: at the start of its content, so the
 * next Tab goes on from there and a screen reader reads the new heading. A link to a fragment
 * keeps its target.
 */
function focusNewPage(restored: boolean): void {
  if (location.hash && !restored) return;
  const main = document.getElementById('main');
  const heading = main?.querySelector<HTMLElement>('h1');
  const target = heading ?? main;
  if (!target) return;
  if (target === heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}
