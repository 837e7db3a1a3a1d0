// A program's podcast: RSS 2.0 with the tags Apple Podcasts and Spotify read (itunes:), the
// Podcast Index namespace for transcripts (podcast:transcript), and the feed's own address (atom).
// Pure: a program, its published episodes and absolute addresses in, XML text out (the feeds
// domain's writer escapes every text and attribute).
import { el, xmlDocument, type XmlChild } from '../../feeds/index.ts';
import { podcastCategoryPath } from '../newsroom/podcast-categories.ts';
import type { Episode, PodcastProgram } from './queries.ts';

/** The category a program without one is listed under. */
export const DEFAULT_PODCAST_CATEGORY = 'News';

/**
 * The enclosure type Apple's list names for each stored type: M4A is `audio/x-m4a` there
 * (Apple's specification lists audio/x-m4a, audio/mpeg, video/quicktime, video/mp4, video/x-m4v
 * and application/pdf); the file server still answers the IANA type, audio/mp4.
 */
const ENCLOSURE_TYPE: Readonly<Record<Episode['audioType'], string>> = {
  'audio/mpeg': 'audio/mpeg',
  'audio/mp4': 'audio/x-m4a',
};

/** Everything the feed needs besides the rows: absolute addresses and the edition's words. */
export interface PodcastFeedContext {
  /** BCP 47 language of the edition ("en-GB", "id-ID", "ar"). */
  readonly language: string;
  /** The feed's own absolute address. */
  readonly feedUrl: string;
  /** The program page's absolute address. */
  readonly programUrl: string;
  /** The square show artwork's absolute address (1400 px or more). */
  readonly imageUrl: string;
  /** The author when the program names none (the site's name in this edition). */
  readonly fallbackAuthor: string;
  readonly copyright: string;
  readonly now: Date;
  /** Absolute addresses of an episode's page, audio, transcript and square artwork. */
  episodeUrls(episode: Episode): {
    readonly page: string;
    readonly audio: string;
    readonly transcript: string | undefined;
    readonly image: string | undefined;
  };
}

/** The feed document. */
export function renderPodcastFeed(
  program: PodcastProgram,
  episodes: readonly Episode[],
  context: PodcastFeedContext,
): string {
  const category = podcastCategoryPath(program.category) ?? [DEFAULT_PODCAST_CATEGORY];
  const author = program.author || context.fallbackAuthor;
  const newest = episodes.reduce<Date | undefined>(
    (latest, e) => (!latest || e.updatedAt > latest ? e.updatedAt : latest),
    undefined,
  );
  const channel = [
    el('title', null, program.title),
    el('link', null, context.programUrl),
    el('description', null, program.description || program.title),
    el('language', null, context.language.toLowerCase()),
    el('copyright', null, context.copyright),
    el('lastBuildDate', null, (newest ?? context.now).toUTCString()),
    el('generator', null, 'Warta'),
    el('atom:link', { href: context.feedUrl, rel: 'self', type: 'application/rss+xml' }),
    el('itunes:author', null, author),
    el('itunes:summary', null, program.description || program.title),
    el('itunes:image', { href: context.imageUrl }),
    // A subcategory is written inside its parent, as Apple asks (on one line: the pair is one category).
    category.length === 2
      ? {
          ...el('itunes:category', { text: category[0] }, el('itunes:category', { text: category[1] })),
          isInline: true,
        }
      : el('itunes:category', { text: category[0] }),
    el('itunes:explicit', null, program.isExplicit ? 'true' : 'false'),
    el('itunes:type', null, 'episodic'),
  ];
  const items = episodes.map((e) => el('item', null, item(e, context, program)));
  const rss = el(
    'rss',
    {
      version: '2.0',
      'xmlns:itunes': 'http://www.itunes.com/dtds/podcast-1.0.dtd',
      'xmlns:podcast': 'https://podcastindex.org/namespace/1.0',
      'xmlns:atom': 'http://www.w3.org/2005/Atom',
    },
    el('channel', null, channel, items),
  );
  return xmlDocument(rss);
}

function item(e: Episode, context: PodcastFeedContext, program: PodcastProgram): XmlChild[] {
  const urls = context.episodeUrls(e);
  const description = e.description || e.title;
  return [
    el('title', null, e.title),
    el('link', null, urls.page),
    el('description', null, description),
    el('itunes:summary', null, description),
    // The stored guid, never the address: a moved file or a new slug is not a new episode.
    el('guid', { isPermaLink: 'false' }, e.guid),
    el('pubDate', null, (e.publishedAt ?? e.createdAt).toUTCString()),
    // An external file whose length nobody entered: 0, the value podcast hosts use for "unknown".
    el('enclosure', { url: urls.audio, length: e.audioBytes ?? 0, type: ENCLOSURE_TYPE[e.audioType] }),
    e.durationSeconds !== null ? el('itunes:duration', null, String(e.durationSeconds)) : null,
    e.episodeNumber !== null ? el('itunes:episode', null, String(e.episodeNumber)) : null,
    el('itunes:episodeType', null, 'full'),
    el('itunes:explicit', null, e.isExplicit || program.isExplicit ? 'true' : 'false'),
    urls.image ? el('itunes:image', { href: urls.image }) : null,
    urls.transcript
      ? el('podcast:transcript', {
          url: urls.transcript,
          type: 'text/plain',
          language: context.language.toLowerCase(),
        })
      : null,
  ];
}
