// The HTML document of every newsroom page: a bar with the site's name and the sections of the
// newsroom this user may use (the same `can` the routes enforce), the page, no footer. It links
// the newsroom's own stylesheet and script (built on first use, see core/assets.ts).
import type { Children } from '@kitajs/html';
import type { Asset } from '../core/assets.ts';
import { newsroomText as t, type NewsroomKey } from './messages.ts';
import { can, type Action, type Staff } from './permissions.ts';

export interface NewsroomPage {
  readonly siteName: string;
  readonly assets: { readonly css: Asset; readonly js: Asset };
  /** The signed-in user; null on the sign-in and setup pages. */
  readonly staff: Staff | null;
  /** The request path, to mark the current section. */
  readonly path: string;
}

interface Section {
  readonly href: string;
  readonly label: NewsroomKey;
  readonly action: Action;
}

const SECTIONS: readonly Section[] = [
  { href: '/newsroom', label: 'nav.dashboard', action: 'dashboard.view' },
  { href: '/newsroom/articles', label: 'nav.articles', action: 'article.create' },
  { href: '/newsroom/media', label: 'nav.media', action: 'media.upload' },
  { href: '/newsroom/sections', label: 'nav.sections', action: 'taxonomy.manage' },
  { href: '/newsroom/pages', label: 'nav.pages', action: 'pages.manage' },
  { href: '/newsroom/menus', label: 'nav.menus', action: 'menus.manage' },
  { href: '/newsroom/redirects', label: 'nav.redirects', action: 'redirects.manage' }, // issue 11: redirects
  { href: '/newsroom/banner', label: 'nav.banner', action: 'banner.manage' },
  { href: '/newsroom/radio', label: 'nav.radio', action: 'broadcast.manage' },
  { href: '/newsroom/episodes', label: 'nav.episodes', action: 'episode.manage' },
  { href: '/newsroom/integrity/reports', label: 'nav.integrityReports', action: 'integrity.inbox' },
  { href: '/newsroom/integrity/documents', label: 'nav.integrityDocuments', action: 'integrity.manage' },
  { href: '/newsroom/integrity/survey', label: 'nav.integritySurvey', action: 'integrity.manage' },
  { href: '/newsroom/users', label: 'nav.users', action: 'users.manage' },
  { href: '/newsroom/editions', label: 'nav.editions', action: 'editions.manage' },
  { href: '/newsroom/audit', label: 'nav.audit', action: 'audit.view' },
  { href: '/newsroom/settings', label: 'nav.settings', action: 'settings.manage' },
];

/** The sections a user sees in the bar (routes not yet built are left out by `available`). */
export function sectionsFor(staff: Staff, available: ReadonlySet<string>): readonly Section[] {
  return SECTIONS.filter((s) => available.has(s.href) && can(staff, s.action));
}

/** Paths of newsroom sections that exist: domains register theirs (see registerSection). */
const availableSections = new Set<string>(['/newsroom']);

/**
 * Where a user who may not see the dashboard starts: the first section of the bar their role
 * allows (an integrity officer: the reports inbox), or undefined when there is none.
 */
export function firstSectionFor(staff: Staff): string | undefined {
  return sectionsFor(staff, availableSections).find((s) => s.href !== '/newsroom')?.href;
}

/** Makes a section's link appear in the bar (for users whose role allows it). */
export function registerSection(href: string): void {
  availableSections.add(href);
}

function isCurrent(path: string, href: string): boolean {
  return href === '/newsroom' ? path === '/newsroom' || path === '/newsroom/' : path.startsWith(href);
}

/** A newsroom document around a page's main content. */
export function NewsroomLayout(props: NewsroomPage & { title: string; children: Children }): JSX.Element {
  const { staff, path } = props;
  return (
    <>
      {'<!doctype html>'}
      <html lang="en" dir="ltr">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex, nofollow" />
          <title safe>{`${props.title} · ${t('newsroom.title')} · ${props.siteName}`}</title>
          <link rel="stylesheet" href={props.assets.css.url} />
          <script src={props.assets.js.url} defer></script>
        </head>
        <body class="newsroom">
          <a class="skip-link" href="#main">
            {t('newsroom.skip')}
          </a>
          <header class="nr-bar">
            <a class="nr-brand" href={staff ? '/newsroom' : '/newsroom/sign-in'}>
              <span safe>{props.siteName}</span> <span class="nr-brand-sub">{t('newsroom.title')}</span>
            </a>
            {!!staff && (
              <>
                <nav class="nr-nav" aria-label={t('newsroom.nav')}>
                  <ul>
                    {sectionsFor(staff, availableSections).map((s) => (
                      <li>
                        <a href={s.href} aria-current={isCurrent(path, s.href) ? 'page' : undefined}>
                          {t(s.label)}
                        </a>
                      </li>
                    ))}
                  </ul>
                </nav>
                <div class="nr-user">
                  <a href="/newsroom/account" aria-current={path === '/newsroom/account' ? 'page' : undefined}>
                    <span class="nr-user-name" safe>
                      {staff.displayName}
                    </span>
                  </a>
                  <form method="post" action="/newsroom/sign-out">
                    <CsrfField token={staff.csrfToken} />
                    <button type="submit" class="nr-link-button">
                      {t('newsroom.signOut')}
                    </button>
                  </form>
                </div>
              </>
            )}
          </header>
          <main id="main" tabindex="-1" class="nr-main">
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}

/** The hidden form field every state-changing newsroom form carries. */
export function CsrfField(props: { token: string }): JSX.Element {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** A list of problems above a form (focusable, announced). */
export function Problems(props: { problems: readonly string[] }): JSX.Element {
  if (props.problems.length === 0) return <></>;
  return (
    <div class="nr-problems" role="alert" tabindex="-1" id="problems">
      <p>{t('form.problems')}</p>
      <ul>
        {props.problems.map((p) => (
          <li safe>{p}</li>
        ))}
      </ul>
    </div>
  );
}

/** A one-line notice (saved, signed out …). */
export function Notice(props: { text: string | undefined; kind?: 'ok' | 'error' }): JSX.Element {
  if (!props.text) return <></>;
  return (
    <p class={`nr-notice nr-notice-${props.kind ?? 'ok'}`} role="status" safe>
      {props.text}
    </p>
  );
}
