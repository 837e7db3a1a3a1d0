// API keys: what they may do (scopes), how they look, and how they are kept. A key acts as the
// user it belongs to: a scope opens a door, the user's role decides what they may do behind it
// (a key with "articles:write" for a contributor still cannot publish).
import { createHash, randomBytes } from 'node:crypto';

/** What a key may be allowed, beyond reading what the public reads. */
export const SCOPES = ['drafts:read', 'articles:write', 'media:write'] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** A key as handed out: "wk_" + 8 characters shown in lists + "_" + 32 random bytes. */
const KEY_SHAPE = /^wk_([A-Za-z0-9_-]{8})_([A-Za-z0-9_-]{43})$/;

/** A new key, its shown prefix, and the hash that is all the database keeps. */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString('base64url');
  const key = `wk_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix: `wk_${prefix}`, hash: hashApiKey(key) };
}

/**
 * The stored form of a key. SHA-256, not a slow password hash: a key is 256 random bits, so
 * there is nothing to guess, and every API request must look it up quickly.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Whether a string has a key's shape (anything else is refused before any lookup). */
export function looksLikeApiKey(value: string): boolean {
  return KEY_SHAPE.test(value);
}

/** Requests one key may make per minute, across every app process. */
export const REQUESTS_PER_MINUTE = 600;
