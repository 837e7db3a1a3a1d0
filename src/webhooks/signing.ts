// How a receiver knows a delivery came from this site and was not replayed: the body is signed
// with HMAC-SHA256 under the hook's own secret, over "<timestamp>.<body>", and sent as
//   Warta-Signature: t=<unix seconds>,v1=<hex digest>
// (the scheme Stripe and others use, so receivers know it). A receiver recomputes the digest with
// its copy of the secret, compares in constant time, and refuses a timestamp far from its clock.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The header a delivery's signature travels in. */
export const SIGNATURE_HEADER = 'warta-signature';

/** A new hook secret: 32 random bytes, printable. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The hex HMAC-SHA256 of "<timestamp>.<body>" under the secret. */
export function signatureDigest(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The Warta-Signature header's value for a body sent at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signatureDigest(secret, timestamp, body)}`;
}

/**
 * What a receiver does (here for tests and the documentation): whether the header signs this
 * body under the secret, with a timestamp within `toleranceSeconds` of `now`.
 */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureDigest(secret, timestamp, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
