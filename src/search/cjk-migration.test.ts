// Migration 0025 on an index written by the old word rules: the stories whose rows hold CJK text
// or ß, œ, æ are indexed again (and found by the new queries); the others are left as they are.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle } from '../../test/helpers/factories.ts';
import { up } from '../../migrations/0025-search-cjk-characters.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const titles = async (edition: string, q: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/${edition}/search`, query: { q } });
  return [...res.body.matchAll(/<h3 class="search-result__title"><a [^>]*>([\s\S]*?)<\/a>/g)].map((m) =>
    m[1]!.replace(/<\/?mark>/g, ''),
  );
};

describe('migration 0025: CJK characters and two-letter folds', () => {
  it('indexes again the rows the old rules wrote for CJK text and ß, and only those', async () => {
    const chinese = await makeArticle(t.db, { edition: 'zh', title: '香港口岸恢复通关', body_html: '' });
    const german = await makeArticle(t.db, { edition: 'de', title: 'Straße gesperrt', body_html: '' });
    const english = await makeArticle(t.db, { title: 'Ferry resumes', body_html: '' });
    // What the old rules stored: the segmenter's words, ß as it is.
    const old = { zh: '香港 口岸 恢复 通关', de: 'straße gesperrt', en: 'ferry resumes' };
    await t.db.updateTable('article_search').set({ title: old.zh }).where('article_id', '=', chinese.id).execute();
    await t.db.updateTable('article_search').set({ title: old.de }).where('article_id', '=', german.id).execute();
    await t.db.updateTable('article_search').set({ title: 'ferry' }).where('article_id', '=', english.id).execute();

    await up(t.db);

    const row = (id: number) =>
      t.db.selectFrom('article_search').select('title').where('article_id', '=', id).executeTakeFirstOrThrow();
    assert.match((await row(chinese.id)).title, /(^| )港口( |$)/);
    assert.equal((await row(german.id)).title, 'strasse gesperrt');
    // Untouched: its row holds neither.
    assert.equal((await row(english.id)).title, 'ferry');
    assert.deepEqual(await titles('zh', '港口'), ['香港口岸恢复通关']);
    assert.deepEqual(await titles('de', 'Strasse'), ['Straße gesperrt']);
  });
});
