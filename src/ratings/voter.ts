// Who is voting: a random voter id in a signed, HttpOnly cookie, and a keyed hash of the client
// address for the rate limit. The address itself is never stored.
import { createHmac, randomBytes } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
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

/** Gives the reader a new voter id (128 random bits) for this edition's vote endpoints. */
export function issueVoterId(request: FastifyRequest, reply: FastifyReply, edition: string): string {
  const id = randomBytes(16).toString('base64url');
  reply.setCookie(VOTER_COOKIE, id, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax', // not sent on cross-site POSTs: another site cannot vote in a reader's name
    secure: request.protocol === 'https',
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

/**
 * The part of an address one subscriber controls: an IPv4 address, or an IPv6 /64 network
 * (a home or phone gets a whole /64, so counting single IPv6 addresses would limit nothing).
 */
export function subscriberOf(address: string): string {
  const ip = address.split('%')[0]!.toLowerCase(); // without an IPv6 zone
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIPv4(ip) || !isIPv6(ip)) return ip;
  const [head = '', tail] = ip.split('::');
  // An embedded IPv4 address fills the last two groups.
  const groupsOf = (part: string) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const before = groupsOf(head);
  const after = tail === undefined ? [] : groupsOf(tail);
  const groups = [...before, ...Array<string>(8 - before.length - after.length).fill('0'), ...after];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
