// Keeps the search index in step with the articles: one row per published article (scheduled
// ones included; the query hides them until their minute), nothing for drafts or archived ones.
import type { Kysely } from 'kysely';
import { inTransaction } from '../core/db/transaction.ts';
import type { Database } from '../core/db/schema.ts';
import { searchEngineOf, type SearchDocument } from './engine.ts';
import { bodyText, segmentText } from './text.ts';

type Db = Kysely<Database>;

// Stories are far shorter; the cap keeps one PostgreSQL tsvector well under its 1 MB limit.
const MAX_BODY_CHARS = 100_000;
const BATCH = 200;

interface IndexRow {
  id: number;
  title: string;
  summary: string;
  body_html: string;
  dateline: string;
  source: string;
  byline: string | null;
  author_name: string | null;
}

function selectIndexRows(db: Db) {
  return db
    .selectFrom('articles')
    .leftJoin('users', 'users.id', 'articles.author_id')
    .select([
      'articles.id',
      'articles.title',
      'articles.summary',
      'articles.body_html',
      'articles.dateline',
      'articles.source',
      'articles.byline',
      'users.display_name as author_name',
    ])
    .where('articles.status', '=', 'published');
}

function toDocument(row: IndexRow, tags: readonly string[]): SearchDocument {
  const meta = [row.dateline, row.source, row.byline ?? '', row.author_name ?? '', ...tags].join(' \n ');
  return {
    articleId: row.id,
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
  return inTransaction(db, async (trx) => {
    const row = await selectIndexRows(trx).where('articles.id', '=', articleId).executeTakeFirst();
    const engine = searchEngineOf(trx);
    if (!row) {
      await engine.remove(trx, articleId);
      return false;
    }
    const tags = await tagNames(trx, [row.id]);
    await engine.upsert(trx, toDocument(row, tags.get(row.id) ?? []));
    return true;
  });
}

/** Removes an article from the index (after a delete). */
export async function removeArticle(db: Db, articleId: number): Promise<void> {
  await searchEngineOf(db).remove(db, articleId);
}

/** Rebuilds the whole index from the articles, in one transaction; returns how many were indexed. */
export async function reindexAll(db: Db): Promise<number> {
  return inTransaction(db, async (trx) => {
    const engine = searchEngineOf(trx);
    await engine.clear(trx);
    let count = 0;
    for (let lastId = 0; ;) {
      const rows = await selectIndexRows(trx)
        .where('articles.id', '>', lastId)
        .orderBy('articles.id')
        .limit(BATCH)
        .execute();
      if (rows.length === 0) break;
      const tags = await tagNames(
        trx,
        rows.map((r) => r.id),
      );
      for (const row of rows) await engine.upsert(trx, toDocument(row, tags.get(row.id) ?? []));
      count += rows.length;
      lastId = rows[rows.length - 1]!.id;
    }
    return count;
  });
}
