// The search indexes while the benchmark's archive is built: not merged as they grow, merged once
// at the end.
import { sql, type Kysely } from 'kysely';

/** An FTS5 index and the `automerge` it had before the build. */
export interface SearchMerging {
  table: string;
  automerge: number;
}

/** FTS5's `automerge` when an index has none set. */
const FTS5_DEFAULT_AUTOMERGE = 4;

/**
 * Stops the search indexes' merging as they grow (FTS5's automerge; the site keeps 2, see
 * migration 0011): each of the build's 200 commits merged the new segment into the older ones,
 * rewriting the same pages again and again. Only FTS5's crisis merge (16 segments of one level)
 * runs now, and compactSearchIndexes merges each index into one segment at the end, as a bulk
 * import does (src/search/indexer.ts reindexAll). Building 100,000 stories took 222 s with
 * the site's merging and 165 s without (6.8 s of it the final merge), on the same machine.
 */
export async function pauseSearchMerging(kysely: Kysely<any>): Promise<SearchMerging[]> {
  const { rows } = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE % USING fts5%'
  `.execute(kysely);
  const indexes = [];
  for (const { name } of rows) {
    const { rows: config } = await sql<{ v: number }>`
      select v from ${sql.table(`${name}_config`)} where k = 'automerge'
    `.execute(kysely);
    indexes.push({ table: name, automerge: Number(config[0]?.v ?? FTS5_DEFAULT_AUTOMERGE) });
    await setAutomerge(kysely, name, 0);
  }
  return indexes;
}

/** Merges each search index into one segment and gives it back its automerge. */
export async function compactSearchIndexes(kysely: Kysely<any>, indexes: readonly SearchMerging[]): Promise<void> {
  for (const { table, automerge } of indexes) {
    await sql`insert into ${sql.table(table)} (${sql.table(table)}) values ('optimize')`.execute(kysely);
    await setAutomerge(kysely, table, automerge);
  }
}

async function setAutomerge(kysely: Kysely<any>, table: string, value: number): Promise<void> {
  // A literal: FTS5 takes only an integer, and better-sqlite3 binds every JS number as a real.
  const automerge = sql.lit(Math.trunc(value));
  await sql`insert into ${sql.table(table)} (${sql.table(table)}, rank) values ('automerge', ${automerge})`.execute(
    kysely,
  );
}
