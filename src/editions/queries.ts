// Reading the editions table.
import type { Kysely } from 'kysely';
import type { Database } from '../core/db/schema.ts';
import type { EditionInfo } from '../core/views/site.ts';

/** Active editions in menu order. */
export async function listActiveEditions(db: Kysely<Database>): Promise<EditionInfo[]> {
  const rows = await db
    .selectFrom('editions')
    .select(['code', 'name', 'locale', 'direction', 'time_zone'])
    .where('is_active', '=', 1)
    .orderBy('position')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    locale: r.locale,
    direction: r.direction,
    ...(r.time_zone ? { timeZone: r.time_zone } : {}),
  }));
}
