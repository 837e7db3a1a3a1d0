// The newsroom list's search of titles and slugs (title-search.ts) on both engines: a substring
// anywhere in any case, % and _ taken literally, every status, the list's other filters and key
// pages on each way the matches are read, the index following edits and deletes, the bounded
// look of one or two characters, and migration 0018 on a database that already has articles.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { seedBase } from '../../../seed/editions.ts';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../../../test/helpers/database.ts';
import { createEmptyDatabase, type EmptyDatabase } from '../../../test/helpers/empty-database.ts';
import { makeArticle, makeAuthor, makeCategory } from '../../../test/helpers/factories.ts';
import { writerFor } from '../../../test/helpers/writer.ts';
import { toDbTime } from '../../core/db/dialect.ts';
import { migrateToLatest } from '../../core/db/migrate.ts';
import type { CategoryRow, Database, NewArticle } from '../../core/db/schema.ts';
import { deleteArticle, setArticleStatus, updateArticle } from '../commands.ts';
import { listArticles, PAGE_SIZE, type ListFilters } from './queries.ts';
import { MATCHES_READ, SHORT_QUERY_WINDOW } from './title-search.ts';

const EDITIONS = ['en', 'id'];

/** Every article the list shows for `filters`, page after page by key, in order. */
async function allPages(db: Kysely<Database>, filters: Omit<ListFilters, 'editions'>): Promise<number[]> {
  const ids: number[] = [];
  let after: ListFilters['after'];
  for (let page = 0; page < 500; page++) {
    const { rows, more } = await listArticles(db, { editions: EDITIONS, ...filters, after }, new Date());
    ids.push(...rows.map((r) => r.id));
    if (!more) return ids;
    assert.equal(rows.length, PAGE_SIZE);
    const last = rows.at(-1)!;
    after = { updatedAt: last.updatedAtText, id: last.id };
  }
  throw new Error('the list never ended');
}

describe('title search', () => {
  let t: TestDatabase;
  let db: Kysely<Database>;
  const found = (q: string, filters: Omit<ListFilters, 'editions' | 'q'> = {}) => allPages(db, { ...filters, q });

  before(async () => {
    t = await createTestDatabase();
    db = t.db.kysely;
    await seedBase(writerFor(db));
  });
  after(() => t.cleanup());

  test('finds text inside a word or across words, in any case, in the title or the slug', async () => {
    const title = await makeArticle(db, { title: 'Fishermen return to the harbour' });
    const slug = await makeArticle(db, { title: 'Nelayan pulang', slug: 'fishing-fleet-returns' });
    assert.deepEqual(await found('HERMEN'), [title.id]);
    assert.deepEqual(await found('men ReTurn'), [title.id]);
    assert.deepEqual(await found('fleet-ret'), [slug.id]);
    assert.deepEqual(await found('fish'), [slug.id, title.id], 'newest change first');
    assert.deepEqual(await found('fishermen returns'), []);
  });

  test('takes % and _ and \\ as themselves', async () => {
    const percent = await makeArticle(db, { title: 'Rents rise 50% in Qorvath' });
    await makeArticle(db, { title: 'Rents rise 500 in Qorvath' });
    const underscore = await makeArticle(db, { title: 'Qorvath adopts snake_case names' });
    await makeArticle(db, { title: 'Qorvath adopts snakeXcase names' });
    const backslash = await makeArticle(db, { title: 'Qorvath moves C:\\temp away' });
    assert.deepEqual(await found('50%'), [percent.id]);
    assert.deepEqual(await found('e_c'), [underscore.id]);
    assert.deepEqual(await found(':\\te'), [backslash.id]);
    // Too short for the index: looked for among the newest articles, still literally.
    assert.deepEqual(await found('0%'), [percent.id]);
    assert.deepEqual(await found('_'), [underscore.id]);
  });

  test('finds drafts, articles in review and unpublished ones', async () => {
    const draft = await makeArticle(db, { title: 'Draft about Vellmoor', status: 'draft' });
    const review = await makeArticle(db, { title: 'Review about Vellmoor', status: 'review' });
    const archived = await makeArticle(db, { title: 'Archived about Vellmoor' });
    await setArticleStatus(writerFor(db), archived.id, 'archived');
    assert.deepEqual(await found('vellmoor'), [archived.id, review.id, draft.id]);
    assert.deepEqual(await found('vellmoor', { status: 'draft' }), [draft.id]);
  });

  test('keeps to the status, edition, section and owner asked for', async () => {
    const section = await makeCategory(db, { edition: 'en' });
    const owner = await makeAuthor(db);
    const inSection = await makeArticle(db, { title: 'Brannock ferry in section', category_id: section.id });
    const owned = await makeArticle(db, { title: 'Brannock ferry owned', status: 'draft' });
    await db.updateTable('articles').set({ created_by: owner.id }).where('id', '=', owned.id).execute();
    const indonesian = await makeArticle(db, { edition: 'id', title: 'Feri Brannock berlayar' });
    const scheduled = await makeArticle(db, {
      title: 'Brannock ferry timetable',
      published_at: new Date(Date.now() + 86_400_000).toISOString(),
    });
    assert.deepEqual(await found('brannock'), [scheduled.id, indonesian.id, owned.id, inSection.id]);
    assert.deepEqual(await found('brannock', { categoryId: section.id }), [inSection.id]);
    assert.deepEqual(await found('brannock', { ownerId: owner.id }), [owned.id]);
    assert.deepEqual(await found('brannock', { status: 'draft' }), [owned.id]);
    assert.deepEqual(await found('brannock', { status: 'scheduled' }), [scheduled.id]);
    assert.deepEqual(await allPages(db, { q: 'brannock', status: 'published' }), [
      scheduled.id,
      indonesian.id,
      inSection.id,
    ]);
    const { rows } = await listArticles(db, { editions: ['id'], q: 'brannock' }, new Date());
    assert.deepEqual(
      rows.map((r) => r.id),
      [indonesian.id],
    );
  });

  test('follows edits of the title and slug, and deletes', async () => {
    const w = writerFor(db);
    const story = await makeArticle(db, { title: 'Old Quillon headline', status: 'draft' });
    await updateArticle(w, story.id, { title: 'New Zarvane headline' });
    assert.deepEqual(await found('old quillon'), [], 'the old title is gone');
    assert.deepEqual(await found('zarvane'), [story.id]);
    assert.deepEqual(await found('old-quillon'), [story.id], 'the slug is kept');
    await updateArticle(w, story.id, { slug: 'moved-to-pellith' });
    assert.deepEqual(await found('pellith'), [story.id]);
    assert.deepEqual(await found('quillon'), [], 'the old slug is gone');
    await setArticleStatus(w, story.id, 'review');
    assert.deepEqual(await found('zarvane'), [story.id], 'a save that keeps the title keeps it found');
    await deleteArticle(w, story.id);
    assert.deepEqual(await found('zarvane'), []);
    assert.deepEqual(await found('pellith'), []);
  });

  describe('in a large section', () => {
    let section: CategoryRow;
    let oldTarget: number;
    /** The section's articles whose titles contain `text`, in the list's order (read without the search). */
    const expected = async (text: string) =>
      (
        await db
          .selectFrom('articles')
          .select(['id', 'title'])
          .where('category_id', '=', section.id)
          .orderBy('updated_at', 'desc')
          .orderBy('id', 'desc')
          .execute()
      )
        .filter((r) => r.title.toLowerCase().includes(text))
        .map((r) => r.id);

    before(async () => {
      section = await makeCategory(db, { edition: 'en' });
      oldTarget = (
        await makeArticle(db, {
          title: 'Window target jqx',
          category_id: section.id,
          updated_at: new Date(Date.now() - 30 * 86_400_000).toISOString(),
        })
      ).id;
      // Volume written straight into the table (a command each would take minutes), more than
      // the short queries' window: newer than the target, two to a second so that ties go by id.
      // 100 more than SQLite reads before drawing the list hold "qvq", one in 25 "wvw" (fewer
      // than it reads), the newest "jq".
      const newest = Date.now() - 86_400_000;
      const rows: NewArticle[] = [];
      for (let i = 0; i < Math.max(SHORT_QUERY_WINDOW, MATCHES_READ) + 100; i++) {
        const at = toDbTime(new Date(newest - Math.floor(i / 2) * 1000));
        const words = [i < MATCHES_READ + 100 ? 'QVQ' : '', i % 25 === 7 ? 'wvw' : '', i === 0 ? 'jq' : ''];
        rows.push({
          edition: 'en',
          translation_group: randomUUID(),
          category_id: section.id,
          title: `Bulk story ${i} ${words.join(' ')}`.trim(),
          slug: `bulk-story-${i}`,
          summary: '',
          body_html: '',
          dateline: '',
          source: '',
          image_caption: '',
          image_credit: '',
          image_alt: '',
          status: i % 3 === 0 ? 'published' : 'draft',
          is_featured: 0,
          published_at: i % 3 === 0 ? at : null,
          created_at: at,
          updated_at: at,
        });
      }
      for (let i = 0; i < rows.length; i += 500)
        await db
          .insertInto('articles')
          .values(rows.slice(i, i + 500))
          .execute();
    });

    test('pages by key through many matches in the list order', async () => {
      const all = await expected('qvq');
      assert.ok(all.length > MATCHES_READ);
      assert.deepEqual(await found('qvq', { categoryId: section.id }), all);
      assert.deepEqual(await found('qvq'), all, 'with no filter but the editions');
      const drafts = await db.selectFrom('articles').select('id').where('status', '=', 'draft').execute();
      const isDraft = new Set(drafts.map((r) => r.id));
      assert.deepEqual(
        await found('qvq', { status: 'draft' }),
        all.filter((id) => isDraft.has(id)),
      );
    });

    test('pages by key through a few matches in the list order', async () => {
      const all = await expected('wvw');
      assert.ok(all.length > PAGE_SIZE * 2 && all.length < MATCHES_READ);
      assert.deepEqual(await found('wvw'), all);
      const published = await db.selectFrom('articles').select('id').where('status', '=', 'published').execute();
      const isPublished = new Set(published.map((r) => r.id));
      assert.deepEqual(
        await found('WVW', { categoryId: section.id, status: 'published' }),
        all.filter((id) => isPublished.has(id)),
      );
    });

    test('looks for one or two characters among the newest articles of the list only', async () => {
      assert.deepEqual(await found('jqx'), [oldTarget], 'three characters: the whole archive');
      const newestJq = (await expected('jq'))[0]!;
      assert.notEqual(newestJq, oldTarget);
      assert.deepEqual(await found('jq', { categoryId: section.id }), [newestJq]);
      assert.deepEqual(await found('jq'), [newestJq]);
    });
  });
});

describe('migration 0018 on a database with articles', () => {
  const MIGRATIONS = fileURLToPath(new URL('../../../migrations', import.meta.url));
  const STEP = '0018-newsroom-title-search.ts';
  const linksDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-migrations-'));
  let t: EmptyDatabase;
  let db: Kysely<Database>;
  let draft: number;
  let published: number;

  before(async () => {
    t = await createEmptyDatabase();
    db = t.db.kysely;
    for (const file of fs.readdirSync(MIGRATIONS)) {
      if (file < STEP) fs.symlinkSync(path.join(MIGRATIONS, file), path.join(linksDir, file));
    }
    await migrateToLatest(db, { folder: linksDir });
    await seedBase(writerFor(db));
    draft = (await makeArticle(db, { title: 'Harbour dredging plan', status: 'draft' })).id;
    published = (await makeArticle(db, { edition: 'id', title: 'Pelabuhan dibuka', slug: 'port-reopens' })).id;
    fs.symlinkSync(path.join(MIGRATIONS, STEP), path.join(linksDir, STEP));
    assert.deepEqual(await migrateToLatest(db, { folder: linksDir }), [STEP.replace(/\.ts$/, '')]);
  });
  after(async () => {
    await t.cleanup();
    fs.rmSync(linksDir, { recursive: true, force: true });
  });

  test('indexes the articles written before it', async () => {
    assert.deepEqual(await allPages(db, { q: 'DREDG' }), [draft]);
    assert.deepEqual(await allPages(db, { q: 't-reo' }), [published]);
    if (TEST_ENGINE === 'postgres') {
      const { rows } = await sql<{ indexname: string }>`select indexname from pg_indexes
        where schemaname = current_schema() and indexname like 'articles_%_trigrams' order by indexname`.execute(db);
      assert.deepEqual(
        rows.map((r) => r.indexname),
        ['articles_slug_trigrams', 'articles_title_trigrams'],
      );
    }
  });

  test('follows articles written, edited and deleted after it', async () => {
    const later = await makeArticle(db, { title: 'Dredging starts at dawn' });
    assert.deepEqual(await allPages(db, { q: 'dredging' }), [later.id, draft]);
    await updateArticle(writerFor(db), draft, { title: 'Harbour plan shelved' });
    await deleteArticle(writerFor(db), later.id);
    assert.deepEqual(await allPages(db, { q: 'dredging plan' }), []);
    assert.deepEqual(await allPages(db, { q: 'shelved' }), [draft]);
    assert.deepEqual(await allPages(db, { q: 'at dawn' }), []);
  });
});
