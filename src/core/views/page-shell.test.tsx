// The page shell is rendered once and reused: every page must still mark its own section, and a
// new day, a new menu or reloaded editions must show on the next page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTranslator, formatsFor } from '../../i18n/index.ts';
import { Layout } from './layout.tsx';
import type { NavLink, Site } from './site.ts';

const TZ = 'Asia/Jakarta';

function editionsOf() {
  return [
    { code: 'en', name: 'English', locale: 'en-GB', direction: 'ltr' as const },
    { code: 'id', name: 'Bahasa Indonesia', locale: 'id-ID', direction: 'ltr' as const },
  ].map((e) => ({ ...e, t: createTranslator(e.code, e.locale), f: formatsFor(e.locale, TZ) }));
}

const MENU: readonly NavLink[] = [
  { label: 'World', href: '/en/category/world' },
  { label: 'Sports', href: '/en/category/sports' },
  { label: 'Home', href: '/en' },
];

function siteOf(
  editions: ReturnType<typeof editionsOf>,
  path: string,
  options: { menu?: readonly NavLink[]; now?: Date; code?: string } = {},
): Site {
  const edition = editions.find((e) => e.code === (options.code ?? 'en'))!;
  return {
    edition,
    editions,
    t: edition.t,
    f: edition.f,
    timezone: TZ,
    baseUrl: 'https://warta.test',
    menu: options.menu ?? MENU,
    now: options.now ?? new Date('2024-06-16T03:00:00Z'),
    assets: { css: '/assets/app.css', js: '/assets/app.js' },
    path,
  };
}

function render(site: Site): string {
  return (
    <Layout site={site} head={{ title: 'Page', description: 'A page', path: site.path }}>
      <p>Body</p>
    </Layout>
  ) as string;
}

/** The links of the section navigation that say they lead to the current page. */
function currentLinks(html: string): string[] {
  const nav = /<nav id="site-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  return [...nav.matchAll(/<a href="([^"]+)" aria-current="page">/g)].map((m) => m[1]!);
}

describe('page shell', () => {
  it('marks the section of each page, whichever page was rendered before it', () => {
    const editions = editionsOf();
    const paths = ['/en/category/world/asia', '/en/category/sports', '/en', '/en/news/1/a', '/en/category/world'];
    const expected = [['/en/category/world'], ['/en/category/sports'], ['/en'], [], ['/en/category/world']];
    for (let round = 0; round < 2; round++) {
      paths.forEach((path, i) => assert.deepEqual(currentLinks(render(siteOf(editions, path))), expected[i], path));
    }
  });

  it('marks the search link on the search page only', () => {
    const editions = editionsOf();
    const search = render(siteOf(editions, '/en/search'));
    assert.match(search, /<a class="masthead-search" href="\/en\/search" aria-current="page">/);
    assert.doesNotMatch(render(siteOf(editions, '/en')), /masthead-search" href="\/en\/search" aria-current/);
  });

  it('renders the same page as a shell rendered anew', () => {
    const path = '/en/category/sports';
    const first = render(siteOf(editionsOf(), path));
    const editions = editionsOf();
    render(siteOf(editions, '/en'));
    assert.equal(render(siteOf(editions, path)), first);
  });

  it('shows a changed menu on the next page, and keeps one whose links are the same', () => {
    const editions = editionsOf();
    render(siteOf(editions, '/en'));
    const changed = render(
      siteOf(editions, '/en', { menu: [{ label: 'Harbour news', href: '/en/category/harbour' }] }),
    );
    assert.match(changed, /Harbour news/);
    assert.doesNotMatch(changed, />World</);
    const copy = render(siteOf(editions, '/en', { menu: MENU.map((item) => ({ ...item })) }));
    assert.match(copy, />World</);
    assert.doesNotMatch(copy, /Harbour news/);
  });

  it('writes the date of the day in the top bar and the year in the footer', () => {
    const editions = editionsOf();
    const june = render(siteOf(editions, '/en', { now: new Date('2024-06-16T16:59:00Z') }));
    assert.match(june, /<time class="topbar__date" datetime="2024-06-16">Sunday, 16 June 2024<\/time>/);
    // Midnight in Jakarta: a new day in the top bar.
    const next = render(siteOf(editions, '/en', { now: new Date('2024-06-16T17:00:00Z') }));
    assert.match(next, /<time class="topbar__date" datetime="2024-06-17">Monday, 17 June 2024<\/time>/);
    const newYear = render(siteOf(editions, '/en', { now: new Date('2025-01-01T00:00:00Z') }));
    assert.match(newYear, /© 2025 Radio Warta Nusantara/);
  });

  it('follows reloaded editions, and keeps each edition in its own language', () => {
    const editions = editionsOf();
    assert.match(
      render(siteOf(editions, '/id', { code: 'id', menu: [] })),
      /<span class="masthead-search__label">Cari</,
    );
    assert.match(render(siteOf(editions, '/en')), /<span class="masthead-search__label">Search</);
    const reloaded = [...editionsOf(), { ...editionsOf()[0]!, code: 'fr', name: 'Français', locale: 'fr-FR' }];
    assert.match(render(siteOf(reloaded, '/en')), /hreflang="fr"[^>]*>Français</);
  });
});
