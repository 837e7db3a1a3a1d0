// Names of the cookies Warta sets, and the one rule for their Secure flag. Reader pages themselves
// never set one (CDN-cacheable); only the endpoints that need to know a reader do.

/** Signed, HttpOnly: a random id that makes one vote per reader per article. */
export const VOTER_COOKIE = 'warta_voter';
/** Signed, HttpOnly: a random id that lets a reload by the same reader count once. */
export const READER_COOKIE = 'warta_reader';
/** Signed, HttpOnly, path-scoped to one edition's survey: "edition:quarter", one response a quarter. */
export const SURVEY_COOKIE = 'warta_survey';
/** Set by the newsroom sign-in (a later issue): its presence marks staff previews, which never count as reads. */
export const STAFF_COOKIE = 'warta_staff';
/** The newsroom session: a request carrying it is never answered from a shared cache, and reads nothing. */
export const SESSION_COOKIE = 'warta_session';
/** The newsroom's form token before sign-in (sign-in, setup and reset forms): double-submit, signed. */
export const FORM_TOKEN_COOKIE = 'warta_form';

/**
 * A cookie's name on this site: `__Host-` prefixed on https, so the browser only accepts it
 * Secure, from this host, for path `/`: no subdomain or plain-http page can set or shadow it.
 */
export function hostCookieName(name: string, secure: boolean): string {
  return secure ? `__Host-${name}` : name;
}

/** Every name a staff cookie may have (either scheme): requests with one are never cached or counted. */
export const STAFF_COOKIE_NAMES: readonly string[] = [SESSION_COOKIE, STAFF_COOKIE].flatMap((name) => [
  name,
  `__Host-${name}`,
]);

/**
 * Whether the site is served over HTTPS, judged from the configured base URL: every cookie is
 * `Secure` and HSTS is sent exactly then. Never from `request.protocol`, which a forged
 * X-Forwarded-Proto (or a proxy that terminates TLS without saying so) would change.
 */
export function isSecureSite(baseUrl: string): boolean {
  return new URL(baseUrl).protocol === 'https:';
}
