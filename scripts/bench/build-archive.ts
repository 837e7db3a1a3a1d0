// `node --import tsx scripts/bench/build-archive.ts --data-dir DIR [--articles 100000] [--seed 1] [--now ISO]`:
// builds the benchmark archive into a new data dir (SQLite warta.db and media), or into the
// database named by --database-url (photos still go to the data dir). The benchmark starts it
// with malloc settings of its own (archive-cache.ts): run by hand, it takes a little longer.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { createCliWriter } from '../../src/cli/writer.ts';
import { openDatabase } from '../../src/core/db/database.ts';
import type { Database } from '../../src/core/db/schema.ts';
import { engineOf } from '../../src/core/db/dialect.ts';
import { migrateToLatest } from '../../src/core/db/migrate.ts';
import { buildArchive } from './archive.ts';
import { createProgress, type Progress } from './progress.ts';
import { compactSearchIndexes, pauseSearchMerging, type SearchMerging } from './search-merging.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    articles: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    timezone: { type: 'string', default: 'Asia/Jakarta' },
    // The end of the archive's three years (default: now); the same seed and time give the same archive.
    now: { type: 'string' },
  },
});
const articles = Number(values.articles);
const now = values.now === undefined ? new Date() : new Date(values.now);
if (!values['data-dir'] || !Number.isInteger(articles) || articles < 1 || Number.isNaN(now.getTime())) {
  console.error('usage: build-archive.ts --data-dir DIR [--articles N] [--seed N] [--now ISO] [--database-url URL]');
  process.exit(2);
}
const dataDir = path.resolve(values['data-dir']);
/** The build's page cache, in KiB. */
const BUILD_CACHE_KIB = 512 * 1024;
/**
 * Events per consumer transaction: the build's 500-story batches record 1,000 events, which the
 * search index then takes in one commit rather than ten. Each commit of the index writes its
 * pending words as a new segment and merges segments (automerge 2, see migration 0011), so ten
 * commits did more merging. In one pair of builds of 100,000 stories: 178 s with 1,000, 186 s with 100.
 */
const BUILD_EVENT_BATCH = 1000;
const db = openDatabase(values['database-url'] ?? `sqlite:${path.join(dataDir, 'warta.db')}`);
const isSqlite = engineOf(db.kysely) === 'sqlite';
try {
  await migrateToLatest(db.kysely);
  const searchMerging = isSqlite ? await useBuildSettings(db.kysely) : [];
  console.error('preparing the newsroom: editions, reporters, sections, photos…');
  const started = performance.now();
  let progress: Progress | undefined;
  const summary = await buildArchive(createCliWriter(db.kysely, { eventBatchSize: BUILD_EVENT_BATCH }), {
    articles,
    dataDir,
    now,
    timezone: values.timezone,
    seed: Number(values.seed),
    // The bar starts with the stories, so its rate and time left are the stories'.
    onProgress: (done) => (progress ??= createProgress('articles', articles)).update(done),
  });
  progress?.finish();
  if (isSqlite) {
    const merging = performance.now();
    await compactSearchIndexes(db.kysely, searchMerging);
    console.error(`search indexes merged in ${((performance.now() - merging) / 1000).toFixed(1)} s`);
    await useSiteJournal(db.kysely);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.error(
    `built ${summary.articles.en} English and ${summary.articles.id} Indonesian articles, ${summary.votes} votes, in ${seconds} s`,
  );
} finally {
  await db.close();
}

/**
 * SQLite settings for this process's connection while it builds (the site opens the file with
 * its own). A build that dies is built again from its seed, so no commit of it needs to wait for
 * the disk or survive a crash: the journal is kept in memory (a rollback still works) and the
 * file locked for this process alone, so a commit writes each page it changed once, into the
 * database. In WAL mode every commit appended its pages to the log and each checkpoint copied
 * them again: 28 GB written for the 100,000 stories, against 7 GB now (the search index's
 * segment merges rewrite the same pages commit after commit).
 */
async function useBuildSettings(kysely: Kysely<Database>): Promise<SearchMerging[]> {
  await sql`pragma synchronous = off`.execute(kysely);
  await sql`pragma locking_mode = exclusive`.execute(kysely);
  await sql`pragma journal_mode = memory`.execute(kysely);
  // Enough for the indexes and the search index's segments being merged, so they are not read
  // back from the file: with the site's 8 MB, the build read 18 GB of its 1.8 GB file.
  await sql.raw(`pragma cache_size = -${BUILD_CACHE_KIB}`).execute(kysely);
  return pauseSearchMerging(kysely);
}

/** Puts the database back in WAL mode, as the site creates it and the archive is copied. */
async function useSiteJournal(kysely: Kysely<Database>): Promise<void> {
  await sql`pragma journal_mode = wal`.execute(kysely);
  await sql`pragma locking_mode = normal`.execute(kysely);
}
