// The hourly limit on new votes per address: one row (keyed address hash, time) per new vote,
// in a table of its own that keeps nothing older than the hour the limit looks at.
import type { Kysely } from 'kysely';
import { toDate, toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';

type Db = Kysely<Database>;

/** How long a new vote counts towards its address's limit (and how long its hash is kept). */
export const VOTE_WINDOW_MS = 3600_000;

/** How many new votes an address started since a time, and when the oldest of them was. */
export async function countVotesFromAddress(
  trx: Db,
  ipHash: string,
  since: Date,
): Promise<{ count: number; oldest: Date | null }> {
  const row = await trx
    .selectFrom('vote_address_window')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('ip_hash', '=', ipHash)
    .where('created_at', '>', toDbTime(since))
    .executeTakeFirst();
  return { count: Number(row?.n ?? 0), oldest: row?.oldest ? toDate(row.oldest) : null };
}

/** Notes a new vote from an address, in the vote's transaction. */
export async function recordVoteFromAddress(trx: Db, ipHash: string, now: Date): Promise<void> {
  await trx
    .insertInto('vote_address_window')
    .values({ ip_hash: ipHash, created_at: toDbTime(now) })
    .execute();
}

/**
 * Deletes the address hashes whose hour has passed (they no longer count towards any limit);
 * returns how many went. For a scheduled job: the table then holds about one hour of new votes,
 * small enough that this delete by time needs no index of its own.
 */
export async function sweepVoteAddressWindow(db: Db, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('vote_address_window')
    .where('created_at', '<=', toDbTime(new Date(now.getTime() - VOTE_WINDOW_MS)))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
