// How the API writes what the domains give it: absolute URLs from the configured base URL (never
// the Host header), times in ISO 8601 in the site's zone with its offset, pictures as one JPEG.
import type { AppContext } from '../context.ts';
import {
  articlePath,
  categoryPath,
  tagPath,
  type ApiArticle,
  type ApiArticleSummary,
  type ApiAuthor,
  type ApiTag,
} from '../articles/index.ts';
import { isoInZone } from '../i18n/index.ts';
import { imageUrl, largestWidth, type Image } from '../media/index.ts';
import { pagePath, type ApiPageItem } from '../pages/index.ts';
import { authorPath } from '../users/index.ts';

/** What presenting needs: the base URL and the site's zone, read per request (settings may change). */
export interface Presenter {
  readonly base: string;
  readonly timezone: string;
}

/** The presenter for this moment's settings. */
export function presenterOf(ctx: AppContext): Presenter {
  return { base: ctx.config.baseUrl.replace(/\/+$/, ''), timezone: ctx.settings.timezone };
}

/** An absolute URL of a site path. */
export function absolute(p: Presenter, path: string): string {
  return `${p.base}${path}`;
}

/** A time in the site's zone with its offset, e.g. 2026-12-02T13:05:00+07:00. */
export function timeText(p: Presenter, date: Date): string {
  return isoInZone(date, p.timezone);
}

/** A picture as its largest stored JPEG. */
export function presentImage(p: Presenter, image: Image, alt: string) {
  const width = largestWidth(image);
  const height = image.width > 0 ? Math.round((image.height * width) / image.width) : image.height;
  return { url: absolute(p, imageUrl(image, width)), width, height, alt };
}

/**
 * Stored HTML with the site's own relative addresses (`/media/…`, `/en/news/…`) made absolute, so
 * it works where it is shown. Only `src` and `href` values that start with one slash change.
 */
export function absoluteHtml(p: Presenter, html: string): string {
  return html.replace(/\b(src|href)="\/(?!\/)/g, `$1="${p.base}/`);
}

/** A story in a list. */
export function presentArticleSummary(p: Presenter, a: ApiArticleSummary) {
  return {
    id: a.id,
    edition: a.edition,
    status: a.status,
    url: absolute(p, articlePath(a)),
    api_url: absolute(p, `/api/v1/articles/${a.id}`),
    title: a.title,
    slug: a.slug,
    summary: a.summary,
    published_at: a.publishedAt ? timeText(p, a.publishedAt) : null,
    updated_at: timeText(p, a.updatedAt),
    section: { id: a.section.id, name: a.section.name, url: absolute(p, categoryPath(a.edition, a.section.slug)) },
    author: a.author
      ? { id: a.author.id, name: a.author.name, url: absolute(p, authorPath(a.edition, a.author.slug)) }
      : null,
    byline: a.byline,
    image: a.image ? presentImage(p, a.image, a.image.alt) : null,
  };
}

/** A whole story. */
export function presentArticle(p: Presenter, a: ApiArticle) {
  return {
    ...presentArticleSummary(p, a),
    body_html: absoluteHtml(p, a.bodyHtml),
    dateline: a.dateline,
    source: a.source,
    correction: a.correctionNote,
    image_caption: a.imageCaption,
    image_credit: a.imageCredit,
    tags: a.tags.map((t) => ({ id: t.id, name: t.name, url: absolute(p, tagPath(a.edition, t.slug)) })),
    translations: a.translations.map((t) => ({
      id: t.id,
      edition: t.edition,
      url: absolute(p, articlePath(t)),
    })),
  };
}

/** A tag of an edition. */
export function presentTag(p: Presenter, edition: string, t: ApiTag) {
  return { id: t.id, name: t.name, slug: t.slug, url: absolute(p, tagPath(edition, t.slug)) };
}

/** An author, with their page in an edition. */
export function presentAuthor(p: Presenter, edition: string, a: ApiAuthor) {
  return { id: a.id, name: a.name, slug: a.slug, bio: a.bio, url: absolute(p, authorPath(edition, a.slug)) };
}

/** A page of the tree (no body). */
export function presentPage(p: Presenter, edition: string, page: ApiPageItem) {
  return {
    id: page.id,
    parent_id: page.parentId,
    status: page.status,
    path: page.path,
    title: page.title,
    summary: page.summary,
    position: page.position,
    url: absolute(p, pagePath(edition, page.path)),
    updated_at: timeText(p, page.updatedAt),
  };
}
