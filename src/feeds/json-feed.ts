// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/).
import type { FeedChannel } from './channel.ts';
import type { FeedEntry } from './entries.ts';

/** Renders a JSON Feed 1.1 document. */
export function renderJsonFeed(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.feedUrls.json,
    description: channel.description,
    icon: channel.logo.url,
    language: channel.language,
    authors: [{ name: channel.publisher.name, url: channel.publisher.url }],
    items: entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      content_html: e.contentHtml,
      ...(e.summary ? { summary: e.summary } : {}),
      ...(e.image ? { image: e.image.url } : {}),
      date_published: e.published.toISOString(),
      date_modified: e.updated.toISOString(),
      authors: e.authors.map((a) => ({ name: a.name, ...(a.url ? { url: a.url } : {}) })),
      tags: e.categories.map((c) => c.label),
      language: channel.language,
    })),
  };
  return JSON.stringify(feed);
}
