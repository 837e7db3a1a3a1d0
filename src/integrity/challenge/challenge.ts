// The reporting form's proof-of-work, self-hosted and without a third party (the scheme of ALTCHA):
// the server picks a secret number n below `max` and a random salt, and sends SHA-256(salt + n)
// with the salt and `max`, all inside a token it signs. A browser's script tries 0, 1, 2, … until
// its hash matches, about max/2 hashes, and sends the number back. Checking costs one hash.
//
// Without JavaScript nothing is solved: the same signed token then counts as a time stamp, and the
// server takes the form only once NO_SCRIPT_WAIT_MS have passed since the token was made. A person
// reading the form and writing a report takes longer than that; a script must hold every token
// that long, which makes a flood slow even before the per-address limit stops it.
//
// The signing key is derived from the site secret every app process shares (the cookie secret),
// so a form made by one process is taken by another. A token is taken once: accepted tokens are
// remembered until they expire, in this process's memory (a replay to another process of a
// multi-node site would pass there, once; the per-address limits still count it).
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The search space: 12,500 hashes on average. crypto.subtle costs about 35 µs a hash in batches
 * (measured in desktop Chromium on a busy server: 30,000 took 1.1 s), so a phone, a few times
 * slower, takes around a second; the script starts when the page loads, while the person writes.
 */
export const POW_MAX_NUMBER = 25_000;
/**
 * How long a form's token is good for: a person may take a long while to write a report. A form
 * sent after this comes back filled in, with a fresh token and a word to send it again.
 */
export const CHALLENGE_LIFETIME_MS = 3 * 3600_000;
/**
 * Without JavaScript, the shortest time between the form's making and its sending. Twenty seconds
 * is less than anyone takes to read the form and write what happened, and long enough that a
 * script gains little from skipping the puzzle (see above).
 */
export const NO_SCRIPT_WAIT_MS = 20_000;
/** Accepted tokens remembered at most (a few MB); the oldest (first to expire) go first. */
const MAX_REMEMBERED = 100_000;

/** What a form carries: the signed token, and what the script needs to solve it. */
export interface Challenge {
  readonly token: string;
  readonly salt: string;
  /** SHA-256(salt + n) as hex. */
  readonly hash: string;
  readonly max: number;
}

/** Why a sent token was not taken; 'ok' when it was. */
export type ChallengeOutcome = 'ok' | 'invalid' | 'expired' | 'replayed' | 'too_fast';

interface TokenBody {
  /** Salt. */
  readonly s: string;
  /** Hash to find. */
  readonly h: string;
  readonly m: number;
  /** Issued at and expires at, in ms since the epoch. */
  readonly i: number;
  readonly e: number;
}

/** The key for this purpose alone, derived from the shared site secret. */
export function challengeKey(siteSecret: string): Buffer {
  return createHmac('sha256', siteSecret).update('warta:integrity:report-challenge').digest();
}

/** Makes and checks challenges; one per app, holding the set of spent tokens. */
export class ChallengeKeeper {
  // Every token lives as long as every other, so insertion order is expiry order.
  private readonly spent = new Map<string, number>();

  constructor(
    private readonly key: Buffer,
    private readonly options: { readonly noScriptWaitMs: number; readonly max?: number } = {
      noScriptWaitMs: NO_SCRIPT_WAIT_MS,
    },
  ) {}

  /**
   * A new challenge. `isProven`: the sender already spent a good token on this form (it came back
   * for a mistake in a field), so the new one needs no second wait without JavaScript.
   */
  issue(now: number, isProven = false): Challenge {
    const max = this.options.max ?? POW_MAX_NUMBER;
    const salt = randomBytes(12).toString('hex');
    const hash = sha256Hex(salt + String(randomInt(0, max + 1)));
    const issuedAt = isProven ? now - this.options.noScriptWaitMs : now;
    const body: TokenBody = { s: salt, h: hash, m: max, i: issuedAt, e: now + CHALLENGE_LIFETIME_MS };
    const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
    return { token: `${payload}.${this.sign(payload)}`, salt, hash, max };
  }

  /** What the form needs to show a challenge it was sent again (a too-fast form keeps its own). */
  reissue(token: string): Challenge | undefined {
    const body = this.read(token);
    return body ? { token, salt: body.s, hash: body.h, max: body.m } : undefined;
  }

  /**
   * Checks a sent token and, when the script solved it, its number; spends the token when it
   * passes. Without a number the token's age must be at least the no-script wait.
   */
  check(token: string, solution: string, now: number): ChallengeOutcome {
    const body = this.read(token);
    if (!body) return 'invalid';
    if (body.e <= now) return 'expired';
    this.forgetExpired(now);
    if (this.spent.has(body.s)) return 'replayed';
    if (solution === '') {
      if (now - body.i < this.options.noScriptWaitMs) return 'too_fast';
    } else if (!/^\d{1,9}$/.test(solution) || Number(solution) > body.m || sha256Hex(body.s + solution) !== body.h) {
      return 'invalid';
    }
    this.spent.set(body.s, body.e);
    while (this.spent.size > MAX_REMEMBERED) {
      const oldest = this.spent.keys().next().value;
      if (oldest === undefined) break;
      this.spent.delete(oldest);
    }
    return 'ok';
  }

  /** The token's body when its signature is ours, else undefined. */
  private read(token: string): TokenBody | undefined {
    const match = /^([\w-]{1,400})\.([\w-]{43})$/.exec(token);
    if (!match) return undefined;
    const [, payload, signature] = match as unknown as [string, string, string];
    const expected = Buffer.from(this.sign(payload));
    const sent = Buffer.from(signature);
    if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) return undefined;
    try {
      const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenBody;
      const isWhole =
        typeof body.s === 'string' &&
        typeof body.h === 'string' &&
        Number.isSafeInteger(body.m) &&
        Number.isSafeInteger(body.i) &&
        Number.isSafeInteger(body.e);
      return isWhole ? body : undefined;
    } catch {
      return undefined;
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }

  private forgetExpired(now: number): void {
    for (const [salt, expires] of this.spent) {
      if (expires > now) break;
      this.spent.delete(salt);
    }
  }
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
