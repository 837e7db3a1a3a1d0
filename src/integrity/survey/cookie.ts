// The cookie that keeps one response per visitor per quarter: signed with the site's secret
// (@fastify/cookie, core/secret.ts), HttpOnly, SameSite=Lax, Secure on an https site, sent back
// only to the survey's own path, and gone when the quarter ends. It holds the edition and the
// quarter answered, nothing that tells visitors apart: every visitor who answered in a quarter
// carries the same value.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Period } from './quarter.ts';
import { parsePeriod } from './quarter.ts';
import { SURVEY_COOKIE } from '../../core/http/cookies.ts';

export { SURVEY_COOKIE };

/** The survey's form, and the path its cookie is scoped to. */
export function surveyPath(edition: string): string {
  return `/${edition}/integrity/survey`;
}

/** The results page of an edition, for a quarter or the latest. */
export function resultsPath(edition: string, quarter?: Period): string {
  return `${surveyPath(edition)}/results${quarter ? `?quarter=${encodeURIComponent(quarter)}` : ''}`;
}

/**
 * The quarter this browser last answered in for `edition`, from a validly signed cookie.
 * Anything else (no cookie, a bad signature, an unsigned or malformed value) counts as no cookie:
 * it can only ever stop a response, never let one through, so a forged value gains a forger
 * nothing, and a cookie signed with an older secret must not lock an honest visitor out.
 */
export function answeredPeriod(request: FastifyRequest, edition: string): Period | undefined {
  const raw = request.cookies[SURVEY_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return undefined;
  const [cookieEdition, period] = unsigned.value.split(':');
  return cookieEdition === edition && period && parsePeriod(period) ? period : undefined;
}

/** Sets the cookie after a response is stored; it expires with the quarter answered. */
export function markAnswered(
  reply: FastifyReply,
  edition: string,
  period: Period,
  options: { isSecure: boolean; expires: Date },
): void {
  reply.setCookie(SURVEY_COOKIE, `${edition}:${period}`, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure: options.isSecure,
    path: surveyPath(edition),
    expires: options.expires,
  });
}
