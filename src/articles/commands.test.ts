// Article commands: validation, transactions, and a search index that follows every change.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../core/http/errors.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeAuthor, makeCategory } from '../../test/helpers/factories.ts';
import {
  ArticleInputError,
  createArticle,
  deleteArticle,
  setArticleStatus,
  updateArticle,
  type CreateArticleInput,
} from './commands.ts';

let t: TestApp;
let categoryId: number;
before(async () => {
  t = await createTestApp();
  categoryId = (await makeCategory(t.db, { name: 'Nation' })).id;
});
after(() => t.close());

const now = () => new Date(Date.now() - 60_000);
/** The test app's write context, a minute in the past (so published stories are visible). */
const w = () => ({ ...t.app.ctx.writer, now });
/** Titles the search page finds for a word. */
async function found(q: string): Promise<string[]> {
  const res = await t.app.inject({ method: 'GET', url: '/en/search', query: { q } });
  assert.equal(res.statusCode, 200);
  return [...res.body.matchAll(/<h3 class="search-result__title"><a [^>]*>([\s\S]*?)<\/a>/g)].map((m) =>
    m[1]!.replace(/<\/?mark>/g, ''),
  );
}
async function indexRows(articleId: number): Promise<number> {
  const rows = await t.db
    .selectFrom('article_search')
    .select('article_id')
    .where('article_id', '=', articleId)
    .execute();
  return rows.length;
}
const story = (values: Partial<CreateArticleInput> = {}): CreateArticleInput => ({
  edition: 'en',
  categoryId,
  title: 'Volcano observatory raises alert',
  status: 'published',
  ...values,
});

describe('article commands and the search index', () => {
  it('indexes a published article on create, with its tags and author', async () => {
    const author = await makeAuthor(t.db, { name: 'Sekar Ayuningtyas' });
    const row = await createArticle(
      w(),
      story({ title: 'Caldera monitoring expands', authorId: author.id, tags: ['Geology', 'geology', 'Volcanoes'] }),
    );
    assert.equal(row.status, 'published');
    assert.ok(row.published_at, 'publishing without a time publishes now');
    assert.equal(await indexRows(row.id), 1);
    assert.deepEqual(await found('caldera'), ['Caldera monitoring expands']);
    assert.deepEqual(await found('ayuningtyas'), ['Caldera monitoring expands']);
    assert.deepEqual(await found('volcanoes geology'), ['Caldera monitoring expands']);
    const tags = await t.db.selectFrom('article_tags').select('tag_id').where('article_id', '=', row.id).execute();
    assert.equal(tags.length, 2, 'tags with the same slug are one tag');
  });

  it('keeps a draft out of the index', async () => {
    const row = await createArticle(w(), story({ title: 'Tsunamimeter draft', status: undefined }));
    assert.equal(row.status, 'draft');
    assert.equal(row.published_at, null);
    assert.equal(await indexRows(row.id), 0);
    assert.deepEqual(await found('tsunamimeter'), []);
  });

  it('reindexes on update: the old words go, the new ones come', async () => {
    const row = await createArticle(w(), story({ title: 'Stratovolcano quiet', tags: ['Merapi'] }));
    await updateArticle(w(), row.id, {
      title: 'Lahar warning issued',
      bodyHtml: '<p>Rain brings lahar risk.<script>alert(1)</script></p>',
      tags: [],
    });
    assert.deepEqual(await found('stratovolcano'), []);
    assert.deepEqual(await found('merapi'), []);
    assert.deepEqual(await found('lahar'), ['Lahar warning issued']);
    const saved = await t.db
      .selectFrom('articles')
      .select('body_html')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.equal(saved.body_html, '<p>Rain brings lahar risk.</p>', 'the body is sanitised on save');
  });

  it('removes an unpublished article and adds it back when republished, keeping its time', async () => {
    const row = await createArticle(w(), story({ title: 'Seismograph network upgraded' }));
    await setArticleStatus(w(), row.id, 'draft');
    assert.equal(await indexRows(row.id), 0);
    assert.deepEqual(await found('seismograph'), []);
    const again = await setArticleStatus(w(), row.id, 'published');
    assert.equal(String(again.published_at), String(row.published_at));
    assert.deepEqual(await found('seismograph'), ['Seismograph network upgraded']);
    await setArticleStatus(w(), row.id, 'archived');
    assert.deepEqual(await found('seismograph'), []);
  });

  it('schedules an article: indexed at once, found from its minute on', async () => {
    const at = new Date(Date.now() + 30 * 60_000);
    const row = await createArticle(w(), story({ title: 'Fumarole survey results', status: 'draft' }));
    await setArticleStatus(w(), row.id, 'published', at);
    assert.equal(await indexRows(row.id), 1);
    try {
      assert.deepEqual(await found('fumarole'), []);
      t.setNow(at);
      assert.deepEqual(await found('fumarole'), ['Fumarole survey results']);
    } finally {
      t.setNow(new Date());
    }
  });

  it('removes a deleted article from the index', async () => {
    const row = await createArticle(w(), story({ title: 'Pyroclastic flow mapped', tags: ['Hazards'] }));
    await deleteArticle(w(), row.id);
    assert.equal(await indexRows(row.id), 0);
    assert.deepEqual(await found('pyroclastic'), []);
    const left = await t.db.selectFrom('articles').select('id').where('id', '=', row.id).executeTakeFirst();
    assert.equal(left, undefined);
  });

  it('rejects bad input with every problem listed, and writes nothing', async () => {
    const other = await makeCategory(t.db, { edition: 'id', name: 'Nasional' });
    const before = await t.db.selectFrom('articles').select('id').execute();
    await assert.rejects(
      createArticle(w(), { edition: 'en', categoryId, title: '  ', status: 'live' as never, extra: 1 } as never),
      (error: unknown) => {
        assert.ok(error instanceof ArticleInputError);
        assert.equal(error.status, 400);
        assert.match(error.message, /title: is required/);
        assert.match(error.message, /status: must be one of draft, review, published, archived/);
        assert.match(error.message, /extra/);
        return true;
      },
    );
    await assert.rejects(createArticle(w(), story({ categoryId: other.id })), /is not a section of "en"/);
    await assert.rejects(createArticle(w(), story({ authorId: 999_999 })), /authorId 999999 does not exist/);
    await assert.rejects(createArticle(w(), story({ edition: 'xx' })), /edition "xx" does not exist/);
    await assert.rejects(
      createArticle(w(), story({ categoryId: 999_998, authorId: 999_999, featuredMediaId: 999_997 })),
      (error: unknown) => {
        assert.ok(error instanceof ArticleInputError);
        assert.deepEqual(error.problems, [
          'categoryId 999998 does not exist',
          'authorId 999999 does not exist',
          'featuredMediaId 999997 does not exist',
        ]);
        return true;
      },
    );
    const row = await createArticle(w(), story({ title: 'Crater lake sampled' }));
    await assert.rejects(updateArticle(w(), row.id, { categoryId: other.id }), /is not a section of "en"/);
    await assert.rejects(updateArticle(w(), row.id, { authorId: 999_999 }), /authorId 999999 does not exist/);
    const after = await t.db.selectFrom('articles').select('id').execute();
    assert.equal(after.length, before.length + 1);
  });

  it('reuses the edition’s tags and creates the missing ones in the order named', async () => {
    const first = await createArticle(w(), story({ title: 'Ash cloud tracked', tags: ['Aviation', 'Ash'] }));
    const second = await createArticle(
      w(),
      story({ title: 'Ash reaches airport', tags: ['Airports', 'ash', 'Aviation', 'Runways'] }),
    );
    const tagsOf = (articleId: number) =>
      t.db
        .selectFrom('article_tags')
        .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
        .select(['tags.id', 'tags.slug'])
        .where('article_tags.article_id', '=', articleId)
        .orderBy('tags.id')
        .execute();
    const [aviation, ash] = await tagsOf(first.id);
    assert.deepEqual(
      (await tagsOf(second.id)).map((tag) => tag.slug),
      ['aviation', 'ash', 'airports', 'runways'],
    );
    const created = (await tagsOf(second.id)).slice(2);
    assert.ok(created[0]!.id > ash!.id && created[1]!.id > created[0]!.id, 'new tags in the order named');
    assert.equal((await tagsOf(second.id))[0]!.id, aviation!.id);
    await updateArticle(w(), second.id, { tags: ['Runways'] });
    assert.deepEqual(
      (await tagsOf(second.id)).map((tag) => tag.slug),
      ['runways'],
    );
  });

  it('answers 404 for an article that does not exist', async () => {
    for (const run of [
      () => updateArticle(w(), 999_999, { title: 'x' }),
      () => setArticleStatus(w(), 999_999, 'draft'),
      () => deleteArticle(w(), 999_999),
    ]) {
      await assert.rejects(run(), (error: unknown) => error instanceof AppError && error.code === 'article_not_found');
    }
  });

  it('rolls the article back when the write fails inside its transaction', async () => {
    const count = async () => (await t.db.selectFrom('articles').select('id').execute()).length;
    const before = await count();
    // A tag name of 101 characters is valid for no one: validation stops it before any write.
    await assert.rejects(createArticle(w(), story({ tags: ['x'.repeat(101)] })), ArticleInputError);
    // A failure after the insert (here: the caller's own) undoes the insert and its event.
    const events = async () => (await t.db.selectFrom('outbox_events').select('id').execute()).length;
    const eventsBefore = await events();
    await assert.rejects(
      t.db.transaction().execute(async (trx) => {
        await createArticle({ ...w(), db: trx }, story({ title: 'Ashfall advisory' }));
        throw new Error('boom');
      }),
      /boom/,
    );
    await t.app.ctx.events.deliver();
    assert.equal(await count(), before);
    assert.equal(await events(), eventsBefore, 'no event of a rolled-back change is left');
    assert.deepEqual(await found('ashfall'), []);
  });
});
