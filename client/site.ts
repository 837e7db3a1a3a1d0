// The reading pages' one script: the feature modules, and the section navigation folding
// behind a menu button on small screens. Without JavaScript the navigation simply stays open.
import './rating.ts';
import './reads.ts';

const toggle = document.querySelector<HTMLButtonElement>('.nav-toggle');
const nav = document.getElementById('site-nav');

if (toggle && nav) {
  const narrow = window.matchMedia('(max-width: 47.99rem)');
  const setOpen = (isOpen: boolean) => {
    toggle.setAttribute('aria-expanded', String(isOpen));
    nav.classList.toggle('is-collapsed', !isOpen && narrow.matches);
  };
  toggle.hidden = false;
  document.documentElement.classList.add('has-js');
  setOpen(false);
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  narrow.addEventListener('change', () => setOpen(false));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
      setOpen(false);
      toggle.focus();
    }
  });
}
