// The feed as a whole, format-neutral: title, home page, language, its own URLs, the logo.
import type { FeedFormat } from '../seo/index.ts';
import type { FeedEntry } from './entries.ts';

/** A feed's metadata; every URL is absolute. */
export interface FeedChannel {
  readonly title: string;
  readonly description: string;
  /** The page the feed follows (an edition home or a section). */
  readonly homeUrl: string;
  /** BCP 47, e.g. en-GB. */
  readonly language: string;
  /** The feed's own URL in each format. */
  readonly feedUrls: Readonly<Record<FeedFormat, string>>;
  /** The broadcaster: the feed's author when an entry has none. */
  readonly publisher: { readonly name: string; readonly url: string };
  readonly logo: { readonly url: string; readonly width: number; readonly height: number };
  readonly copyright: string;
  /** Minutes a reader may keep the feed before asking again. */
  readonly ttlMinutes: number;
}

/** When the feed last changed: its newest entry's change, else `fallback`. */
export function feedUpdated(entries: readonly FeedEntry[], fallback: Date): Date {
  let newest: Date | undefined;
  for (const e of entries) if (!newest || e.updated > newest) newest = e.updated;
  return newest ?? fallback;
}
