// Turns stories into feed entries that every format shares: absolute URLs, the full text with
// its dateline and source in place, authors or the free-text byline, sections and tags, the picture.
import { escapeHtml } from '@kitajs/html';
import { articlePath, categoryPath, modifiedAt, tagPath } from '../articles/index.ts';
import { largestJpeg } from '../seo/index.ts';
import { authorPath } from '../users/index.ts';
import type { FeedArticle } from './queries.ts';

/** A feed entry, format-neutral; every URL is absolute. */
export interface FeedEntry {
  /** A permanent URL that survives a change of slug (it redirects to the story). */
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly summary: string;
  readonly contentHtml: string;
  readonly published: Date;
  readonly updated: Date;
  readonly authors: readonly { readonly name: string; readonly url?: string }[];
  /** The section first, then the tags; `scheme` + `term` is the list page's URL. */
  readonly categories: readonly { readonly term: string; readonly label: string; readonly scheme: string }[];
  readonly image: FeedImage | null;
}

/** The featured picture as an enclosure and a media:content element. */
export interface FeedImage {
  readonly url: string;
  readonly type: string;
  /** Bytes of the file; 0 when unknown, as the RSS board advises. */
  readonly length: number;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
  readonly credit: string;
}

/** What entries need besides the story: the site's address, words and file sizes. */
export interface EntryContext {
  readonly baseUrl: string;
  /** "Photo: {credit}" in the edition's language. */
  photoCredit(credit: string): string;
  /** Size in bytes of a stored media file, by its URL path. */
  fileSize(path: string): Promise<number>;
}

/** Builds the entries of a feed. */
export async function toFeedEntries(articles: readonly FeedArticle[], c: EntryContext): Promise<FeedEntry[]> {
  return Promise.all(articles.map((a) => toFeedEntry(a, c)));
}

async function toFeedEntry(a: FeedArticle, c: EntryContext): Promise<FeedEntry> {
  const abs = (path: string) => c.baseUrl + path;
  const picture = a.image ? largestJpeg(a.image) : null;
  const image: FeedImage | null = picture
    ? {
        url: abs(picture.path),
        type: picture.type,
        length: await c.fileSize(picture.path),
        width: picture.width,
        height: picture.height,
        alt: a.imageAlt || a.imageCaption,
        credit: a.imageCredit,
      }
    : null;
  const authors = a.byline
    ? [{ name: a.byline }]
    : a.author
      ? [{ name: a.author.name, url: abs(authorPath(a.edition, a.author.slug)) }]
      : [];
  return {
    id: abs(`/${a.edition}/news/${a.id}`),
    url: abs(articlePath(a)),
    title: a.title,
    summary: a.summary,
    contentHtml: entryContent(a, image, c),
    published: a.publishedAt,
    updated: modifiedAt(a),
    authors,
    categories: [
      { term: a.category.slug, label: a.category.name, scheme: abs(categoryPath(a.edition, '')) },
      ...a.tags.map((t) => ({ term: t.slug, label: t.name, scheme: abs(tagPath(a.edition, '')) })),
    ],
    image,
  };
}

/**
 * The story's HTML as a feed reader shows it: the picture with caption and credit, then the
 * body (sanitised when saved) with the dateline opening it and the source closing it, as on the page.
 */
function entryContent(a: FeedArticle, image: FeedImage | null, c: EntryContext): string {
  // Feed readers have no page to resolve site-relative links against.
  let html = a.bodyHtml.replace(/(\s(?:href|src))="\/(?!\/)/g, `$1="${c.baseUrl}/`);
  if (a.dateline) {
    const dateline = `<strong>${escapeHtml(a.dateline)}:</strong> `;
    html = /^\s*<p>/.test(html) ? html.replace(/^\s*<p>/, `<p>${dateline}`) : `<p>${dateline}</p>${html}`;
  }
  if (a.source) {
    const source = ` /${escapeHtml(a.source)}`;
    html = /<\/p>\s*$/.test(html) ? html.replace(/<\/p>\s*$/, `${source}</p>`) : `${html}<p>${source}</p>`;
  }
  if (!image) return html;
  const caption = [a.imageCaption, a.imageCredit ? c.photoCredit(a.imageCredit) : '']
    .filter(Boolean)
    .map((s) => escapeHtml(s))
    .join(' ');
  const figure =
    `<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt)}" ` +
    `width="${image.width}" height="${image.height}">` +
    (caption ? `<figcaption>${caption}</figcaption>` : '') +
    `</figure>`;
  return figure + html;
}
