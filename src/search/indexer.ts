// Keeps the search index in step with the articles: one row per published article (scheduled
// ones included; the query hides them until their minute), nothing for drafts or archived ones.
// The same writes on both engines: SQLite's FTS5 index follows the table by triggers,
// PostgreSQL's tsvectors are generated columns (see 0009).
import type { Insertable, Kysely } from 'kysely';
import { toDbTime } from '../core/db/dialect.ts';
import { inTransaction } from '../core/db/transaction.ts';
import type { ArticleSearchTable, Database } from '../core/db/schema.ts';
import { compactIndex } from './engine.ts';
import { bodyText, segmentText } from './text.ts';

type Db = Kysely<Database>;

// Stories are far shorter; the cap keeps one PostgreSQL tsvector well under its 1 MB limit.
const MAX_BODY_CHARS = 100_000;
const BATCH = 200;
/** Rows per insert: 8 values each, far below SQLite's 32,766 and PostgreSQL's 65,535 bound values. */
const UPSERT_ROWS = 50;

/** One article as the index stores it: every text field already segmented into space-separated words. */
type SearchDocument = Insertable<ArticleSearchTable>;

interface IndexRow {
  id: number;
  edition: string;
  category_id: number;
  published_at: Date | string;
  title: string;
  summary: string;
  body_html: string;
  dateline: string;
  source: string;
  byline: string | null;
  author_name: string | null;
}

/**
 * Articles with what their index rows are made of, found by id alone: with "published" in the
 * WHERE clause, SQLite chose the status index and read every published article to find a few
 * (10 ms for 50 of 100,000), so whether each is published is decided here (isIndexed).
 */
function selectArticles(db: Db) {
  return db
    .selectFrom('articles')
    .leftJoin('users', 'users.id', 'articles.author_id')
    .select([
      'articles.id',
      'articles.status',
      'articles.edition',
      'articles.category_id',
      'articles.published_at',
      'articles.title',
      'articles.summary',
      'articles.body_html',
      'articles.dateline',
      'articles.source',
      'articles.byline',
      'users.display_name as author_name',
    ]);
}

/** Whether an article has an index row: published, with a time (scheduled ones too). */
function isIndexed<R extends { status: string; published_at: Date | string | null }>(
  row: R,
): row is R & { published_at: Date | string } {
  return row.status === 'published' && row.published_at !== null;
}

function toDocument(row: IndexRow, tags: readonly string[]): SearchDocument {
  const meta = [row.dateline, row.source, row.byline ?? '', row.author_name ?? '', ...tags].join(' \n ');
  return {
    article_id: row.id,
    edition: row.edition,
    category_id: row.category_id,
    published_at: typeof row.published_at === 'string' ? row.published_at : toDbTime(row.published_at),
    title: segmentText(row.title),
    summary: segmentText(row.summary),
    body: segmentText(bodyText(row.body_html).slice(0, MAX_BODY_CHARS)),
    meta: segmentText(meta),
  };
}

async function tagNames(db: Db, articleIds: readonly number[]): Promise<Map<number, string[]>> {
  const byArticle = new Map<number, string[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['article_tags.article_id', 'tags.name'])
    .where('article_tags.article_id', 'in', articleIds)
    .execute();
  for (const r of rows) byArticle.set(r.article_id, [...(byArticle.get(r.article_id) ?? []), r.name]);
  return byArticle;
}

/** Reads an article with its tags and author and writes its index row, or removes it when unpublished or gone. */
export async function indexArticle(db: Db, articleId: number): Promise<boolean> {
  return (await indexArticles(db, [articleId])) === 1;
}

/**
 * indexArticle for many articles, BATCH at a time in a few statements each; returns how many
 * have an index row now.
 */
export async function indexArticles(db: Db, articleIds: readonly number[]): Promise<number> {
  if (articleIds.length === 0) return 0;
  return inTransaction(db, async (trx) => {
    let indexed = 0;
    for (let i = 0; i < articleIds.length; i += BATCH) {
      const ids = articleIds.slice(i, i + BATCH);
      const rows = (await selectArticles(trx).where('articles.id', 'in', ids).execute()).filter(isIndexed);
      const found = new Set(rows.map((r) => r.id));
      const gone = ids.filter((id) => !found.has(id));
      if (gone.length > 0) await trx.deleteFrom('article_search').where('article_id', 'in', gone).execute();
      await writeDocuments(trx, rows);
      indexed += rows.length;
    }
    return indexed;
  });
}

/** Removes an article from the index (after a delete). */
export async function removeArticle(db: Db, articleId: number): Promise<void> {
  await db.deleteFrom('article_search').where('article_id', '=', articleId).execute();
}

/** Writes the rows of these articles (with their tags), replacing the ones they had. */
async function writeDocuments(db: Db, rows: readonly IndexRow[]): Promise<void> {
  if (rows.length === 0) return;
  const tags = await tagNames(
    db,
    rows.map((r) => r.id),
  );
  const docs = rows.map((row) => toDocument(row, tags.get(row.id) ?? []));
  // One statement per group keeps the bound values well under either engine's limit.
  for (let i = 0; i < docs.length; i += UPSERT_ROWS) {
    await db
      .insertInto('article_search')
      .values(docs.slice(i, i + UPSERT_ROWS))
      .onConflict((oc) =>
        oc.column('article_id').doUpdateSet((eb) => ({
          edition: eb.ref('excluded.edition'),
          category_id: eb.ref('excluded.category_id'),
          published_at: eb.ref('excluded.published_at'),
          title: eb.ref('excluded.title'),
          summary: eb.ref('excluded.summary'),
          body: eb.ref('excluded.body'),
          meta: eb.ref('excluded.meta'),
        })),
      )
      .execute();
  }
}

/** Rebuilds the whole index from the articles, in one transaction; returns how many were indexed. */
export async function reindexAll(db: Db): Promise<number> {
  return inTransaction(db, async (trx) => {
    await trx.deleteFrom('article_search').execute();
    let count = 0;
    for (let lastId = 0; ;) {
      const batch = await selectArticles(trx)
        .where('articles.id', '>', lastId)
        .orderBy('articles.id')
        .limit(BATCH)
        .execute();
      if (batch.length === 0) break;
      const rows = batch.filter(isIndexed);
      await writeDocuments(trx, rows);
      count += rows.length;
      lastId = batch[batch.length - 1]!.id;
    }
    await compactIndex(trx);
    return count;
  });
}
