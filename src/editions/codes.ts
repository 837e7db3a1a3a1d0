// What an edition code may look like, and the words that can never be one because the app
// uses them as the first segment of its own paths.

/**
 * An edition code: a language (2–3 letters), optionally a region or script (`zh-cn`, `pt-br`).
 * Written without nested quantifiers, as the router's regex check requires.
 */
export const EDITION_CODE_PATTERN = '^[a-z]{2,3}$|^[a-z]{2,3}-[a-z0-9]{2,8}$';

const EDITION_CODE = new RegExp(EDITION_CODE_PATTERN);

/** First path segments of the app itself; an edition with one of these codes would shadow them. */
export const RESERVED_PATH_WORDS: ReadonlySet<string> = new Set([
  'api',
  'newsroom',
  'media',
  'assets',
  'feeds',
  'feed',
  'sitemaps',
  'sitemap',
  'healthz',
  'robots',
  'favicon',
  'static',
  'admin',
  'www',
  'app',
]);

/** Why a code cannot be an edition's, or undefined when it can. */
export function editionCodeProblem(code: string): string | undefined {
  if (!EDITION_CODE.test(code)) return `"${code}" is not an edition code such as en, id or zh-cn`;
  if (RESERVED_PATH_WORDS.has(code)) return `"${code}" is a word the site uses in its own addresses`;
  return undefined;
}

/** Puts the edition-code constraint on every `:edition` parameter of a route path. */
export function constrainEditionParam(url: string): string {
  return url.replace(/\/:edition(?=\/|$)/, `/:edition(${EDITION_CODE_PATTERN})`);
}
