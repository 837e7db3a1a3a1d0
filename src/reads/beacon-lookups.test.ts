// What the beacon asks the database (SQLite and PostgreSQL): nothing per request for an article
// it has just looked up, yet a story taken off the site stops counting at once, and the count it
// answers never drops back when a batch of reads is stored.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { setArticleStatus } from '../articles/index.ts';
import { toDbTime } from '../core/db/dialect.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle } from '../../test/helpers/factories.ts';

const browser = (n: number) => `Mozilla/5.0 (X11; Linux x86_64; rv:${100 + n}.0) Gecko/20100101 Firefox/${100 + n}.0`;

let t: TestApp;
before(async () => {
  // Only explicit flushes write; every reader comes from 127.0.0.1, so the address cap is lifted.
  t = await createTestApp({ WARTA_READS_FLUSH_INTERVAL_MS: '600000', WARTA_READS_PER_ADDRESS: '1000000' });
});
after(() => t.close());
// A clock that stands still: "a moment" (the lookup's lifetime) lasts the whole test.
beforeEach(() => t.setNow(new Date()));

const beacon = (id: number, reader: number) =>
  t.app.inject({ method: 'POST', url: `/api/reads/${id}`, headers: { 'user-agent': browser(reader) } });

/** Runs `work` and returns the beacon's article lookups it made (other parts of the app query too). */
async function articleQueriesOf(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const stop = t.testDb.onQuery((sql) => {
    if (/^select "id", "edition", "hit_count", "status", "published_at" from "articles"/.test(sql)) seen.push(sql);
  });
  try {
    await work();
  } finally {
    stop();
  }
  return seen;
}

describe('the beacon’s article lookups', () => {
  it('count many reads of an article with one lookup, not one per request', async () => {
    const a = await makeArticle(t.db);
    const queries = await articleQueriesOf(async () => {
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => beacon(a.id, i)));
      assert.ok(answers.every((r) => r.statusCode === 200 && r.json().counted === true));
      const later = await beacon(a.id, 30);
      assert.equal(later.json().count, 31);
    });
    assert.equal(queries.length, 1, queries.join('\n'));
  });

  it('stop counting an article as soon as it is taken off the site', async () => {
    const a = await makeArticle(t.db);
    assert.equal((await beacon(a.id, 1)).statusCode, 200);
    await setArticleStatus(t.app.ctx.writer, a.id, 'draft');
    const after = await beacon(a.id, 2);
    assert.equal(after.statusCode, 404);
    await setArticleStatus(t.app.ctx.writer, a.id, 'published');
    assert.equal((await beacon(a.id, 3)).statusCode, 200);
  });

  it('count a scheduled story from its second on, with the lookup made before it', async () => {
    const at = new Date(Date.now() + 60_000);
    const a = await makeArticle(t.db, { published_at: toDbTime(at) });
    const queries = await articleQueriesOf(async () => {
      t.setNow(new Date(at.getTime() - 1));
      assert.equal((await beacon(a.id, 1)).statusCode, 404, 'not yet on the site');
      t.setNow(at);
      const first = await beacon(a.id, 2);
      assert.equal(first.statusCode, 200);
      assert.equal(first.json().counted, true);
    });
    assert.equal(queries.length, 1, 'the lookup before its time serves after it');
    await t.app.readCounter.flush();
    const stored = await t.db
      .selectFrom('articles')
      .select('hit_count')
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(stored.hit_count), 1, 'only the read from its second on');
  });

  it('answer a count that never drops back when the pending reads are stored', async () => {
    const a = await makeArticle(t.db, { hit_count: 100 });
    assert.equal((await beacon(a.id, 1)).json().count, 101);
    assert.equal((await beacon(a.id, 2)).json().count, 102);
    await t.app.readCounter.flush();
    assert.equal((await beacon(a.id, 3)).json().count, 103, 'the stored reads and the pending one');
  });
});
