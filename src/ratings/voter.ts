// Who is voting: a random voter id in a signed, HttpOnly cookie, and a keyed hash of the client
// address for the hourly limit. The address itself is never stored; the hash only for that hour.
import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { subscriberOf } from '../core/http/client-address.ts';
import { VOTER_COOKIE } from '../core/http/cookies.ts';
import { ratingScope } from './model.ts';

const VOTER_ID = /^[A-Za-z0-9_-]{22}$/;
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/** The voter id from a validly signed cookie, or undefined when it is missing or tampered with. */
export function readVoterId(request: FastifyRequest): string | undefined {
  const raw = request.cookies[VOTER_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value !== null && VOTER_ID.test(unsigned.value) ? unsigned.value : undefined;
}

/**
 * Gives the reader a new voter id (128 random bits) for this edition's vote endpoints; `secure`
 * comes from the site's configured scheme (isSecureSite), never from the request.
 */
export function issueVoterId(reply: FastifyReply, edition: string, secure: boolean): string {
  const id = randomBytes(16).toString('base64url');
  reply.setCookie(VOTER_COOKIE, id, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax', // not sent on cross-site POSTs: another site cannot vote in a reader's name
    secure,
    // Only the vote endpoints see the cookie: reader pages stay cookie-free for caches, and
    // the voter id cannot be tied to what someone reads.
    path: ratingScope(edition),
    maxAge: ONE_YEAR_SECONDS,
  });
  return id;
}

/**
 * Returns a function that hashes a client address with a key derived from the cookie secret
 * (HMAC-SHA256), so the same address gives the same hash on every app server, and no one can
 * recover the address from the database without the secret.
 */
export function createAddressHasher(secret: string): (address: string) => string {
  const key = createHmac('sha256', secret).update('warta:ratings:ip-hash').digest();
  return (address) => createHmac('sha256', key).update(subscriberOf(address)).digest('base64url');
}
