// Whether a browser's `Origin` header names this site: the one rule for the newsroom's
// same-origin check and the read beacon's refusal of other sites.

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * True when `origin` is the configured site's origin. The app's own loopback address also
 * counts when it is the Host asked for: a development server, or the browser tests, opened at
 * http://127.0.0.1:PORT while the base URL names the public site. A page on another site cannot
 * make a browser send that Host to a public server. "null" (a sandboxed frame) never matches.
 */
export function isSiteOrigin(origin: string, siteOrigin: string, host: string | undefined): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin === siteOrigin) return true;
  return LOOPBACK_HOSTS.has(url.hostname) && url.host === (host ?? '').toLowerCase();
}
