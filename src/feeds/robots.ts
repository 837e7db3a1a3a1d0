// robots.txt: the whole reading site is open to crawlers; it names the sitemaps.

/** The robots.txt text, with absolute Sitemap lines. */
export function renderRobots(sitemapUrls: readonly string[]): string {
  return ['User-agent: *', 'Allow: /', '', ...sitemapUrls.map((url) => `Sitemap: ${url}`), ''].join('\n');
}
