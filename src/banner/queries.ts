// Reading banners: the live one of each edition (at start and after every banner event, never
// per page) and the newsroom's list of recent ones. Each is one bounded index range.
import type { Kysely } from 'kysely';
import { toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import { toBanner, type Banner } from './model.ts';

type Db = Kysely<Database>;

/** A banner with the name of whoever raised it, for the newsroom's list. */
export interface ListedBanner extends Banner {
  readonly createdByName: string | null;
}

/**
 * The edition's banner that has not ended or expired by `now` (the newest, should two overlap):
 * a range of the partial index breaking_banners_live.
 */
export async function findLiveBanner(db: Db, edition: string, now: Date): Promise<Banner | undefined> {
  const row = await db
    .selectFrom('breaking_banners')
    .selectAll()
    .where('edition', '=', edition)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', toDbTime(now))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toBanner(row);
}

/** The live banner of each edition that has one. */
export async function findLiveBanners(db: Db, editions: readonly string[], now: Date): Promise<Banner[]> {
  const found = await Promise.all(editions.map((edition) => findLiveBanner(db, edition, now)));
  return found.filter((b) => b !== undefined);
}

/** One banner by id. */
export async function findBanner(db: Db, id: number): Promise<Banner | undefined> {
  const row = await db.selectFrom('breaking_banners').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toBanner(row);
}

/** The newest banners of these editions, newest first, with who raised them. */
export async function listRecentBanners(db: Db, editions: readonly string[], limit: number): Promise<ListedBanner[]> {
  if (editions.length === 0) return [];
  const rows = await db
    .selectFrom('breaking_banners')
    .leftJoin('users', 'users.id', 'breaking_banners.created_by')
    .selectAll('breaking_banners')
    .select('users.display_name as created_by_name')
    .where('breaking_banners.edition', 'in', editions)
    .orderBy('breaking_banners.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(({ created_by_name, ...row }) => Object.assign(toBanner(row), { createdByName: created_by_name }));
}
