// Open Graph and Twitter card tags: what a link shows when it is shared on social networks
// and in chat apps.
import type { MetaTag } from '../core/views/site.ts';

/** An image as a share card needs it: absolute URL and pixel size. */
export interface ShareImage {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
  readonly type: string;
}

/** What a share card is made of; `article` turns a website card into an article card. */
export interface ShareInput {
  readonly siteName: string;
  readonly title: string;
  readonly description: string;
  /** Absolute canonical URL. */
  readonly url: string;
  /** BCP 47 locale of the edition, e.g. en-GB. */
  readonly locale: string;
  readonly image?: ShareImage | null;
  readonly article?: {
    readonly publishedTime: string;
    readonly modifiedTime: string;
    readonly section: string;
    readonly tags: readonly string[];
    readonly authorUrls: readonly string[];
  };
}

// Intl.Locale's maximize() is slow and an edition's locale rarely changes: one answer per locale.
const ogLocales = new Map<string, string>();

/** Open Graph's locale form (language_TERRITORY), filling in the likely territory: ar → ar_EG. */
export function ogLocale(locale: string): string {
  let og = ogLocales.get(locale);
  if (og === undefined) {
    og = maximizedOgLocale(locale);
    // Locales come from the editions table: a handful, but the map stays bounded all the same.
    if (ogLocales.size >= 100) ogLocales.clear();
    ogLocales.set(locale, og);
  }
  return og;
}

function maximizedOgLocale(locale: string): string {
  try {
    const full = new Intl.Locale(locale).maximize();
    return full.region ? `${full.language}_${full.region}` : full.language;
  } catch {
    return locale.replace(/-/g, '_');
  }
}

/** The og:*, article:* and twitter:* tags of a page. */
export function shareMeta(input: ShareInput): MetaTag[] {
  const og = (property: string, content: string | number): MetaTag => ({ property, content: String(content) });
  const tw = (name: string, content: string): MetaTag => ({ name, content });
  const tags: MetaTag[] = [
    og('og:type', input.article ? 'article' : 'website'),
    og('og:site_name', input.siteName),
    og('og:title', input.title),
    og('og:description', input.description),
    og('og:url', input.url),
    og('og:locale', ogLocale(input.locale)),
  ];
  const image = input.image;
  if (image) {
    tags.push(og('og:image', image.url), og('og:image:type', image.type));
    tags.push(og('og:image:width', image.width), og('og:image:height', image.height));
    if (image.alt) tags.push(og('og:image:alt', image.alt));
  }
  const a = input.article;
  if (a) {
    tags.push(og('article:published_time', a.publishedTime), og('article:modified_time', a.modifiedTime));
    for (const url of a.authorUrls) tags.push(og('article:author', url));
    if (a.section) tags.push(og('article:section', a.section));
    for (const tag of a.tags) tags.push(og('article:tag', tag));
  }
  // A wide picture gets the large card; a square logo looks better as the small one.
  const isWide = !!image && image.width >= 600 && image.width >= image.height * 1.3;
  tags.push(tw('twitter:card', isWide ? 'summary_large_image' : 'summary'));
  tags.push(tw('twitter:title', input.title), tw('twitter:description', input.description));
  if (image) {
    tags.push(tw('twitter:image', image.url));
    if (image.alt) tags.push(tw('twitter:image:alt', image.alt));
  }
  return tags;
}
