// Reading the document library: an edition's published documents by year (newest first) with the
// reader's filters and search, the years that have documents, one published document for a
// download, and the newsroom's list. A library holds hundreds of documents, not millions: each
// list reads the edition's range of the (edition, is_published, year, id) index and stops at its
// limit; the search's LIKE is checked on the rows of that range.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { engineOf } from '../../core/db/dialect.ts';
import type { Database } from '../../core/db/schema.ts';
import { toDocument, type IntegrityDocument } from './model.ts';

type Db = Kysely<Database>;

/** What a reader narrowed the list to. */
export interface DocumentFilter {
  readonly category?: string;
  readonly year?: number;
  /** Words that must appear, as typed, in the title or the description. */
  readonly query?: string;
}

/** A LIKE pattern finding `text` anywhere: the reader's % and _ are literal (escaped with \). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Title or description contains the pattern, ignoring case (ASCII on SQLite, Unicode on PostgreSQL). */
function matches(db: Db, pattern: string): Expression<SqlBool> {
  const title = sql.ref('title');
  const description = sql.ref('description');
  return engineOf(db) === 'postgres'
    ? sql<SqlBool>`(lower(${title}) like lower(${pattern}) escape '\\' or lower(${description}) like lower(${pattern}) escape '\\')`
    : sql<SqlBool>`(${title} like ${pattern} escape '\\' or ${description} like ${pattern} escape '\\')`;
}

function publishedIn(db: Db, edition: string, filter: DocumentFilter) {
  return db
    .selectFrom('integrity_documents')
    .where('edition', '=', edition)
    .where('is_published', '=', 1)
    .$if(filter.category !== undefined, (q) => q.where('category', '=', filter.category!))
    .$if(filter.year !== undefined, (q) => q.where('year', '=', filter.year!))
    .$if(!!filter.query, (q) => q.where(matches(db, containsPattern(filter.query!))));
}

/** One page of an edition's published documents, newest year first (then newest added), and how many match. */
export async function listPublishedDocuments(
  db: Db,
  edition: string,
  filter: DocumentFilter,
  page: { limit: number; offset: number },
): Promise<{ documents: IntegrityDocument[]; total: number }> {
  const [rows, count] = await Promise.all([
    publishedIn(db, edition, filter)
      .selectAll()
      .orderBy('year', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    publishedIn(db, edition, filter)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirst(),
  ]);
  return { documents: rows.map(toDocument), total: Number(count?.n ?? 0) };
}

/** The years an edition's published documents carry, newest first (the year filter's choices). */
export async function listDocumentYears(db: Db, edition: string): Promise<number[]> {
  const rows = await db
    .selectFrom('integrity_documents')
    .select('year')
    .distinct()
    .where('edition', '=', edition)
    .where('is_published', '=', 1)
    .orderBy('year', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => r.year);
}

/** A published document of an edition, for its download; undefined for a draft or another edition's. */
export async function findPublishedDocument(
  db: Db,
  edition: string,
  id: number,
): Promise<IntegrityDocument | undefined> {
  const row = await db
    .selectFrom('integrity_documents')
    .selectAll()
    .where('id', '=', id)
    .where('edition', '=', edition)
    .where('is_published', '=', 1)
    .executeTakeFirst();
  return row ? toDocument(row) : undefined;
}

/** Any document by id (the newsroom's pages check the user's edition). */
export async function findDocument(db: Db, id: number): Promise<IntegrityDocument | undefined> {
  const row = await db.selectFrom('integrity_documents').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toDocument(row) : undefined;
}

/** An edition's documents for the newsroom, drafts included, newest year first; at most `limit`. */
export async function listNewsroomDocuments(db: Db, edition: string, limit: number): Promise<IntegrityDocument[]> {
  const rows = await db
    .selectFrom('integrity_documents')
    .selectAll()
    .where('edition', '=', edition)
    .orderBy('year', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toDocument);
}
