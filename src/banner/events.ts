// The facts the banner domain records: a banner raised, a banner ended by hand (or replaced by a
// new one). Ids and codes only; an expiry is no event, since nothing happens then but the clock.

/** Which banner, in which edition. */
export interface BannerFact {
  readonly bannerId: number;
  readonly edition: string;
}

declare module '../core/events/types.ts' {
  interface DomainEvents {
    /** A banner is live on every page of its edition from now on. */
    'banner.raised': BannerFact;
    /** A banner was taken down before it expired. */
    'banner.ended': BannerFact;
  }
}

/** Every banner event: each changes what every page of the edition shows. */
export const BANNER_EVENTS = ['banner.raised', 'banner.ended'] as const;
