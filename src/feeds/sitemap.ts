// Sitemap documents (sitemaps.org 0.9): the index, URL sets with images, and the Google News sitemap.
import { el, xmlDocument } from './xml.ts';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** W3C datetime in UTC, to the second. */
export function w3cDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Google News wants an ISO 639 code, except zh-cn and zh-tw for the two Chinese scripts. */
export function newsLanguage(locale: string): string {
  try {
    const l = new Intl.Locale(locale).maximize();
    if (l.language === 'zh') return l.script === 'Hant' ? 'zh-tw' : 'zh-cn';
    return l.language;
  } catch {
    return locale.split('-')[0]!.toLowerCase();
  }
}

/** A sitemap index: where the sitemaps are and when each last changed. */
export function renderSitemapIndex(sitemaps: readonly { loc: string; lastmod?: Date | null }[]): string {
  return xmlDocument(
    el(
      'sitemapindex',
      { xmlns: SITEMAP_NS },
      sitemaps.map((s) =>
        el('sitemap', null, el('loc', null, s.loc), !!s.lastmod && el('lastmod', null, w3cDate(s.lastmod))),
      ),
    ),
  );
}

/** A URL set; `images` are listed with Google's image extension. */
export function renderUrlSet(
  urls: readonly { loc: string; lastmod?: Date | null; images?: readonly string[] }[],
): string {
  return xmlDocument(
    el(
      'urlset',
      { xmlns: SITEMAP_NS, 'xmlns:image': 'http://www.google.com/schemas/sitemap-image/1.1' },
      urls.map((u) =>
        el(
          'url',
          null,
          el('loc', null, u.loc),
          !!u.lastmod && el('lastmod', null, w3cDate(u.lastmod)),
          (u.images ?? []).map((src) => el('image:image', null, el('image:loc', null, src))),
        ),
      ),
    ),
  );
}

/** A Google News sitemap: each story with the publication's name and language, its date and title. */
export function renderNewsSitemap(
  publication: { name: string; language: string },
  stories: readonly { loc: string; title: string; published: Date }[],
): string {
  return xmlDocument(
    el(
      'urlset',
      { xmlns: SITEMAP_NS, 'xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9' },
      stories.map((s) =>
        el(
          'url',
          null,
          el('loc', null, s.loc),
          el(
            'news:news',
            null,
            el(
              'news:publication',
              null,
              el('news:name', null, publication.name),
              el('news:language', null, publication.language),
            ),
            el('news:publication_date', null, w3cDate(s.published)),
            el('news:title', null, s.title),
          ),
        ),
      ),
    ),
  );
}
