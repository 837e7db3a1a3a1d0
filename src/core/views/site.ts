// What every reader page knows about the site it is part of: the view-side context.
import type { Formats, Translate } from '../../i18n/index.ts';

/** An edition as views need it. */
export interface EditionInfo {
  readonly code: string;
  readonly name: string;
  readonly locale: string;
  readonly direction: 'ltr' | 'rtl';
  /** The edition's own IANA time zone, when it has one (else the site's). */
  readonly timeZone?: string | undefined;
}

/** One entry of a navigation menu. */
export interface NavLink {
  readonly label: string;
  readonly href: string;
}

/** The site's own logo (an uploaded image), as the masthead and structured data show it. */
export interface SiteLogo {
  /** A WebP size for the masthead (WebP keeps a logo's transparency), with its other sizes. */
  readonly src: string;
  readonly srcset: string;
  readonly width: number;
  readonly height: number;
  /** The largest JPEG size, for publishers' logos in structured data and feeds. */
  readonly raster: { readonly url: string; readonly width: number; readonly height: number };
}

/** The per-request context a reader page is rendered with. */
export interface Site {
  readonly edition: EditionInfo;
  readonly editions: readonly EditionInfo[];
  readonly t: Translate;
  readonly f: Formats;
  readonly timezone: string;
  readonly baseUrl: string;
  readonly menu: readonly NavLink[];
  readonly now: Date;
  readonly assets: { readonly css: string; readonly js: string };
  /** The request's path, to mark the current section in the navigation. */
  readonly path: string;
  /** The logo chosen in the newsroom's settings; absent: the built-in station mark. */
  readonly logo?: SiteLogo;
  /** The banner slot's HTML for this request (core/views/slots.ts), placed by the layout. */
  readonly safeBanner?: string;
  /** The top bar slot's HTML for this request, placed by the shell. */
  readonly safeTopbar?: string;
}

/** A translation of the current page in another edition. */
export interface Alternate {
  readonly lang: string;
  readonly path: string;
}

/** What goes into <head> besides the site-wide parts. */
export interface Head {
  readonly title: string;
  readonly description: string;
  /** Canonical path (absolute URL is made from the base URL). */
  readonly path: string;
  readonly alternates?: readonly Alternate[];
  readonly noindex?: boolean;
  /** Extra <meta> tags: Open Graph (`property`) and Twitter cards (`name`). */
  readonly meta?: readonly MetaTag[];
  /** Extra <link> tags: feeds and the like. */
  readonly links?: readonly LinkTag[];
  /** Structured data, each object written as one JSON-LD script. */
  readonly jsonLd?: readonly object[];
}

/** A <meta> tag with either `property` (Open Graph) or `name`. */
export interface MetaTag {
  readonly property?: string;
  readonly name?: string;
  readonly content: string;
}

/** A <link> tag in the head. */
export interface LinkTag {
  readonly rel: string;
  readonly href: string;
  readonly type?: string;
  readonly title?: string;
}

/** JSON for a <script type="application/ld+json">: "<" escaped so no text can close the script. */
export function jsonLdText(data: object): string {
  const json = JSON.stringify(data);
  // Three plain searches cost less than one pass of the pattern, and most pages have none of them.
  const isPlain = !json.includes('<') && !json.includes('\u2028') && !json.includes('\u2029');
  return isPlain ? json : json.replace(/[<\u2028\u2029]/g, escapeForScript);
}

/** `<` as \u003c, and the line and paragraph separators (which old parsers end a line at) escaped too. */
function escapeForScript(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Makes an absolute URL from a site path, always on the configured base URL. A full http(s) URL
 * is kept: those come only from our own data (menu links to other sites), never from a request.
 */
export function absoluteUrl(site: Pick<Site, 'baseUrl'>, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return site.baseUrl + (path.startsWith('/') ? path : `/${path}`);
}

/**
 * The path of a request-target, without query or fragment. Node hands over the raw target, which
 * may be absolute ("http://evil.example/en"): its scheme and host are dropped, so no host named by
 * a client reaches a page, and leading slashes collapse so "//evil.example" never reads as a host.
 */
export function requestPath(target: string): string {
  const path = target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split(/[?#]/)[0] ?? '';
  return `/${path.replace(/^\/+/, '')}`;
}
