// RSS 2.0 with the content, Dublin Core, Atom (self link) and Media RSS extensions.
import type { FeedChannel } from './channel.ts';
import { feedUpdated } from './channel.ts';
import type { FeedEntry } from './entries.ts';
import { el, xmlDocument } from './xml.ts';

/** Renders an RSS 2.0 document; `now` dates an empty feed. */
export function renderRss(channel: FeedChannel, entries: readonly FeedEntry[], now: Date): string {
  return xmlDocument(
    el(
      'rss',
      {
        version: '2.0',
        'xmlns:atom': 'http://www.w3.org/2005/Atom',
        'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
        'xmlns:media': 'http://search.yahoo.com/mrss/',
      },
      el(
        'channel',
        null,
        el('title', null, channel.title),
        el('link', null, channel.homeUrl),
        el('description', null, channel.description),
        el('language', null, channel.language.toLowerCase()),
        el('copyright', null, channel.copyright),
        el('lastBuildDate', null, feedUpdated(entries, now).toUTCString()),
        el('generator', null, 'Warta'),
        el('docs', null, 'https://www.rssboard.org/rss-specification'),
        el('ttl', null, String(channel.ttlMinutes)),
        el('atom:link', { href: channel.feedUrls.rss, rel: 'self', type: 'application/rss+xml' }),
        entries.map(item),
      ),
    ),
  );
}

function item(e: FeedEntry) {
  return el(
    'item',
    null,
    el('title', null, e.title),
    el('link', null, e.url),
    el('guid', { isPermaLink: 'true' }, e.id),
    el('pubDate', null, e.published.toUTCString()),
    // RSS's own <author> must be an e-mail address; names go in dc:creator.
    e.authors.map((a) => el('dc:creator', null, a.name)),
    e.categories.map((c) => el('category', { domain: c.scheme + encodeURIComponent(c.term) }, c.label)),
    !!e.summary && el('description', null, e.summary),
    el('content:encoded', null, e.contentHtml),
    !!e.image && el('enclosure', { url: e.image.url, length: e.image.length, type: e.image.type }),
    !!e.image &&
      el(
        'media:content',
        { url: e.image.url, type: e.image.type, medium: 'image', width: e.image.width, height: e.image.height },
        !!e.image.alt && el('media:description', { type: 'plain' }, e.image.alt),
        !!e.image.credit && el('media:credit', null, e.image.credit),
      ),
  );
}
