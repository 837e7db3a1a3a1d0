// The most-read box is kept in memory between changes: it follows this process's written reads
// at once, drops a story unpublished since, and ranks by the daily totals as before.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setArticleStatus } from '../articles/index.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle } from '../../test/helpers/factories.ts';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

let t: TestApp;
before(async () => {
  t = await createTestApp({ WARTA_PAGE_CACHE_SECONDS: '0' });
});
after(() => t.close());

/** The titles in the home page's most-read box, in order. */
async function box(): Promise<string[]> {
  const res = await t.app.inject({ url: '/en' });
  assert.equal(res.statusCode, 200);
  const html = /<section class="box most-read"[\s\S]*?<\/section>/.exec(res.body)?.[0] ?? '';
  return [...html.matchAll(/<a href="\/en\/news\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!);
}

async function read(articleId: number, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/reads/${articleId}`,
      headers: { 'user-agent': FIREFOX, 'x-forwarded-for': `192.0.2.${i + 1}` },
    });
    assert.equal(res.statusCode, 200, res.body);
  }
}

describe('the most-read box between changes', () => {
  it('shows reads once they are written, in order, and drops a story unpublished since', async () => {
    const calm = await makeArticle(t.db, { title: 'Calm story' });
    const busy = await makeArticle(t.db, { title: 'Busy story' });
    assert.deepEqual(await box(), []);
    await read(calm.id, 1);
    await read(busy.id, 3);
    // Counted but not written yet: the box still shows what the database holds.
    assert.deepEqual(await box(), []);
    await t.app.readCounter.flush();
    assert.deepEqual(await box(), ['Busy story', 'Calm story']);
    await setArticleStatus(t.app.ctx.writer, busy.id, 'draft');
    await new Promise((resolve) => setTimeout(resolve, 50)); // the event reaches the listeners
    assert.deepEqual(await box(), ['Calm story']);
  });
});
