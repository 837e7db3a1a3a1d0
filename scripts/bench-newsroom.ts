// Times the newsroom's lists on the benchmark's 100,000-story archive (built or reused from
// data/bench-cache, as `npm run bench` does): the article list under each filter and title
// search, deep pages by key, and the dashboard's queries. Prints the median and worst of repeated
// runs per shape.
// Usage: node --import tsx scripts/bench-newsroom.ts [--articles 100000]
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { listArticles, type ListFilters } from '../src/articles/newsroom/queries.ts';
import { loadConfig } from '../src/core/config.ts';
import { openDatabase } from '../src/core/db/database.ts';
import { migrateToLatest } from '../src/core/db/migrate.ts';
import { copyArchive, ensureArchive } from './bench/archive-cache.ts';
import { vocabularyOf } from './bench/words.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { articles: { type: 'string', default: '100000' } } });
const archive = await ensureArchive(root, Number(args.articles), false);
const dataDir = path.join(root, 'data', 'bench-newsroom');
copyArchive(archive, dataDir);
const config = loadConfig({ WARTA_DATA_DIR: dataDir, WARTA_LOG_LEVEL: 'silent' });
const db = openDatabase(config.databaseUrl);
await migrateToLatest(db.kysely);
const now = new Date();
const editions = ['en', 'id'];

async function time(label: string, run: () => Promise<unknown>, repeats = 30): Promise<void> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(48)} median ${ms[Math.floor(ms.length / 2)]!.toFixed(2)} ms   worst ${ms.at(-1)!.toFixed(2)} ms`,
  );
}

const section = await db.kysely
  .selectFrom('categories')
  .select('id')
  .where('edition', '=', 'en')
  .executeTakeFirstOrThrow();
/** A made-up word of rank 2,000 of the 40,000: in a few dozen titles. */
const RARE_WORD = vocabularyOf('en')[2000]!;
const shapes: [string, ListFilters][] = [
  ['all of my editions', { editions }],
  ['one edition', { editions: ['en'] }],
  ['drafts', { editions, status: 'draft' }],
  ['published', { editions, status: 'published' }],
  ['scheduled', { editions, status: 'scheduled' }],
  ['one section', { editions: ['en'], categoryId: section.id }],
  // Title search (title-search.ts): the trigram indexes, each way SQLite reads the matches.
  ['title contains a common word', { editions, q: 'the' }],
  ['title contains a news word', { editions, q: 'harbour' }],
  ['title contains a rare word', { editions, q: RARE_WORD }],
  ['title contains no match', { editions, q: 'zzzqx' }],
  ['title contains 2 common characters', { editions, q: 'th' }],
  ['title contains 2 rare characters', { editions, q: 'qx' }],
  ['drafts whose title contains a common word', { editions, status: 'draft', q: 'the' }],
  ['drafts whose title contains a rare word', { editions, status: 'draft', q: RARE_WORD }],
  ['one section, title contains a news word', { editions: ['en'], categoryId: section.id, q: 'harbour' }],
];
for (const [label, filters] of shapes) await time(`list: ${label}`, () => listArticles(db.kysely, filters, now));

/** Filters for page `n` of a list, walked there by key once. */
async function pageOf(start: ListFilters, n: number): Promise<ListFilters> {
  let filters = start;
  for (let page = 1; page < n; page++) {
    const { rows } = await listArticles(db.kysely, filters, now);
    const last = rows.at(-1)!;
    filters = { ...start, after: { updatedAt: last.updatedAtText, id: last.id } };
  }
  return filters;
}
const page500 = await pageOf({ editions }, 500);
await time('list: page 500 (by key)', () => listArticles(db.kysely, page500, now));
const searchPage50 = await pageOf({ editions, q: 'the' }, 50);
await time('list: title contains a common word, page 50', () => listArticles(db.kysely, searchPage50, now));
await db.close();
