// The discovery tags of the site's non-article pages (edition home, story lists, static
// pages): share card, feed links and structured data, ready to spread into a page's Head.
import { absoluteUrl, type Head, type Site } from '../core/views/site.ts';
import { feedLinkTags } from './feed-links.ts';
import { homeJsonLd, webPageJsonLd, type Crumb } from './json-ld.ts';
import { PUBLISHER_LOGO } from './publisher-logo.ts';
import { shareMeta, type ShareImage } from './share-tags.ts';

/** The parts of a Head this module fills in. */
export type HeadTags = Pick<Head, 'meta' | 'links' | 'jsonLd'>;

/** The station logo as a share image, for pages without a picture of their own. */
export function logoShareImage(site: Site): ShareImage {
  return {
    url: absoluteUrl(site, PUBLISHER_LOGO.path),
    width: PUBLISHER_LOGO.width,
    height: PUBLISHER_LOGO.height,
    alt: site.t('site.name'),
    type: 'image/png',
  };
}

function websiteShareMeta(site: Site, title: string, description: string, path: string) {
  return shareMeta({
    siteName: site.t('site.name'),
    title,
    description,
    url: absoluteUrl(site, path),
    locale: site.edition.locale,
    image: logoShareImage(site),
  });
}

/** An edition's home: share card, the edition's feeds, WebSite (with search) and the organization. */
export function homeHeadTags(site: Site): HeadTags {
  const path = `/${site.edition.code}`;
  const name = site.t('site.name');
  return {
    meta: websiteShareMeta(site, name, site.t('site.description'), path),
    links: feedLinkTags(path, name),
    jsonLd: homeJsonLd(site),
  };
}

/** A list of stories: CollectionPage and breadcrumbs, plus feed links when it has feeds (`feedPath`). */
export function collectionHeadTags(
  site: Site,
  page: { title: string; description: string; path: string; trail: readonly Crumb[]; feedPath?: string },
): HeadTags {
  const name = site.t('site.name');
  return {
    meta: websiteShareMeta(site, page.title, page.description, page.path),
    links: page.feedPath ? feedLinkTags(page.feedPath, `${page.title} · ${name}`) : [],
    jsonLd: webPageJsonLd(site, { type: 'CollectionPage', ...page }),
  };
}

/** A static page: WebPage with its last change, and breadcrumbs. */
export function staticPageHeadTags(
  site: Site,
  page: { title: string; description: string; path: string; trail: readonly Crumb[]; modified: Date },
): HeadTags {
  return {
    meta: websiteShareMeta(site, page.title, page.description, page.path),
    jsonLd: webPageJsonLd(site, { type: 'WebPage', ...page }),
  };
}
