// What the editions pages read: every edition, active or not (the registry holds only the active
// ones), and how many stories each has published.
import type { Kysely } from 'kysely';
import { isPublished } from '../../articles/index.ts';
import { toBool } from '../../core/db/dialect.ts';
import type { Database, EditionRow } from '../../core/db/schema.ts';

type Db = Kysely<Database>;

/** An edition as the newsroom manages it. */
export interface ManagedEdition {
  readonly code: string;
  readonly name: string;
  readonly locale: string;
  readonly direction: 'ltr' | 'rtl';
  readonly position: number;
  readonly isActive: boolean;
  /** Its own time zone, or undefined for the site's. */
  readonly timeZone: string | undefined;
}

function toManagedEdition(row: EditionRow): ManagedEdition {
  return {
    code: row.code,
    name: row.name,
    locale: row.locale,
    direction: row.direction,
    position: row.position,
    isActive: toBool(row.is_active),
    timeZone: row.time_zone ?? undefined,
  };
}

/** Every edition, in the site's order. */
export async function listAllEditions(db: Db): Promise<ManagedEdition[]> {
  const rows = await db.selectFrom('editions').selectAll().orderBy('position').orderBy('code').execute();
  return rows.map(toManagedEdition);
}

/** One edition by code, active or not. */
export async function findEdition(db: Db, code: string): Promise<ManagedEdition | undefined> {
  const row = await db.selectFrom('editions').selectAll().where('code', '=', code).executeTakeFirst();
  return row && toManagedEdition(row);
}

/**
 * Published stories (those readers see now) of each of `codes`: one index-only range of
 * (edition, status, published_at, id) per edition, counted without reading the table's rows
 * (100,000 stories: ~30 ms on either engine). The codes are given, not joined from `editions`:
 * PostgreSQL has no statistics for so small a table, and the cost it guessed for a subquery per
 * edition row turned on its JIT compiler (~150 ms more).
 */
export async function countPublishedByEdition(
  db: Db,
  codes: readonly string[],
  now: Date,
): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('articles')
    .select((eb) => ['articles.edition', eb.fn.countAll<number | string>().as('n')])
    .where('articles.edition', 'in', [...codes])
    .where(isPublished(now))
    .groupBy('articles.edition')
    .execute();
  return new Map(rows.map((r) => [r.edition, Number(r.n)]));
}
