// The HTML document every reader page shares: the head, and the shell (top bar, masthead,
// navigation, footer, rendered by page-shell.tsx) around the page's main content.
import { escapeHtml, type Children } from '@kitajs/html';
import { flattened } from './flattened.ts';
import { pageShell } from './page-shell.tsx';
import { absoluteUrl, jsonLdText, type Alternate, type Head, type Site } from './site.ts';

/** Renders a complete HTML document around a page's main content. */
export function Layout(props: { site: Site; head: Head; children: Children; bodyClass?: string }): JSX.Element {
  const { site, head } = props;
  const { t, edition } = site;
  const siteName = t('site.name');
  const title = head.title === siteName ? siteName : `${head.title} · ${siteName}`;
  const shell = pageShell(site);
  const safeTop = head.alternates?.length ? switcherToTranslations(shell.safeTop, head.alternates) : shell.safeTop;
  const { safeFooter } = shell;
  // Beside the shell, never in it: the shell is kept per edition and day, a banner comes and goes.
  const { safeBanner } = site;
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
          {safeHeadEnd(site.assets)}
        </head>
        <body class={props.bodyClass}>
          {safeTop}
          {safeBanner}
          <main id="main" tabindex="-1">
            {props.children}
          </main>
          {safeFooter}
        </body>
      </html>
    </>
  );
}

/**
 * The shell's edition switcher pointed at this page's translations: the shell is rendered once
 * per edition and day with each edition's link going to its home, and a page with translations
 * (a story, a program, a Company Profile page) has those links lead to them instead.
 */
function switcherToTranslations(safeTop: string, alternates: readonly Alternate[]): string {
  let top = safeTop;
  for (const a of alternates) {
    const code = escapeHtml(a.lang);
    top = top.replace(
      `<a href="/${code}" lang="${code}" hreflang="${code}"`,
      `<a href="${escapeHtml(a.path)}" lang="${code}" hreflang="${code}"`,
    );
  }
  return top;
}

// The same on every page while the assets stay the same (they change only with a new build).
let headEnd: { css: string; js: string; html: string } | undefined;

/** The head's site-wide tail: colours, icon, stylesheet and script. */
function safeHeadEnd(assets: Site['assets']): string {
  if (headEnd?.css !== assets.css || headEnd.js !== assets.js) {
    const html = (
      <>
        <meta name="color-scheme" content="light dark" />
        <meta name="theme-color" content="#0b3a75" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        {/* Tracked: a page built from other assets (a new release) is loaded in full, not swapped in
            by the radio player's page swaps. A module script runs deferred, after the parse. */}
        <link rel="stylesheet" href={assets.css} data-turbo-track="reload" />
        <script type="module" src={assets.js} data-turbo-track="reload"></script>
      </>
    ) as string;
    headEnd = { css: assets.css, js: assets.js, html: flattened(html) };
  }
  return headEnd.html;
}
