// Discovery: structured data, share cards, feed links and the publisher logo, for any page.
export { seoRoutes } from './routes.ts';
export { PUBLISHER_LOGO, renderPublisherLogo } from './publisher-logo.ts';
export { FEED_FORMATS, feedPath, feedLinkTags, type FeedFormat } from './feed-links.ts';
export { shareMeta, ogLocale, type ShareImage, type ShareInput } from './share-tags.ts';
export { largestJpeg, type ImageVariant } from './images.ts';
export {
  breadcrumbJsonLd,
  homeJsonLd,
  newsArticleJsonLd,
  publisherJsonLd,
  webPageJsonLd,
  type Crumb,
  type JsonLdAuthor,
  type JsonLdImage,
  type NewsArticleInput,
} from './json-ld.ts';
export { collectionHeadTags, homeHeadTags, logoShareImage, staticPageHeadTags, type HeadTags } from './page-heads.ts';
