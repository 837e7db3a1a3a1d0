// The reading pages' one script: the feature modules, and a small enhancement of the section
// menu. The menu itself needs no script: on phones the navigation is a popover that the Menu
// button opens (and Escape or a tap outside closes), folded by CSS from the first paint.
import './embeds.ts';
import './rating.ts';
import './reads.ts';

const toggle = document.querySelector<HTMLButtonElement>('.nav-toggle');
const nav = document.getElementById('site-nav');

if (toggle && nav && typeof nav.hidePopover === 'function') enhanceMenu(toggle, nav);

function enhanceMenu(button: HTMLButtonElement, menu: HTMLElement): void {
  // Browsers derive the button's expanded state from the popover; the attribute says it to
  // every assistive technology as well. Only attributes change here, never the layout.
  const sync = () => button.setAttribute('aria-expanded', String(menu.matches(':popover-open')));
  sync();
  menu.addEventListener('toggle', sync);
  // A menu opened on a phone turned into a wide screen would float over the page: fold it.
  window.matchMedia('(min-width: 48rem)').addEventListener('change', (event) => {
    if (event.matches && menu.matches(':popover-open')) menu.hidePopover();
  });
}
