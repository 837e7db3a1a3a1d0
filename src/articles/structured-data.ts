// What an article page tells machines: Open Graph and Twitter card tags, and JSON-LD
// NewsArticle plus BreadcrumbList. Pure: built from the props the page is rendered with.
import { absoluteUrl, type Site } from '../core/views/site.ts';
import { isoInZone } from '../i18n/index.ts';
import {
  breadcrumbJsonLd,
  largestJpeg,
  newsArticleJsonLd,
  shareMeta,
  type Crumb,
  type HeadTags,
  type JsonLdAuthor,
} from '../seo/index.ts';
import { authorPath } from '../users/index.ts';
import { articlePath, type Article } from './model.ts';
import { categoryPath } from './sections.ts';

/** The breadcrumb trail of an article page (as the page shows it): home, its section. */
function articleTrail(site: Site, article: Article): Crumb[] {
  const code = site.edition.code;
  return [
    { label: site.t('nav.home'), href: `/${code}` },
    { label: article.category.name, href: categoryPath(code, article.category.slug) },
  ];
}

/** Who wrote it, as the byline shows: a free-text byline wins over the staff author. */
function articleAuthors(site: Site, article: Article): JsonLdAuthor[] {
  if (article.byline) return [{ kind: 'organization', name: article.byline }];
  if (article.author) {
    return [
      {
        kind: 'person',
        name: article.author.name,
        url: absoluteUrl(site, authorPath(article.edition, article.author.slug)),
      },
    ];
  }
  return [];
}

/** A scheduled story may have been saved before its publication time; it cannot change before it appears. */
export function modifiedAt(article: Pick<Article, 'publishedAt' | 'updatedAt'>): Date {
  return article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt;
}

/** Head tags of an article page. */
export function articleHeadTags(site: Site, article: Article, tags: readonly { name: string }[]): HeadTags {
  const path = articlePath(article);
  const url = absoluteUrl(site, path);
  const picture = article.image ? largestJpeg(article.image) : null;
  const pictureUrl = picture ? absoluteUrl(site, picture.path) : '';
  const alt = article.imageAlt || article.imageCaption;
  const modified = modifiedAt(article);
  const authors = articleAuthors(site, article);
  const tagNames = tags.map((t) => t.name);
  const meta = shareMeta({
    siteName: site.t('site.name'),
    title: article.title,
    description: article.summary || article.title,
    url,
    locale: site.edition.locale,
    image: picture ? { url: pictureUrl, width: picture.width, height: picture.height, type: picture.type, alt } : null,
    article: {
      publishedTime: isoInZone(article.publishedAt, site.timezone),
      modifiedTime: isoInZone(modified, site.timezone),
      section: article.category.name,
      tags: tagNames,
      authorUrls: authors.flatMap((a) => (a.kind === 'person' ? [a.url] : [])),
    },
  });
  const newsArticle = newsArticleJsonLd(site, {
    headline: article.title,
    description: article.summary,
    path,
    published: article.publishedAt,
    modified,
    authors,
    image: picture
      ? { url: pictureUrl, width: picture.width, height: picture.height, caption: article.imageCaption }
      : null,
    section: article.category.name,
    keywords: tagNames,
    dateline: article.dateline,
  });
  const trail = [...articleTrail(site, article), { label: article.title, href: path }];
  // issue 11: oEmbed discovery; the endpoint is the public API's (src/api/oembed.ts).
  const oembed = `/api/v1/oembed?url=${encodeURIComponent(url)}&format=json`;
  const links = [{ rel: 'alternate', type: 'application/json+oembed', href: oembed, title: article.title }];
  return { meta, links, jsonLd: [newsArticle, breadcrumbJsonLd(site, trail)] };
}
