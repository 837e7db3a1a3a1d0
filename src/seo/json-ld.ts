// schema.org structured data (JSON-LD) for search engines: the broadcaster, the site, pages,
// breadcrumbs and news articles. Pure builders: a Site and plain values in, objects out.
import { absoluteUrl, type Site } from '../core/views/site.ts';
import { isoInZone } from '../i18n/index.ts';
import { PUBLISHER_LOGO } from './publisher-logo.ts';

const CONTEXT = 'https://schema.org';

/** A step of a breadcrumb trail, as the page shows it. */
export interface Crumb {
  readonly label: string;
  readonly href: string;
}

/** An image as schema.org's ImageObject wants it. */
export interface JsonLdImage {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly caption?: string;
}

/** Who wrote a story: a staff author (Person with a profile page) or a free-text byline. */
export type JsonLdAuthor =
  | { readonly kind: 'person'; readonly name: string; readonly url: string }
  | { readonly kind: 'organization'; readonly name: string };

/** The facts of a news article that structured data repeats. */
export interface NewsArticleInput {
  readonly headline: string;
  readonly description: string;
  readonly path: string;
  readonly published: Date;
  readonly modified: Date;
  readonly authors: readonly JsonLdAuthor[];
  readonly image: JsonLdImage | null;
  readonly section: string;
  readonly keywords: readonly string[];
  readonly dateline: string;
}

/** Ids that tie the graph together across a site's pages. */
function ids(site: Site) {
  return {
    organization: `${site.baseUrl}/#organization`,
    website: `${absoluteUrl(site, `/${site.edition.code}`)}#website`,
  };
}

function imageObject(image: JsonLdImage): object {
  return {
    '@type': 'ImageObject',
    url: image.url,
    width: image.width,
    height: image.height,
    ...(image.caption ? { caption: image.caption } : {}),
  };
}

/** The broadcaster as a NewsMediaOrganization with its raster logo (nested, without @context). */
export function publisherJsonLd(site: Site): object {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': ids(site).organization,
    name: site.t('site.name'),
    url: absoluteUrl(site, `/${site.edition.code}`),
    // The logo chosen in the settings, else the station mark drawn as a PNG.
    logo: imageObject(
      site.logo
        ? {
            url: absoluteUrl(site, site.logo.raster.url),
            width: site.logo.raster.width,
            height: site.logo.raster.height,
          }
        : { url: absoluteUrl(site, PUBLISHER_LOGO.path), width: PUBLISHER_LOGO.width, height: PUBLISHER_LOGO.height },
    ),
  };
}

/** A BreadcrumbList from the trail a page shows; the last step is the page itself. */
export function breadcrumbJsonLd(site: Site, trail: readonly Crumb[]): object {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.label,
      item: absoluteUrl(site, crumb.href),
    })),
  };
}

/** An edition's home: the WebSite with its search, and the organization behind it. */
export function homeJsonLd(site: Site): object[] {
  const code = site.edition.code;
  const website = {
    '@context': CONTEXT,
    '@type': 'WebSite',
    '@id': ids(site).website,
    name: site.t('site.name'),
    description: site.t('site.description'),
    url: absoluteUrl(site, `/${code}`),
    inLanguage: site.edition.locale,
    publisher: { '@id': ids(site).organization },
    potentialAction: {
      '@type': 'SearchAction',
      target: {
        '@type': 'EntryPoint',
        urlTemplate: `${absoluteUrl(site, `/${code}/search`)}?q={search_term_string}`,
      },
      'query-input': 'required name=search_term_string',
    },
  };
  return [website, { '@context': CONTEXT, ...publisherJsonLd(site) }];
}

/** A static page (WebPage) or a list of stories (CollectionPage), with its breadcrumbs. */
export function webPageJsonLd(
  site: Site,
  page: {
    type: 'WebPage' | 'CollectionPage';
    title: string;
    description: string;
    path: string;
    trail: readonly Crumb[];
    modified?: Date;
  },
): object[] {
  const url = absoluteUrl(site, page.path);
  const webPage = {
    '@context': CONTEXT,
    '@type': page.type,
    '@id': url,
    url,
    name: page.title,
    description: page.description,
    inLanguage: site.edition.locale,
    isPartOf: { '@id': ids(site).website },
    breadcrumb: { '@id': `${url}#breadcrumb` },
    ...(page.modified ? { dateModified: isoInZone(page.modified, site.timezone) } : {}),
  };
  return [webPage, Object.assign(breadcrumbJsonLd(site, page.trail), { '@id': `${url}#breadcrumb` })];
}

/** A NewsArticle as Google's article and Top stories features read it. */
export function newsArticleJsonLd(site: Site, a: NewsArticleInput): object {
  const url = absoluteUrl(site, a.path);
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    headline: a.headline,
    ...(a.description ? { description: a.description } : {}),
    datePublished: isoInZone(a.published, site.timezone),
    dateModified: isoInZone(a.modified, site.timezone),
    author: a.authors.map((author) =>
      author.kind === 'person'
        ? { '@type': 'Person', name: author.name, url: author.url }
        : { '@type': 'Organization', name: author.name },
    ),
    ...(a.image ? { image: [imageObject(a.image)] } : {}),
    publisher: publisherJsonLd(site),
    inLanguage: site.edition.locale,
    isAccessibleForFree: true,
    isPartOf: { '@id': ids(site).website },
    ...(a.section ? { articleSection: a.section } : {}),
    ...(a.keywords.length > 0 ? { keywords: a.keywords } : {}),
    ...(a.dateline ? { dateline: a.dateline } : {}),
  };
}
