// The sign-in limiter. Failed attempts are counted per account (whatever the address) and per
// address (whatever the account, so trying many usernames from one place is slowed down too);
// past a few free failures each further one doubles the wait. The state is in the database, so a
// restart or another app process does not reset it. An address is kept only as a keyed hash,
// and an unknown account is limited exactly like a real one (its key is made from what was typed).
import { createHash, createHmac } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { toDate, toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';

type Db = Kysely<Database>;

interface Policy {
  /** Failures that cost nothing (typos). */
  readonly free: number;
  /** The longest wait. */
  readonly maxDelayMs: number;
  /** The wait after the first failure past the free ones (2 s unless said). */
  readonly firstDelayMs?: number;
}

/** An account: three typos free, then 2 s, 4 s, 8 s … up to 15 minutes. */
const ACCOUNT: Policy = { free: 3, maxDelayMs: 15 * 60_000 };
/** An address (an office behind one NAT signs in from it): ten free, then the same doubling. */
const ADDRESS: Policy = { free: 10, maxDelayMs: 15 * 60_000 };
/** Password-reset requests for one typed e-mail: three in a row, then waits of 10 minutes, 20 … an hour. */
const RESET_ACCOUNT: Policy = { free: 2, firstDelayMs: 10 * 60_000, maxDelayMs: 3600_000 };
/** Reset requests from one address (whatever the e-mail): ten in a row, then 1 minute, 2 … an hour. */
const RESET_ADDRESS: Policy = { free: 9, firstDelayMs: 60_000, maxDelayMs: 3600_000 };
/** A key's count starts again after this long without a failure. */
export const FORGET_AFTER_MS = 24 * 3600_000;

export interface LimitKeys {
  readonly account: string;
  readonly address: string;
}

/** The limiter's keys for an attempt: a hash of the typed e-mail, a keyed hash of the address. */
export function limitKeys(secret: string, email: string, address: string): LimitKeys {
  const account = createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
  const key = createHmac('sha256', secret).update('warta:sign-in:address').digest();
  return {
    account: `account:${account}`,
    address: `address:${createHmac('sha256', key).update(address).digest('base64url')}`,
  };
}

/** The wait after `failures` failures under a policy. */
export function delayAfter(failures: number, policy: Policy): number {
  if (failures <= policy.free) return 0;
  return Math.min((policy.firstDelayMs ?? 2000) * 2 ** (failures - policy.free - 1), policy.maxDelayMs);
}

/** How long until these keys may try again (0: now). */
export async function waitFor(db: Db, keys: LimitKeys, now: Date): Promise<number> {
  const rows = await db
    .selectFrom('sign_in_limits')
    .select('blocked_until')
    .where('key', 'in', [keys.account, keys.address])
    .execute();
  let until = 0;
  for (const row of rows) until = Math.max(until, toDate(row.blocked_until).getTime());
  return Math.max(0, until - now.getTime());
}

/** Counts a failed attempt against both keys (atomically, so concurrent attempts all count). */
export async function recordFailure(db: Db, keys: LimitKeys, now: Date): Promise<void> {
  await bump(db, keys.account, ACCOUNT, now);
  await bump(db, keys.address, ADDRESS, now);
}

async function bump(db: Db, key: string, policy: Policy, now: Date): Promise<void> {
  const at = toDbTime(now);
  const forgotten = toDbTime(new Date(now.getTime() - FORGET_AFTER_MS));
  const row = await db
    .insertInto('sign_in_limits')
    .values({ key, failures: 1, last_failure_at: at, blocked_until: at })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when sign_in_limits.last_failure_at < ${forgotten} then 1 else sign_in_limits.failures + 1 end`,
        last_failure_at: at,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const delay = delayAfter(Number(row.failures), policy);
  if (delay > 0) {
    await db
      .updateTable('sign_in_limits')
      .set({ blocked_until: toDbTime(new Date(now.getTime() + delay)) })
      .where('key', '=', key)
      .execute();
  }
}

/**
 * The keys of a password-reset request, apart from sign-in's (`reset:`): a reset request is no
 * failed sign-in, and an account's sign-in count must not stop its reset link, nor the reverse.
 */
export function resetLimitKeys(secret: string, email: string, address: string): LimitKeys {
  const keys = limitKeys(secret, email, address);
  return { account: `reset:${keys.account}`, address: `reset:${keys.address}` };
}

/** Counts a password-reset request against both keys (every request, whether or not the account exists). */
export async function recordResetRequest(db: Db, keys: LimitKeys, now: Date): Promise<void> {
  await bump(db, keys.account, RESET_ACCOUNT, now);
  await bump(db, keys.address, RESET_ADDRESS, now);
}

/** A successful sign-in clears its account's count (the address keeps its own). */
export async function clearAccount(db: Db, keys: LimitKeys): Promise<void> {
  await db.deleteFrom('sign_in_limits').where('key', '=', keys.account).execute();
}

/** Drops keys nobody has failed on for a day (a job). */
export async function sweepLimits(db: Db, now: Date): Promise<void> {
  await db
    .deleteFrom('sign_in_limits')
    .where('last_failure_at', '<', toDbTime(new Date(now.getTime() - FORGET_AFTER_MS)))
    .where('blocked_until', '<', toDbTime(now))
    .execute();
}
