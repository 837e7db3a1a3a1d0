// The hourly limit on new votes per address: one row (keyed address hash, time) per new vote,
// in a table of its own that keeps nothing older than the hour the limit looks at.
import type { Kysely } from 'kysely';
import { toDate, toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';

type Db = Kysely<Database>;

/** How long a new vote counts towards its address's limit (and how long its hash is kept). */
export const VOTE_WINDOW_MS = 3600_000;

/** When each of these addresses started its new votes since a time: hash → times (ms). */
export async function listAddressVoteTimes(
  trx: Db,
  ipHashes: readonly string[],
  since: Date,
): Promise<Map<string, number[]>> {
  const rows = await trx
    .selectFrom('vote_address_window')
    .select(['ip_hash', 'created_at'])
    .where('ip_hash', 'in', ipHashes)
    .where('created_at', '>', toDbTime(since))
    .execute();
  const times = new Map<string, number[]>();
  for (const row of rows) {
    const list = times.get(row.ip_hash) ?? [];
    list.push(toDate(row.created_at).getTime());
    times.set(row.ip_hash, list);
  }
  return times;
}

/** Notes new votes from addresses, in the votes' transaction. */
export async function recordVotesFromAddresses(trx: Db, rows: readonly { ipHash: string; at: Date }[]): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('vote_address_window')
    .values(rows.map((r) => ({ ip_hash: r.ipHash, created_at: toDbTime(r.at) })))
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
