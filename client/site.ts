// The reading pages' one script: the feature modules, a small enhancement of the section menu,
// and the radio's play buttons. The menu itself needs no script: on phones the navigation is a
// popover that the Menu button opens (and Escape or a tap outside closes), folded by CSS from the
// first paint.
//
// Once a reader presses play, the radio player (client/player) swaps later pages into this
// document instead of loading them, so the audio goes on: the features then run again for each
// new page (Turbo's `turbo:load`), once per page body.
import { offerEmbeds } from './embeds.ts';
import { listenForPlay } from './player/play-buttons.ts';
import { bindRating } from './rating.ts';
import { countRead } from './reads.ts';
import './live.ts';
import './schedule-times.ts';

const shown = new WeakSet<HTMLElement>();

function pageShown(): void {
  const body = document.body;
  if (shown.has(body)) return;
  shown.add(body);
  enhanceMenu();
  offerEmbeds(body);
  bindRating(body);
  countRead(body);
}

pageShown();
document.addEventListener('turbo:load', pageShown);
listenForPlay();

function enhanceMenu(): void {
  const button = document.querySelector<HTMLButtonElement>('.nav-toggle');
  const menu = document.getElementById('site-nav');
  if (!button || !menu || typeof menu.hidePopover !== 'function') return;
  // Browsers derive the button's expanded state from the popover; the attribute says it to
  // every assistive technology as well. Only attributes change here, never the layout.
  const sync = () => button.setAttribute('aria-expanded', String(menu.matches(':popover-open')));
  sync();
  menu.addEventListener('toggle', sync);
}

// A menu opened on a phone turned into a wide screen would float over the page: fold it.
window.matchMedia('(min-width: 48rem)').addEventListener('change', (event) => {
  const menu = document.getElementById('site-nav');
  if (event.matches && menu?.matches(':popover-open')) menu.hidePopover();
});
