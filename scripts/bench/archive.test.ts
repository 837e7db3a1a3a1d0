// The benchmark archive, built small: stories through the commands with their events handled,
// searchable, with the spread of tags, reads and votes the benchmark relies on.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { articlePath } from '../../src/articles/index.ts';
import { mediaDir } from '../../src/media/index.ts';
import { bodyText, wordsOf } from '../../src/search/text.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { writerFor } from '../../test/helpers/writer.ts';
import { engineOf } from '../../src/core/db/dialect.ts';
import { buildArchive, type ArchiveSummary } from './archive.ts';
import { loadScenarioData } from './scenarios.ts';
import { compactSearchIndexes, pauseSearchMerging, type SearchMerging } from './search-merging.ts';
import { StoryPlanner } from './story-plan.ts';
import { searchQueriesFor, vocabularyOf } from './words.ts';

const ARTICLES = 300;
const now = new Date();
let t: TestApp;
let summary: ArchiveSummary;
const progress: number[] = [];
/** SQLite: the search indexes' automerge as the build paused it, and as found during the build. */
let paused: SearchMerging[] = [];
let duringBuild: Record<string, number | undefined> = {};

before(async () => {
  t = await createTestApp();
  // As build-archive.ts builds on SQLite: search indexes unmerged until the end.
  if (engineOf(t.db) === 'sqlite') paused = await pauseSearchMerging(t.db);
  duringBuild = await automergeOf(paused.map((index) => index.table));
  summary = await buildArchive(writerFor(t.db), {
    articles: ARTICLES,
    dataDir: t.testDb.dataDir,
    now,
    timezone: 'Asia/Jakarta',
    batchSize: 120,
    onProgress: (done) => progress.push(done),
  });
  await compactSearchIndexes(t.db, paused);
});

/** Each FTS5 index's automerge setting (undefined: none set, FTS5's default of 4). */
async function automergeOf(tables: readonly string[]): Promise<Record<string, number | undefined>> {
  const found: Record<string, number | undefined> = {};
  for (const table of tables) {
    const row = await sql<{ v: number }>`select v from ${sql.table(`${table}_config`)} where k = 'automerge'`.execute(
      t.db,
    );
    found[table] = row.rows[0]?.v;
  }
  return found;
}
after(() => t.close());

describe('benchmark archive', () => {
  it('is built with the search indexes unmerged, then merges them and gives back their automerge', async (test) => {
    if (engineOf(t.db) !== 'sqlite') return test.skip('FTS5 indexes are SQLite only');
    // The site's settings: 2 for the word indexes (migration 0011), FTS5's default 4 for titles.
    assert.deepEqual(Object.fromEntries(paused.map((index) => [index.table, index.automerge])), {
      article_search_fts: 2,
      article_search_headline_fts: 2,
      article_title_search: 4,
    });
    assert.deepEqual(duringBuild, { article_search_fts: 0, article_search_headline_fts: 0, article_title_search: 0 });
    assert.deepEqual(await automergeOf(paused.map((index) => index.table)), {
      article_search_fts: 2,
      article_search_headline_fts: 2,
      article_title_search: 4,
    });
  });

  it('publishes the asked number of stories in English and Indonesian over three years, reporting each batch', async () => {
    const rows = await t.db.selectFrom('articles').select(['edition', 'status', 'published_at']).execute();
    assert.equal(rows.length, ARTICLES);
    assert.equal(summary.articles.en + summary.articles.id, ARTICLES);
    assert.ok(summary.articles.en > 100 && summary.articles.id > 100, JSON.stringify(summary.articles));
    assert.ok(rows.every((r) => r.status === 'published'));
    const times = rows.map((r) => new Date(r.published_at!).getTime());
    assert.ok(Math.max(...times) < now.getTime());
    assert.ok(now.getTime() - Math.min(...times) > 2.9 * 365 * 86_400_000, 'the oldest story is about three years old');
    assert.deepEqual(progress, [0, 120, 240, 300]);
  });

  it('writes the stories its seed draws, in order, as the generator always has', async () => {
    const rows = await t.db.selectFrom('articles').select(['edition', 'title']).orderBy('id').execute();
    // Drawn here in one thread: the build drew them in a worker, a batch ahead of the writes.
    const planned = new StoryPlanner({ articles: ARTICLES, now, timezone: 'Asia/Jakarta', seed: 1 }).plan(ARTICLES);
    assert.deepEqual(
      rows,
      planned.map((s) => ({ edition: s.edition, title: s.input.title })),
    );
    // The first stories of seed 1 since the archive's first version: a change to what is drawn
    // (or in what order) makes another archive, and must raise ARCHIVE_VERSION with these.
    assert.deepEqual(
      rows.slice(0, 3).map((r) => r.title),
      [
        'Soudroatroalk breed could smeagraitroag miwhiprold spusmaint fradeflee whosnowhoast mine about under',
        'Hupi nginguya laut piya keluarga jatujanyir presiden yang',
        'Antara bisa bubagam dan sejak pelatih gunung kusa kesepakatan',
      ],
    );
  });

  it('records the commands’ events and has the search index consumer handle every one', async () => {
    const db = t.db;
    const created = await db.selectFrom('outbox_events').select('id').where('type', '=', 'article.created').execute();
    assert.equal(created.length, ARTICLES);
    const newest = await db
      .selectFrom('outbox_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    const cursor = await db
      .selectFrom('event_cursors')
      .select('last_id')
      .where('consumer', '=', 'search.index')
      .executeTakeFirstOrThrow();
    assert.equal(Number(cursor.last_id), Number(newest.id));
    const indexed = await db.selectFrom('article_search').select('article_id').execute();
    assert.equal(indexed.length, ARTICLES);
  });

  it('writes bodies of 400 to 900 words that search finds by a word of their text', async () => {
    const rows = await t.db.selectFrom('articles').select(['edition', 'body_html']).limit(50).execute();
    for (const r of rows) {
      const words = wordsOf(bodyText(r.body_html)).length;
      assert.ok(words >= 400 && words <= 900, `${words} words`);
    }
    const story = await t.db
      .selectFrom('articles')
      .select(['id', 'edition', 'slug', 'title', 'body_html'])
      .where('edition', '=', 'id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    // Its rarest word: few other stories have it, so the story is on the first page of results.
    const rank = new Map(vocabularyOf('id').map((w, i) => [w.toLowerCase(), i]));
    const word = wordsOf(bodyText(story.body_html)).reduce((a, b) => ((rank.get(b) ?? 0) > (rank.get(a) ?? 0) ? b : a));
    const byWord = await t.app.inject({ url: `/id/search?q=${encodeURIComponent(word)}` });
    assert.equal(byWord.statusCode, 200);
    assert.ok(byWord.body.includes(articlePath(story)), `searching "${word}" does not find article ${story.id}`);
    // The common words of the benchmark's query mix find stories too.
    const [common] = searchQueriesFor('en', 1);
    const byCommon = await t.app.inject({ url: `/en/search?q=${encodeURIComponent(common!)}` });
    assert.match(byCommon.body, /href="\/en\/news\/\d+\//, `"${common}" found nothing`);
  });

  it('gives the benchmark pages the site serves: article, home, section, search', async () => {
    const data = await loadScenarioData(t.db);
    const paths = [data.cachedArticle, data.articles[0]!, ...data.homes, data.sections[0]!, data.searches[1]!];
    for (const path of paths) {
      const response = await t.app.inject({ url: path });
      assert.equal(response.statusCode, 200, path);
    }
    assert.equal(data.checked.length, 100);
    assert.equal(data.loaded.length, ARTICLES - 100);
  });

  it('spreads tags unevenly: the top tag on a large share of stories, most tags on few', async () => {
    const counts = await t.db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select(['tags.edition', (eb) => eb.fn.countAll<number>().as('n')])
      .where('tags.edition', '=', 'en')
      .groupBy(['tags.id', 'tags.edition'])
      .orderBy('n', 'desc')
      .execute();
    const top = Number(counts[0]!.n);
    assert.ok(top > summary.articles.en / 5, `top tag on ${top} of ${summary.articles.en}`);
    const once = counts.filter((c) => Number(c.n) <= 2).length;
    assert.ok(once > counts.length / 2, `${once} of ${counts.length} tags on one or two stories`);
  });

  it('gives stories read totals that their daily totals add up to, and votes that match the rating totals', async () => {
    const db = t.db;
    const stories = await db.selectFrom('articles').select(['id', 'hit_count', 'rating_sum', 'rating_count']).execute();
    const daily = await db
      .selectFrom('article_reads_daily')
      .select(['article_id', (eb) => eb.fn.sum<number>('reads').as('reads')])
      .groupBy('article_id')
      .execute();
    const dailyOf = new Map(daily.map((d) => [d.article_id, Number(d.reads)]));
    for (const s of stories) assert.equal(dailyOf.get(s.id) ?? 0, Number(s.hit_count), `article ${s.id}`);
    assert.ok(stories.filter((s) => Number(s.hit_count) > 1_000).length > 0, 'some stories were read widely');
    const votes = await db
      .selectFrom('article_votes')
      .select(['article_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('rating').as('sum')])
      .groupBy('article_id')
      .execute();
    assert.ok(votes.length > 0, 'some stories have votes');
    assert.equal(
      votes.reduce((n, v) => n + Number(v.n), 0),
      summary.votes,
    );
    const voted = new Map(votes.map((v) => [v.article_id, v]));
    for (const s of stories) {
      assert.equal(Number(voted.get(s.id)?.n ?? 0), Number(s.rating_count), `article ${s.id}`);
      assert.equal(Number(voted.get(s.id)?.sum ?? 0), Number(s.rating_sum), `article ${s.id}`);
    }
  });

  it('shares a few stored photos among all stories', async () => {
    const media = await t.db.selectFrom('media').select('storage_key').execute();
    assert.ok(media.length > 0 && media.length <= 12, `${media.length} photos`);
    const files = fs.readdirSync(mediaDir(t.testDb.dataDir));
    for (const m of media)
      assert.ok(
        files.some((f) => f.startsWith(m.storage_key)),
        m.storage_key,
      );
    const without = await t.db.selectFrom('articles').select('id').where('featured_media_id', 'is', null).execute();
    assert.equal(without.length, 0);
  });
});
