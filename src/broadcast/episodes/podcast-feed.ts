// A program's podcast: RSS 2.0 with the tags Apple Podcasts and Spotify read (itunes:), the
// Podcast Index namespace for transcripts (podcast:transcript), and the feed's own address (atom).
// Pure: a program, its published episodes and absolute addresses in, XML text out.
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

// XML 1.0 forbids these anywhere (control characters, lone surrogates, U+FFFE/U+FFFF): dropped.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for element content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

type Attrs = Readonly<Record<string, string | number | undefined>>;

/** One element on its own line; text content escaped, no children. */
function leaf(name: string, attrs: Attrs | null, content?: string): string {
  let open = `<${name}`;
  for (const [key, value] of Object.entries(attrs ?? {}))
    if (value !== undefined) open += ` ${key}="${escapeXml(String(value))}"`;
  return content === undefined ? `${open}/>` : `${open}>${escapeXml(content)}</${name}>`;
}

function indent(lines: readonly string[], depth: number): string[] {
  const pad = '  '.repeat(depth);
  return lines.map((line) => pad + line);
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
    leaf('title', null, program.title),
    leaf('link', null, context.programUrl),
    leaf('description', null, program.description || program.title),
    leaf('language', null, context.language.toLowerCase()),
    leaf('copyright', null, context.copyright),
    leaf('lastBuildDate', null, (newest ?? context.now).toUTCString()),
    leaf('generator', null, 'Warta'),
    leaf('atom:link', { href: context.feedUrl, rel: 'self', type: 'application/rss+xml' }),
    leaf('itunes:author', null, author),
    leaf('itunes:summary', null, program.description || program.title),
    leaf('itunes:image', { href: context.imageUrl }),
    // A subcategory is written inside its parent, as Apple asks.
    category.length === 2
      ? `<itunes:category text="${escapeXml(category[0])}">${leaf('itunes:category', { text: category[1] })}</itunes:category>`
      : leaf('itunes:category', { text: category[0] }),
    leaf('itunes:explicit', null, program.isExplicit ? 'true' : 'false'),
    leaf('itunes:type', null, 'episodic'),
  ];
  const items = episodes.flatMap((e) => ['<item>', ...indent(item(e, context, program), 1), '</item>']);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    ...indent(channel, 2),
    ...indent(items, 2),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

function item(e: Episode, context: PodcastFeedContext, program: PodcastProgram): string[] {
  const urls = context.episodeUrls(e);
  const description = e.description || e.title;
  return [
    leaf('title', null, e.title),
    leaf('link', null, urls.page),
    leaf('description', null, description),
    leaf('itunes:summary', null, description),
    // The stored guid, never the address: a moved file or a new slug is not a new episode.
    leaf('guid', { isPermaLink: 'false' }, e.guid),
    leaf('pubDate', null, (e.publishedAt ?? e.createdAt).toUTCString()),
    // An external file whose length nobody entered: 0, the value podcast hosts use for "unknown".
    leaf('enclosure', { url: urls.audio, length: e.audioBytes ?? 0, type: ENCLOSURE_TYPE[e.audioType] }),
    e.durationSeconds !== null ? leaf('itunes:duration', null, String(e.durationSeconds)) : '',
    e.episodeNumber !== null ? leaf('itunes:episode', null, String(e.episodeNumber)) : '',
    leaf('itunes:episodeType', null, 'full'),
    leaf('itunes:explicit', null, e.isExplicit || program.isExplicit ? 'true' : 'false'),
    urls.image ? leaf('itunes:image', { href: urls.image }) : '',
    urls.transcript
      ? leaf('podcast:transcript', {
          url: urls.transcript,
          type: 'text/plain',
          language: context.language.toLowerCase(),
        })
      : '',
  ].filter(Boolean);
}
