// The page shell every reader page shares: head, top bar, masthead, navigation, footer.
import type { Children } from '@kitajs/html';
import { isoInZone } from '../../i18n/index.ts';
import { absoluteUrl, jsonLdText, type Head, type Site } from './site.ts';
import { Logo } from './logo.tsx';

/** Renders a complete HTML document around a page's main content. */
export function Layout(props: { site: Site; head: Head; children: Children; bodyClass?: string }): JSX.Element {
  const { site, head } = props;
  const { t, edition } = site;
  const siteName = t('site.name');
  const title = head.title === siteName ? siteName : `${head.title} · ${siteName}`;
  return (
    <>
      {'<!doctype html>'}
      <html lang={edition.code} dir={edition.direction}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{title}</title>
          <meta name="description" content={head.description} />
          <link rel="canonical" href={absoluteUrl(site, head.path)} />
          {!!head.alternates && head.alternates.length > 0 && (
            <>
              <link rel="alternate" hreflang={edition.code} href={absoluteUrl(site, head.path)} />
              {head.alternates.map((a) => (
                <link rel="alternate" hreflang={a.lang} href={absoluteUrl(site, a.path)} />
              ))}
            </>
          )}
          {head.noindex && <meta name="robots" content="noindex" />}
          {(head.meta ?? []).map((m) => (
            <meta property={m.property} name={m.name} content={m.content} />
          ))}
          {(head.links ?? []).map((l) => (
            <link rel={l.rel} href={absoluteUrl(site, l.href)} type={l.type} title={l.title} />
          ))}
          {(head.jsonLd ?? []).map((data) => (
            <script type="application/ld+json">{jsonLdText(data)}</script>
          ))}
          <meta name="color-scheme" content="light dark" />
          <meta name="theme-color" content="#0b3a75" />
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
          <link rel="stylesheet" href={site.assets.css} />
          <script src={site.assets.js} defer></script>
        </head>
        <body class={props.bodyClass}>
          <a class="skip-link" href="#main" safe>
            {t('nav.skip')}
          </a>
          <Header site={site} />
          <main id="main" tabindex="-1">
            {props.children}
          </main>
          <Footer site={site} />
        </body>
      </html>
    </>
  );
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
          <a class="listen-live" href={`/${edition.code}/live`}>
            <span class="listen-live__dot" aria-hidden="true"></span>
            <span safe>{t('nav.listenLive')}</span>
          </a>
        </div>
      </div>
      <div class="wrap masthead">
        <a class="logo" href={`/${edition.code}`}>
          <Logo />
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

/** A menu item is current when the path is it or lies under it (the home link only on home). */
function isCurrent(path: string, href: string): boolean {
  if (path === href) return true;
  return href.split('/').length > 2 && path.startsWith(href + '/');
}

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
          {t('footer.about')}
        </p>
        <p class="site-footer__rights" safe>
          {t('footer.rights', { year: String(site.now.getUTCFullYear()) })}
        </p>
      </div>
    </footer>
  );
}
