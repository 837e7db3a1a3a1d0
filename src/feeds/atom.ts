// Atom 1.0 (RFC 4287), with the picture as an enclosure link and as Media RSS content.
import type { FeedChannel } from './channel.ts';
import { feedUpdated } from './channel.ts';
import type { FeedEntry } from './entries.ts';
import { el, xmlDocument } from './xml.ts';

/** Renders an Atom document; `now` dates an empty feed. */
export function renderAtom(channel: FeedChannel, entries: readonly FeedEntry[], now: Date): string {
  return xmlDocument(
    el(
      'feed',
      {
        xmlns: 'http://www.w3.org/2005/Atom',
        'xmlns:media': 'http://search.yahoo.com/mrss/',
        'xml:lang': channel.language,
      },
      el('id', null, channel.feedUrls.atom),
      el('title', null, channel.title),
      el('subtitle', null, channel.description),
      el('updated', null, feedUpdated(entries, now).toISOString()),
      el('link', { rel: 'self', type: 'application/atom+xml', href: channel.feedUrls.atom }),
      el('link', { rel: 'alternate', type: 'text/html', href: channel.homeUrl }),
      // The feed-level author stands in for entries without one, as Atom requires.
      el('author', null, el('name', null, channel.publisher.name), el('uri', null, channel.publisher.url)),
      el('generator', null, 'Warta'),
      el('icon', null, channel.logo.url),
      el('logo', null, channel.logo.url),
      el('rights', null, channel.copyright),
      entries.map(entry),
    ),
  );
}

function entry(e: FeedEntry) {
  return el(
    'entry',
    null,
    el('id', null, e.id),
    el('title', { type: 'text' }, e.title),
    el('link', { rel: 'alternate', type: 'text/html', href: e.url }),
    el('published', null, e.published.toISOString()),
    el('updated', null, e.updated.toISOString()),
    e.authors.map((a) => el('author', null, el('name', null, a.name), !!a.url && el('uri', null, a.url))),
    e.categories.map((c) => el('category', { term: c.term, scheme: c.scheme, label: c.label })),
    !!e.summary && el('summary', { type: 'text' }, e.summary),
    el('content', { type: 'html' }, e.contentHtml),
    !!e.image && el('link', { rel: 'enclosure', type: e.image.type, length: e.image.length, href: e.image.url }),
    !!e.image &&
      el(
        'media:content',
        { url: e.image.url, type: e.image.type, medium: 'image', width: e.image.width, height: e.image.height },
        !!e.image.alt && el('media:description', { type: 'plain' }, e.image.alt),
        !!e.image.credit && el('media:credit', null, e.image.credit),
      ),
  );
}
