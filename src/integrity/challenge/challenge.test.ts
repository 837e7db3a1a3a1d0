// The proof-of-work challenge on its own: solved numbers are taken once, forged, altered and
// expired tokens never, a token without a number only after the wait, and a key from one site
// secret is the key of every process sharing that secret.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { ChallengeKeeper, challengeKey, CHALLENGE_LIFETIME_MS, type Challenge } from './challenge.ts';

const KEY = challengeKey('site-secret-for-tests-0123456789abcdef');
const T0 = Date.parse('2026-05-01T00:00:00Z');

function solve(challenge: Challenge): string {
  for (let n = 0; n <= challenge.max; n++)
    if (
      createHash('sha256')
        .update(challenge.salt + n)
        .digest('hex') === challenge.hash
    )
      return String(n);
  throw new Error('unsolvable');
}

describe('the report form’s challenge', () => {
  it('takes a solved challenge once, from any process that shares the site secret', () => {
    const maker = new ChallengeKeeper(KEY, { noScriptWaitMs: 20_000 });
    const other = new ChallengeKeeper(challengeKey('site-secret-for-tests-0123456789abcdef'), {
      noScriptWaitMs: 20_000,
    });
    const challenge = maker.issue(T0);
    const n = solve(challenge);
    assert.equal(other.check(challenge.token, n, T0 + 1000), 'ok');
    assert.equal(other.check(challenge.token, n, T0 + 2000), 'replayed');
  });

  it('refuses a wrong number, a forged signature, another key and an altered body', () => {
    const keeper = new ChallengeKeeper(KEY, { noScriptWaitMs: 20_000 });
    const challenge = keeper.issue(T0);
    const n = Number(solve(challenge));
    assert.equal(keeper.check(challenge.token, String(n + 1), T0), 'invalid');
    assert.equal(keeper.check(challenge.token, '-1', T0), 'invalid');
    const stranger = new ChallengeKeeper(challengeKey('another-site-secret-0123456789abcdef'), { noScriptWaitMs: 0 });
    assert.equal(stranger.check(challenge.token, String(n), T0), 'invalid');
    const [payload, signature] = challenge.token.split('.') as [string, string];
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, number>;
    const altered = Buffer.from(JSON.stringify({ ...body, i: 0 })).toString('base64url');
    assert.equal(keeper.check(`${altered}.${signature}`, '', T0 + 1000), 'invalid');
    assert.equal(keeper.check('nonsense', '1', T0), 'invalid');
    assert.equal(keeper.check(challenge.token, String(n), T0), 'ok', 'refusals spend nothing');
  });

  it('refuses an expired token', () => {
    const keeper = new ChallengeKeeper(KEY, { noScriptWaitMs: 20_000 });
    const challenge = keeper.issue(T0);
    assert.equal(keeper.check(challenge.token, solve(challenge), T0 + CHALLENGE_LIFETIME_MS), 'expired');
  });

  it('takes a token without a number only after the wait, unless the sender already proved it', () => {
    const keeper = new ChallengeKeeper(KEY, { noScriptWaitMs: 20_000 });
    const challenge = keeper.issue(T0);
    assert.equal(keeper.check(challenge.token, '', T0 + 19_999), 'too_fast');
    assert.equal(keeper.check(challenge.token, '', T0 + 20_000), 'ok');
    assert.equal(keeper.check(challenge.token, '', T0 + 30_000), 'replayed');
    const proven = keeper.issue(T0 + 40_000, true);
    assert.equal(keeper.check(proven.token, '', T0 + 40_000), 'ok');
  });
});
