// Composable transactions: a command can run inside its caller's transaction or open its own.
import type { Kysely } from 'kysely';

/** Runs `work` in the caller's transaction when there is one, else in a new transaction. */
export async function inTransaction<DB, T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
