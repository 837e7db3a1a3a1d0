// The parts of every reader page that do not depend on the page: the skip link, the header (top
// bar, masthead, navigation) and the footer. They are rendered once per edition and day, and again
// when the menu or the editions change, instead of on every request.
import { isoInZone } from '../../i18n/index.ts';
import { flattened } from './flattened.ts';
import type { EditionInfo, NavLink, Site } from './site.ts';
import { Logo } from './logo.tsx';

/** The shell's HTML around a page's <main>, as the page's Layout places it. */
export interface PageShell {
  /** The skip link and the header, with the current page marked in the navigation. */
  readonly safeTop: string;
  readonly safeFooter: string;
}

/**
 * Where the top bar slot goes in a rendered header. The header is kept as the two strings around
 * it, so the slot's part (the radio's on-air state) changes without rendering the header again.
 */
const TOPBAR_GAP = '<!--topbar-slot-->';

/** What an edition's shell was rendered from: when any of it changes, the shell is rendered anew. */
interface RenderedShell {
  readonly t: Site['t'];
  readonly f: Site['f'];
  readonly editions: Site['editions'];
  readonly menu: Site['menu'];
  readonly timezone: string;
  readonly logo: Site['logo'];
  /** The top bar's date, as its datetime and as its text. */
  readonly day: string;
  readonly today: string;
  /** The footer's copyright year. */
  readonly year: number;
  /** Skip link and header by the page's marks in the navigation (see marksOf), split at TOPBAR_GAP. */
  readonly tops: Map<string, readonly [string, string]>;
  readonly footer: string;
}

/** Ways a navigation can mark a page: one header per menu item, home and search, at most. */
const MAX_TOPS = 64;

// Per edition object: a reload of the editions makes new objects, and the old shells go with them.
const shells = new WeakMap<EditionInfo, RenderedShell>();

/** The shell of a page: rendered parts reused while the edition, its menu and the day stay the same. */
export function pageShell(site: Site): PageShell {
  const shell = currentShell(site);
  const marks = marksOf(site);
  let top = shell.tops.get(marks);
  if (top === undefined) {
    if (shell.tops.size >= MAX_TOPS) shell.tops.clear();
    const html = flattened(
      (
        <>
          <a class="skip-link" href="#main" safe>
            {site.t('nav.skip')}
          </a>
          <Header site={site} />
        </>
      ) as string,
    );
    const gap = html.indexOf(TOPBAR_GAP);
    top = [html.slice(0, gap), html.slice(gap + TOPBAR_GAP.length)] as const;
    shell.tops.set(marks, top);
  }
  return { safeTop: top[0] + (site.safeTopbar ?? '') + top[1], safeFooter: shell.footer };
}

function currentShell(site: Site): RenderedShell {
  const day = isoInZone(site.now, site.timezone).slice(0, 10);
  const today = site.f.today(site.now);
  const year = site.now.getUTCFullYear();
  const shell = shells.get(site.edition);
  if (
    shell &&
    shell.t === site.t &&
    shell.f === site.f &&
    shell.timezone === site.timezone &&
    shell.logo === site.logo &&
    shell.day === day &&
    shell.today === today &&
    shell.year === year &&
    isSameEditions(shell.editions, site.editions) &&
    isSameMenu(shell.menu, site.menu)
  ) {
    return shell;
  }
  const fresh: RenderedShell = {
    t: site.t,
    f: site.f,
    editions: site.editions,
    menu: site.menu,
    timezone: site.timezone,
    logo: site.logo,
    day,
    today,
    year,
    tops: new Map(),
    footer: flattened((<Footer site={site} />) as string),
  };
  shells.set(site.edition, fresh);
  return fresh;
}

/**
 * What of the page the header shows: whether it is the search page, and which menu items lead to
 * it (aria-current). Pages with the same marks share one rendered header.
 */
function marksOf(site: Site): string {
  let marks = site.path === `/${site.edition.code}/search` ? 's' : '';
  const menu = site.menu;
  for (let i = 0; i < menu.length; i++) if (isCurrent(site.path, menu[i]!.href)) marks += `,${i}`;
  return marks;
}

/** A menu item is current when the path is it or lies under it (the home link only on home). */
function isCurrent(path: string, href: string): boolean {
  if (path === href) return true;
  return hasTwoSlashes(href) && path.startsWith(href + '/');
}

/** Whether a link goes deeper than an edition's home ("/en/category/world", not "/en"). */
function hasTwoSlashes(href: string): boolean {
  const first = href.indexOf('/');
  return first !== -1 && href.indexOf('/', first + 1) !== -1;
}

/** Equal when the registry hands out the same list, or lists with the same names and links. */
function isSameMenu(a: readonly NavLink[], b: readonly NavLink[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((item, i) => item.label === b[i]!.label && item.href === b[i]!.href);
}

function isSameEditions(a: readonly EditionInfo[], b: readonly EditionInfo[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((e, i) => e.code === b[i]!.code && e.name === b[i]!.name);
}

function Header({ site }: { site: Site }): JSX.Element {
  const { t, edition } = site;
  return (
    <header class="site-header">
      <div class="topbar">
        <div class="wrap topbar__inner">
          <time class="topbar__date" datetime={isoInZone(site.now, site.timezone).slice(0, 10)} safe>
            {site.f.today(site.now)}
          </time>
          <EditionSwitcher site={site} />
          {TOPBAR_GAP}
        </div>
      </div>
      <div class="wrap masthead">
        <a class="logo" href={`/${edition.code}`}>
          {site.logo ? (
            // Beside the site's name, which says what it shows: no alternative text of its own.
            <img
              class="logo__image"
              src={site.logo.src}
              srcset={site.logo.srcset}
              sizes="200px"
              width={String(site.logo.width)}
              height={String(site.logo.height)}
              alt=""
            />
          ) : (
            <Logo />
          )}
          <span class="logo__text">
            <span class="logo__name" safe>
              {t('site.name')}
            </span>
            <span class="logo__tagline" safe>
              {t('site.tagline')}
            </span>
          </span>
        </a>
        <a
          class="masthead-search"
          href={`/${edition.code}/search`}
          aria-current={site.path === `/${edition.code}/search` ? 'page' : undefined}
        >
          <svg class="masthead-search__icon" width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
            <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.5" />
            <path d="m15.5 15.5 5 5" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
          </svg>
          <span class="masthead-search__label" safe>
            {t('nav.search')}
          </span>
        </a>
        {/* Opens the navigation as a popover on phones: the browser does it, with no script, so the
            menu is folded from the first paint and nothing moves when the script arrives. */}
        <button class="nav-toggle" type="button" popovertarget="site-nav" aria-controls="site-nav">
          <span class="nav-toggle__bars" aria-hidden="true"></span>
          <span safe>{t('nav.menu')}</span>
        </button>
      </div>
      <nav id="site-nav" class="site-nav" popover="auto" aria-label={t('nav.sections')}>
        <ul class="wrap site-nav__list">
          <li class="site-nav__search">
            <form role="search" method="get" action={`/${edition.code}/search`} aria-label={t('nav.search')}>
              <label class="visually-hidden" for="nav-search-q" safe>
                {t('search.label')}
              </label>
              <input id="nav-search-q" type="search" name="q" enterkeyhint="search" />
              <button type="submit" safe>
                {t('nav.search')}
              </button>
            </form>
          </li>
          {site.menu.map((item) => (
            <li>
              <a href={item.href} aria-current={isCurrent(site.path, item.href) ? 'page' : undefined} safe>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

/**
 * Each edition's link, to its home. The layout points the links of a page with translations at
 * them by the link's opening `<a href="/{code}" lang="{code}" hreflang="{code}"` (layout.tsx,
 * switcherToTranslations): keep that order of attributes.
 */
function EditionSwitcher({ site }: { site: Site }): JSX.Element {
  if (site.editions.length < 2) return <></>;
  return (
    <nav class="editions" aria-label={site.t('nav.editions')}>
      <ul>
        {site.editions.map((e) => (
          <li>
            <a
              href={`/${e.code}`}
              lang={e.code}
              hreflang={e.code}
              aria-current={e.code === site.edition.code ? 'true' : undefined}
              safe
            >
              {e.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Footer({ site }: { site: Site }): JSX.Element {
  const { t } = site;
  return (
    <footer class="site-footer">
      <div class="wrap site-footer__inner">
        <p class="site-footer__about" safe>
          {t('footer.about', { site: t('site.name') })}
        </p>
        <p class="site-footer__rights">
          <span safe>{t('footer.rights', { year: String(site.now.getUTCFullYear()) })}</span>
          {/* The notice is the integrity domain's page (src/integrity/privacy); every page links it. */}
          <a class="site-footer__privacy" href={`/${encodeURIComponent(site.edition.code)}/privacy`} safe>
            {t('footer.privacy')}
          </a>
        </p>
      </div>
    </footer>
  );
}
