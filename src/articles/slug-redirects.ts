// Old slugs of sections and tags (migration 0019): written by the commands that change a slug or
// merge a tag, in their transaction; read by the public routes when no section or tag has the
// slug asked for, to answer with a 301 to where it went.
import type { Kysely } from 'kysely';
import { toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';

type Db = Kysely<Database>;
export type SlugKind = 'category' | 'tag';

/**
 * Keeps `oldSlug` leading to `targetId` after its slug became `newSlug`. The new slug is live
 * again if it once redirected (a name changed back): that row goes, so it cannot shadow anything.
 */
export async function keepOldSlug(
  trx: Db,
  change: { kind: SlugKind; edition: string; oldSlug: string; newSlug: string; targetId: number },
  now: Date,
): Promise<void> {
  const { kind, edition, oldSlug, newSlug, targetId } = change;
  if (oldSlug === newSlug) return;
  await trx
    .deleteFrom('slug_redirects')
    .where('kind', '=', kind)
    .where('edition', '=', edition)
    .where('old_slug', '=', newSlug)
    .execute();
  await trx
    .insertInto('slug_redirects')
    .values({ kind, edition, old_slug: oldSlug, target_id: targetId, created_at: toDbTime(now) })
    .onConflict((oc) =>
      oc.columns(['kind', 'edition', 'old_slug']).doUpdateSet({ target_id: targetId, created_at: toDbTime(now) }),
    )
    .execute();
}

/** Every old slug that led to `fromId` leads to `intoId` (a tag merged into another). */
export async function moveOldSlugs(trx: Db, kind: SlugKind, fromId: number, intoId: number): Promise<void> {
  await trx
    .updateTable('slug_redirects')
    .set({ target_id: intoId })
    .where('kind', '=', kind)
    .where('target_id', '=', fromId)
    .execute();
}

/** Forgets the old slugs of a deleted section or tag: they answer 404 like any unknown slug. */
export async function dropOldSlugs(trx: Db, kind: SlugKind, targetId: number): Promise<void> {
  await trx.deleteFrom('slug_redirects').where('kind', '=', kind).where('target_id', '=', targetId).execute();
}

/** What an old slug of an edition leads to now, if it is one. */
export async function findOldSlug(db: Db, kind: SlugKind, edition: string, slug: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('slug_redirects')
    .select('target_id')
    .where('kind', '=', kind)
    .where('edition', '=', edition)
    .where('old_slug', '=', slug)
    .executeTakeFirst();
  return row?.target_id;
}
