// Breaking-news banners: an editor raises one per edition (short text, optional link, expiry);
// every reader page of the edition shows it under the masthead until it expires or is ended.
export { BANNER_EVENTS, type BannerFact } from './events.ts';
export { DURATIONS, EXPIRY_CHOICES, endBanner, raiseBanner, safeLink, type RaiseBannerInput } from './commands.ts';
export { MAX_TEXT_LENGTH, isLive, type Banner } from './model.ts';
export { findBanner, findLiveBanner, listRecentBanners, type ListedBanner } from './queries.ts';
