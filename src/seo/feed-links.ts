// Where an edition's or a section's feeds live, and the <link rel="alternate"> tags that let
// browsers and feed readers find them. The feed routes are registered from the same table.
import type { LinkTag } from '../core/views/site.ts';

/** The feed formats: file name under a page's path, media type and the name readers know. */
export const FEED_FORMATS = [
  { format: 'rss', file: 'feed.xml', type: 'application/rss+xml', label: 'RSS' },
  { format: 'atom', file: 'atom.xml', type: 'application/atom+xml', label: 'Atom' },
  { format: 'json', file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed' },
] as const;

/** One of the feed formats. */
export type FeedFormat = (typeof FEED_FORMATS)[number]['format'];

/** The path of a feed of the page at `pagePath` (an edition home or a section). */
export function feedPath(pagePath: string, format: FeedFormat): string {
  const file = FEED_FORMATS.find((f) => f.format === format)!.file;
  return `${pagePath}/${file}`;
}

/** Head links advertising the feeds of a page, titled "<title> (RSS)" and so on. */
export function feedLinkTags(pagePath: string, title: string): LinkTag[] {
  return FEED_FORMATS.map((f) => ({
    rel: 'alternate',
    type: f.type,
    href: feedPath(pagePath, f.format),
    title: `${title} (${f.label})`,
  }));
}
