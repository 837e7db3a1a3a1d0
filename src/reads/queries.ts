// Data access for read counts: the beacon's article check and the batched write of counted reads.
import { sql, type Kysely } from 'kysely';
import { isPublishedRow } from '../articles/index.ts';
import type { Database } from '../core/db/schema.ts';

type Db = Kysely<Database>;

/** Counted reads waiting to be written: article id → day (YYYY-MM-DD) → reads. */
export type ReadBatch = ReadonlyMap<number, ReadonlyMap<string, number>>;

/** What the beacon needs to know about an article it may count. */
export interface CountableArticle {
  id: number;
  edition: string;
  hitCount: number;
  /** Whether it is on the site at this instant: published, and its time has come. */
  isPublishedAt(now: Date): boolean;
}

// Rows per INSERT: far below both engines' limits on bound parameters.
const CHUNK = 300;

/**
 * An article with its stored read count, whatever its status; whether it may be counted is
 * decided per request (isPublishedAt), so a kept answer serves across a scheduled story's minute.
 */
export async function findCountableArticle(db: Db, id: number): Promise<CountableArticle | undefined> {
  const row = await db
    .selectFrom('articles')
    .select(['id', 'edition', 'hit_count', 'status', 'published_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    edition: row.edition,
    hitCount: Number(row.hit_count),
    isPublishedAt: (now) => isPublishedRow(row, now),
  };
}

/**
 * Adds a batch of reads in ONE transaction: each article's all-time hit_count and its daily
 * totals. Reads of articles deleted since they were counted are dropped (their rows are gone).
 * Returns how many reads were written.
 */
export async function writeReads(db: Db, batch: ReadBatch): Promise<number> {
  // Ascending ids: two processes flushing at once lock rows in the same order, so they queue
  // behind each other instead of deadlocking.
  const ids = [...batch.keys()].sort((a, b) => a - b);
  if (ids.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    // Writing first matters on SQLite: a transaction that read before writing cannot wait for
    // another process's write lock (SQLITE_BUSY at once); one that writes first simply waits.
    let written = 0;
    const daily: { article_id: number; day: string; reads: number }[] = [];
    for (const id of ids) {
      const days = [...(batch.get(id) ?? new Map<string, number>())]
        .filter(([, reads]) => reads > 0)
        .sort(([x], [y]) => (x < y ? -1 : 1));
      const total = days.reduce((n, [, reads]) => n + reads, 0);
      if (total === 0) continue;
      // An increment, never "read, add, write": concurrent writers cannot lose each other's reads.
      const updated = await trx
        .updateTable('articles')
        .set((eb) => ({ hit_count: eb('hit_count', '+', total) }))
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst();
      if (!updated) continue; // deleted since it was read
      for (const [day, reads] of days) daily.push({ article_id: id, day, reads });
      written += total;
    }
    for (const part of chunks(daily, CHUNK)) {
      await trx
        .insertInto('article_reads_daily')
        .values(part)
        .onConflict((oc) =>
          oc.columns(['article_id', 'day']).doUpdateSet({ reads: sql`article_reads_daily.reads + excluded.reads` }),
        )
        .execute();
    }
    return written;
  });
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
