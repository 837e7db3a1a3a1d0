// Posts and videos a story may embed: the URLs each provider's posts have, the privacy-friendly
// frame each one loads, and the click-to-load card a reader page puts in front of it. Nothing
// is fetched from a provider until the reader asks for it (client/embeds.ts).
import type { Translate } from '../../i18n/index.ts';

/** The providers a story may embed from, as stored in a story-embed figure's data-provider. */
export type EmbedProviderId = 'youtube' | 'x' | 'instagram' | 'facebook';

/** What the card offers: to play a video, or to load a post. */
export type EmbedKind = 'video' | 'post';

/** A post's URL recognised as one of a provider's. */
export interface EmbedTarget {
  readonly provider: EmbedProviderId;
  /** The provider's name as readers know it (a proper name: not translated). */
  readonly name: string;
  readonly kind: EmbedKind;
  /** The frame loaded when the reader asks: always on the provider's FRAME_ORIGIN. */
  readonly frameSrc: string;
}

interface Provider {
  readonly name: string;
  /** Host names the provider's public post URLs use. */
  readonly hosts: readonly string[];
  /** Where its embed frames come from (the CSP's frame-src lists exactly these). */
  readonly frameOrigin: string;
  /** The kind and frame of a URL on one of `hosts`, or undefined when it is no post of theirs. */
  readonly match: (url: URL) => { kind: EmbedKind; frameSrc: string } | undefined;
}

const YOUTUBE_ID = /^[\w-]{11}$/;
const YOUTUBE_PATH = /^\/(?:shorts\/)?([\w-]{11})\/?$/;
const X_STATUS = /^\/\w{1,15}\/status\/(\d{1,20})\/?$/;
const INSTAGRAM_POST = /^\/(?:p|reel)\/([\w-]{1,64})\/?$/;
const FACEBOOK_POST = /^\/[\w.-]{1,80}\/posts\/[\w.-]{1,100}\/?$/;
const FACEBOOK_VIDEO = /^\/[\w.-]{1,80}\/videos\/(?:[\w.-]{1,100}\/)?\d{1,20}\/?$/;

const PROVIDERS: Readonly<Record<EmbedProviderId, Provider>> = {
  youtube: {
    name: 'YouTube',
    hosts: ['www.youtube.com', 'youtube.com', 'm.youtube.com', 'youtu.be'],
    frameOrigin: 'https://www.youtube-nocookie.com',
    match(url) {
      let id: string | undefined;
      if (url.hostname === 'youtu.be') id = YOUTUBE_PATH.exec(url.pathname)?.[1];
      else if (url.pathname === '/watch') id = url.searchParams.get('v') ?? undefined;
      else if (url.pathname.startsWith('/shorts/')) id = YOUTUBE_PATH.exec(url.pathname)?.[1];
      if (!id || !YOUTUBE_ID.test(id)) return undefined;
      return { kind: 'video', frameSrc: `https://www.youtube-nocookie.com/embed/${id}` };
    },
  },
  x: {
    name: 'X',
    hosts: ['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'],
    frameOrigin: 'https://platform.twitter.com',
    match(url) {
      const id = X_STATUS.exec(url.pathname)?.[1];
      return id ? { kind: 'post', frameSrc: `https://platform.twitter.com/embed/Tweet.html?id=${id}` } : undefined;
    },
  },
  instagram: {
    name: 'Instagram',
    hosts: ['www.instagram.com', 'instagram.com'],
    frameOrigin: 'https://www.instagram.com',
    match(url) {
      const id = INSTAGRAM_POST.exec(url.pathname)?.[1];
      return id ? { kind: 'post', frameSrc: `https://www.instagram.com/p/${id}/embed` } : undefined;
    },
  },
  facebook: {
    name: 'Facebook',
    hosts: ['www.facebook.com', 'facebook.com', 'm.facebook.com', 'web.facebook.com'],
    frameOrigin: 'https://www.facebook.com',
    match(url) {
      const isWatch = /^\/watch\/?$/.test(url.pathname) && /^\d{1,20}$/.test(url.searchParams.get('v') ?? '');
      const kind = isWatch || FACEBOOK_VIDEO.test(url.pathname) ? 'video' : FACEBOOK_POST.test(url.pathname) && 'post';
      if (!kind) return undefined;
      // The plugin is given the post's address on www, whichever host the editor pasted.
      const href = encodeURIComponent(`https://www.facebook.com${url.pathname}${isWatch ? url.search : ''}`);
      return {
        kind,
        frameSrc: `https://www.facebook.com/plugins/${kind === 'video' ? 'video' : 'post'}.php?href=${href}`,
      };
    },
  },
};

/** The origins embed frames are loaded from, for the CSP's frame-src. */
export const EMBED_FRAME_ORIGINS: readonly string[] = Object.values(PROVIDERS).map((p) => p.frameOrigin);

/** The longest post URL accepted (public post URLs are far shorter). */
const MAX_URL_LENGTH = 2_000;

/**
 * The embed a post URL stands for, when `provider` is one of ours and `url` is one of its public
 * post URLs, written as a browser would write it (https, no user or port, the host as listed):
 * anything else, a look-alike host included, is no embed.
 */
export function findEmbed(provider: string | undefined, url: string | undefined): EmbedTarget | undefined {
  if (!provider || !url || url.length > MAX_URL_LENGTH || !Object.hasOwn(PROVIDERS, provider)) return undefined;
  const id = provider as EmbedProviderId;
  const spec = PROVIDERS[id];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  // The URL as written must be the URL as parsed: no spaces, backslashes, odd case or escapes
  // that a browser and this check could read differently.
  if (parsed.href !== url || parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port)
    return undefined;
  if (!spec.hosts.includes(parsed.hostname)) return undefined;
  const found = spec.match(parsed);
  return found && { provider: id, name: spec.name, kind: found.kind, frameSrc: found.frameSrc };
}

/**
 * A post URL as a browser writes it (spaces at its ends, tabs and newlines dropped, the host in
 * lower case), which findEmbed then checks: the editor may send a URL as the reader pasted it.
 */
export function canonicalUrl(url: string | undefined): string | undefined {
  if (!url || url.length > MAX_URL_LENGTH) return undefined;
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}

/** A stored embed figure's opening tag, as the sanitiser writes it (class first, quoted values). */
const EMBED_FIGURE = /<figure class="story-embed"([^>]*)>/g;
const ATTRIBUTE = /\s([a-z-]+)="([^"]*)"/g;

/**
 * Reader pages: puts an empty click-to-load card at the start of each embed figure of a stored
 * (sanitised) body, with the frame's address and the button's words in the edition's language.
 * A figure whose URL is no provider's post keeps only its link. Bodies without an embed are
 * given back as they are after one string search: this runs on every article view.
 */
export function safeEmbedCards(safeHtml: string, t: Translate): string {
  if (!safeHtml.includes('story-embed')) return safeHtml;
  return safeHtml.replace(EMBED_FIGURE, (tag: string, attributes: string) => {
    const values = new Map<string, string>();
    for (const [, name, value] of attributes.matchAll(ATTRIBUTE)) values.set(name!, decodeAttribute(value!));
    const embed = findEmbed(values.get('data-provider'), values.get('data-embed-url'));
    if (!embed) return tag;
    const vars = { provider: embed.name };
    const isVideo = embed.kind === 'video';
    const data = [
      ['kind', embed.kind],
      ['src', embed.frameSrc],
      ['label', t(isVideo ? 'embed.playVideo' : 'embed.loadPost', vars)],
      ['notice', t('embed.notice', vars)],
      ['title', t(isVideo ? 'embed.videoTitle' : 'embed.postTitle', vars)],
    ];
    const card = data.map(([name, value]) => ` data-embed-${name}="${escapeAttribute(value!)}"`).join('');
    return `${tag}<div class="story-embed__card"${card}></div>`;
  });
}

/** An attribute value as the sanitiser escapes it, read back. */
function decodeAttribute(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(amp|lt|gt|quot);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : '"',
  );
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
