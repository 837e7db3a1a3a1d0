// The search index's engine-specific SQL behind one interface: FTS5 ranked with bm25() on SQLite,
// a weighted tsvector ranked with ts_rank_cd() on PostgreSQL. Same columns on both; deleting an
// article deletes its row on both (a foreign key on PostgreSQL, a trigger on SQLite, see 0007).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { engineOf } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import type { SearchQuery } from './text.ts';

type Db = Kysely<Database>;

/** One article as the index stores it: every field already segmented into space-separated words. */
export interface SearchDocument {
  readonly articleId: number;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  /** Dateline, source, byline, author and tags. */
  readonly meta: string;
}

/** What each engine does differently; everything else in search is shared Kysely. */
export interface SearchEngine {
  /** Writes an article's row, replacing the one it had. */
  upsert(db: Db, doc: SearchDocument): Promise<void>;
  /** Drops an article's row, if it has one. */
  remove(db: Db, articleId: number): Promise<void>;
  /** Empties the index. */
  clear(db: Db): Promise<void>;
  /** The condition "this article_search row contains every term" (the query has at least one). */
  matches(query: SearchQuery): RawBuilder<boolean>;
  /** A relevance score of the matched row; lower sorts first. */
  rank(query: SearchQuery): RawBuilder<number>;
}

const sqlite: SearchEngine = {
  async upsert(db, doc) {
    // FTS5 tables have no UPSERT; the rowid is the article id, so this is two indexed writes.
    await sql`delete from article_search where rowid = ${doc.articleId}`.execute(db);
    // FTS5 columns have no type, and the driver binds numbers as reals: the cast keeps
    // article_id an integer, as it is on PostgreSQL.
    await sql`insert into article_search (rowid, article_id, title, summary, body, meta)
      values (${doc.articleId}, cast(${doc.articleId} as integer), ${doc.title}, ${doc.summary}, ${doc.body}, ${doc.meta})`.execute(
      db,
    );
  },
  async remove(db, articleId) {
    await sql`delete from article_search where rowid = ${articleId}`.execute(db);
  },
  async clear(db) {
    await db.deleteFrom('article_search').execute();
  },
  matches(query) {
    // Each term is an FTS5 string (quotes doubled), so no reader text is ever FTS syntax;
    // terms side by side mean AND. The whole expression is one bound parameter.
    const expression = query.terms
      .map((t, i) => `"${t.replaceAll('"', '""')}"${isPrefix(query, i) ? '*' : ''}`)
      .join(' ');
    return sql<boolean>`article_search match ${expression}`;
  },
  rank() {
    // Weights follow the column order: article_id (not indexed), title, summary, body, meta.
    return sql<number>`bm25(article_search, 0.0, 10.0, 4.0, 1.0, 2.0)`;
  },
};

const postgres: SearchEngine = {
  async upsert(db, doc) {
    const values = { title: doc.title, summary: doc.summary, body: doc.body, meta: doc.meta };
    await db
      .insertInto('article_search')
      .values({ article_id: doc.articleId, ...values })
      .onConflict((oc) => oc.column('article_id').doUpdateSet(values))
      .execute();
  },
  async remove(db, articleId) {
    await db.deleteFrom('article_search').where('article_id', '=', articleId).execute();
  },
  async clear(db) {
    await db.deleteFrom('article_search').execute();
  },
  matches(query) {
    return sql<boolean>`article_search.document @@ to_tsquery('simple', ${tsQueryText(query)})`;
  },
  rank(query) {
    // ts_rank_cd weighs A (title) 1.0, B 0.4, C 0.2, D 0.1 but, unlike bm25, adds up every
    // repetition, so a long body could outrank a headline. Scaled into [0, 1) (flag 32), plus 1
    // when the title alone matches, headlines come first as they do with bm25's weights.
    const q = sql`to_tsquery('simple', ${tsQueryText(query)})`;
    return sql<number>`-(ts_rank_cd(article_search.document, ${q}, 32)
      + case when ts_filter(article_search.document, '{a}') @@ ${q} then 1 else 0 end)`;
  },
};

/** tsquery text: each term a quoted lexeme (quotes and backslashes escaped), joined by AND. */
function tsQueryText(query: SearchQuery): string {
  return query.terms
    .map((t, i) => `'${t.replaceAll('\\', '\\\\').replaceAll("'", "''")}'${isPrefix(query, i) ? ':*' : ''}`)
    .join(' & ');
}

function isPrefix(query: SearchQuery, index: number): boolean {
  return query.isPrefixLast && index === query.terms.length - 1;
}

/** The search engine for a database (or a transaction on one). */
export function searchEngineOf(db: Kysely<any>): SearchEngine {
  return engineOf(db) === 'postgres' ? postgres : sqlite;
}
