// Each reader page type runs a small, fixed number of database queries, menu included, counted
// on a site with content and the page cache off: a page that starts querying per story, per
// section or per menu link fails here, and the message lists the SQL it ran.
import assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { updateArticle } from '../src/articles/index.ts';
import { articlePath } from '../src/articles/model.ts';
import { categoryPath } from '../src/articles/sections.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { makeArticle, makeAuthor, makeCategory, makeImage, makePage } from './helpers/factories.ts';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

let t: TestApp;
/** The queries of the request being measured: those run in its async context. */
const measured = new AsyncLocalStorage<string[]>();
const paths = { home: '/en', article: '', section: '' };
/** The story the "after a change" test edits. */
let changed: { id: number };

before(async () => {
  t = await createTestApp({ WARTA_PAGE_CACHE_SECONDS: '0' });
  t.testDb.onQuery((sql) => measured.getStore()?.push(sql));
  const db = t.db;
  const news = await makeCategory(db, { name: 'News' });
  const politics = await makeCategory(db, { name: 'Politics', parent_id: news.id });
  const sport = await makeCategory(db, { name: 'Sport' });
  const culture = await makeCategory(db, { name: 'Culture' });
  const authors = [await makeAuthor(db), await makeAuthor(db)];
  const photo = await makeImage(db, t.config.dataDir);
  const sections = [news, politics, sport, culture];
  const stories = [];
  for (let i = 0; i < 16; i++) {
    stories.push(
      await makeArticle(db, {
        category_id: sections[i % sections.length]!.id,
        author_id: authors[i % 2]!.id,
        published_at: new Date(Date.now() - (i + 1) * 3600_000).toISOString(),
        featured_media_id: i % 3 === 0 ? null : photo.id,
        is_featured: i < 2 ? 1 : 0,
        tags: [`topic ${i % 4}`, `place ${i % 3}`],
        hit_count: 100 * (16 - i),
        rating_sum: 4 * i,
        rating_count: i,
      }),
    );
  }
  await makeArticle(db, { edition: 'id', translation_group: stories[1]!.translation_group });
  const profile = await makePage(db, { title: 'Company Profile' });
  await makePage(db, { title: 'History', parent: profile });
  // A few reads through the beacon, as browsers send them.
  for (const story of stories.slice(0, 3)) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/reads/${story.id}`,
      headers: { 'user-agent': FIREFOX },
    });
    assert.equal(res.statusCode, 200, res.body);
  }
  paths.article = articlePath(stories[1]!);
  changed = stories[5]!;
  paths.section = categoryPath('en', politics.slug);
});
after(() => t.close());

/** The SQL one request to `url` runs, in its async context and whatever it left running. */
async function measure(url: string): Promise<string[]> {
  const queries: string[] = [];
  // Awaited inside run(): inject returns a thenable that starts the request when awaited.
  const res = await measured.run(queries, async () => await t.app.inject({ url, headers: { 'user-agent': FIREFOX } }));
  assert.equal(res.statusCode, 200, `GET ${url}`);
  await delay(50); // work the request left running after its answer counts too
  return queries;
}

/** The SQL of a request after a first one has computed what is kept until the next change. */
async function queriesOf(url: string, { mayRunNone = false } = {}): Promise<string[]> {
  assert.equal((await t.app.inject({ url })).statusCode, 200, `GET ${url} (first)`);
  const queries = await measure(url);
  // With the page cache off every request renders, so a page that ran no query was not measured
  // (unless all it shows is kept until a change: then the change test below measures it).
  if (!mayRunNone) assert.ok(queries.length > 0, `GET ${url} ran no query: the page cache answered?`);
  return queries;
}

/** The SQL of the first request after a story of the edition changed (shared parts recomputed). */
async function queriesAfterChange(url: string): Promise<string[]> {
  await updateArticle(t.app.ctx.writer, changed.id, { summary: `Changed at ${Date.now()}` });
  await delay(50); // the event's listeners drop what the change made stale
  return measure(url);
}

function withinBudget(page: string, queries: string[], budget: number): void {
  assert.ok(
    queries.length <= budget,
    `the ${page} page runs ${queries.length} queries, over its budget of ${budget}:\n${queries.map((q, i) => `  ${i + 1}. ${q}`).join('\n')}`,
  );
}

// Shared parts (sections, section blocks, list sizes, the most-read box) are computed once per
// change; a request between changes runs only the queries of what is its own.
describe('queries per page', () => {
  it('an article page runs 1: the story with its tags and translations', async () => {
    // Related stories come from the kept candidate lists, with their tags and cards.
    withinBudget('article', await queriesOf(paths.article), 1);
  });

  it('the home page runs none: its stories and section blocks are kept until a change', async () => {
    withinBudget('home', await queriesOf(paths.home, { mayRunNone: true }), 0);
  });

  it('a section front runs none: its stories are kept until a change, like the home page', async () => {
    withinBudget('section', await queriesOf(paths.section, { mayRunNone: true }), 0);
  });

  it('the first request after a change recomputes the shared parts within a fixed budget', async () => {
    // The article's own 1, the edition's next scheduled story, the candidate lists of its tags
    // (one query for all) and of its section, each with their stories' tags, the related cards
    // (7), and the most-read box: the last day's ranking, then (this site's reads are not
    // written yet) the month's, then the stored counts (3; a site whose day of reads fills the
    // box runs the ranking and one lookup of cards).
    withinBudget('article (after a change)', await queriesAfterChange(paths.article), 10);
    // Each with the most-read box's 3 as above.
    withinBudget('home (after a change)', await queriesAfterChange(paths.home), 8);
    withinBudget('section (after a change)', await queriesAfterChange(paths.section), 7);
  });
});
