// Who is asking: whether a beacon request is a human reader opening an article, and a key that
// recognises the same reader again (a signed cookie, else a keyed hash of address and browser).
import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isbot } from 'isbot';
import { STAFF_COOKIE_NAMES } from '../core/http/cookies.ts';
import { isSiteOrigin } from '../core/http/origin.ts';

/** Why a request is not counted as a read. */
export type NotCountedReason = 'head' | 'bot' | 'prefetch' | 'preview' | 'cross_site' | 'repeat' | 'address_cap';

/** The parts of a request the decision looks at. */
export interface BeaconRequest {
  method: string;
  headers: IncomingHttpHeaders;
  cookies: Readonly<Record<string, string | undefined>>;
}

/**
 * Why this request must not count, or undefined when it is a reader's read (repeats and the
 * per-address cap aside). `siteOrigin` is the origin of the configured base URL.
 */
export function whyNotCounted(request: BeaconRequest, siteOrigin: string): NotCountedReason | undefined {
  // Fastify answers HEAD through GET routes; a HEAD fetches headers, nobody reads anything.
  if (request.method === 'HEAD') return 'head';
  const agent = header(request.headers, 'user-agent');
  // Every browser sends a User-Agent; a request without one is a script.
  if (!agent || isBotAgent(agent)) return 'bot';
  if (isPrefetch(request.headers)) return 'prefetch';
  // Newsroom staff previewing or checking a story are not its readers.
  if (STAFF_COOKIE_NAMES.some((name) => request.cookies[name] !== undefined)) return 'preview';
  // Another site embedding our beacon (or posting to it) must not be able to add reads. Browsers
  // that do not send Sec-Fetch-Site still send Origin with a POST.
  if (header(request.headers, 'sec-fetch-site') === 'cross-site') return 'cross_site';
  if (isForeignOrigin(request.headers, siteOrigin)) return 'cross_site';
  return undefined;
}

/** User-Agents already judged: a site sees a few thousand, and isbot's one large pattern costs a few µs each time. */
const judgedAgents = new Map<string, boolean>();
const JUDGED_AGENTS_KEPT = 2000;

/** isbot, remembered per User-Agent (forgotten wholesale when many: a rotating script gains nothing). */
function isBotAgent(agent: string): boolean {
  let isBot = judgedAgents.get(agent);
  if (isBot === undefined) {
    if (judgedAgents.size >= JUDGED_AGENTS_KEPT) judgedAgents.clear();
    isBot = isbot(agent);
    // Long strings are judged each time: the memory holds only what browsers send.
    if (agent.length <= 512) judgedAgents.set(agent, isBot);
  }
  return isBot;
}

/**
 * Whether the request names an Origin other than the site's (see isSiteOrigin). No Origin is
 * fine (the no-script image, older browsers); "null" (a sandboxed frame, a data: page) is foreign.
 */
export function isForeignOrigin(headers: IncomingHttpHeaders, siteOrigin: string): boolean {
  const origin = header(headers, 'origin');
  return origin !== '' && !isSiteOrigin(origin, siteOrigin, header(headers, 'host'));
}

/** Speculative loads: link prefetch, Chrome's prerender, Firefox's old prefetch, Safari's previews. */
export function isPrefetch(headers: IncomingHttpHeaders): boolean {
  const purpose = [header(headers, 'sec-purpose'), header(headers, 'purpose'), header(headers, 'x-purpose')]
    .join(',')
    .toLowerCase();
  if (/\b(prefetch|prerender|preview)\b/.test(purpose)) return true;
  return header(headers, 'x-moz').toLowerCase() === 'prefetch';
}

/** A new random reader id for the cookie. */
export function newReaderId(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * A keyed hash of address and browser, for readers without the cookie. The key is random per
 * process and never stored, so the hash identifies nobody outside this process's memory.
 */
export function createReaderHasher(): (ip: string, userAgent: string) => string {
  const key = randomBytes(32);
  return (ip, userAgent) => createHmac('sha256', key).update(`${ip}\n${userAgent}`).digest('base64url');
}

function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}
