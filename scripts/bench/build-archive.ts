// `node --import tsx scripts/bench/build-archive.ts --data-dir DIR [--articles 100000] [--seed 1]`:
// builds the benchmark archive into a new data dir (SQLite warta.db and media), or into the
// database named by --database-url (photos still go to the data dir).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createCliWriter } from '../../src/cli/writer.ts';
import { openDatabase } from '../../src/core/db/database.ts';
import { engineOf } from '../../src/core/db/dialect.ts';
import { migrateToLatest } from '../../src/core/db/migrate.ts';
import { buildArchive } from './archive.ts';
import { createProgress, type Progress } from './progress.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    articles: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    timezone: { type: 'string', default: 'Asia/Jakarta' },
  },
});
const articles = Number(values.articles);
if (!values['data-dir'] || !Number.isInteger(articles) || articles < 1) {
  console.error('usage: build-archive.ts --data-dir DIR [--articles N] [--seed N] [--database-url URL]');
  process.exit(2);
}
const dataDir = path.resolve(values['data-dir']);
const db = openDatabase(values['database-url'] ?? `sqlite:${path.join(dataDir, 'warta.db')}`);
try {
  await migrateToLatest(db.kysely);
  // A build that dies is built again from its seed: no commit of it needs to wait for the disk
  // (the site itself keeps synchronous = FULL).
  if (engineOf(db.kysely) === 'sqlite') await sql`pragma synchronous = off`.execute(db.kysely);
  console.error('preparing the newsroom: editions, reporters, sections, photos…');
  const started = performance.now();
  let progress: Progress | undefined;
  const summary = await buildArchive(createCliWriter(db.kysely), {
    articles,
    dataDir,
    now: new Date(),
    timezone: values.timezone,
    seed: Number(values.seed),
    // The bar starts with the stories, so its rate and time left are the stories'.
    onProgress: (done) => (progress ??= createProgress('articles', articles)).update(done),
  });
  progress?.finish();
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.error(
    `built ${summary.articles.en} English and ${summary.articles.id} Indonesian articles, ${summary.votes} votes, in ${seconds} s`,
  );
} finally {
  await db.close();
}
