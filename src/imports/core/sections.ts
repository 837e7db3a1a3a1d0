// Sections of an import: the source's category tree, parents first, through the articles'
// taxonomy commands; a slug another section of the edition has gets -2, -3 …
import { createCategory, updateCategory } from '../../articles/index.ts';
import { slugify } from '../../core/text/slug.ts';
import { hashOf, listLinks, recordLink } from './ledger.ts';
import type { ImportRun } from './run.ts';
import type { ImportedCategory } from './types.ts';

/** Imports the categories; returns their section ids by source id (0 for new ones in a dry run). */
export async function importCategories(
  run: ImportRun,
  categories: readonly ImportedCategory[],
): Promise<Map<string, number>> {
  const links = await listLinks(run.w.db, run.scope, 'category');
  const ids = new Map<string, number>();
  for (const category of parentsFirst(run, categories)) {
    const parentId = category.parentSourceId === null ? null : (ids.get(category.parentSourceId) ?? null);
    const fields = {
      name: (category.name.trim() || `Section ${category.sourceId}`).slice(0, 120),
      description: category.description.slice(0, 2000),
      position: Math.min(Math.max(0, Math.trunc(category.position)), 100_000),
    };
    const hash = hashOf({ ...fields, slug: category.slug, parent: category.parentSourceId });
    const link = links.get(category.sourceId);
    const existing =
      link && (await run.w.db.selectFrom('categories').select('id').where('id', '=', link.targetId).executeTakeFirst());
    if (link && existing) {
      ids.set(category.sourceId, link.targetId);
      if (link.sourceHash === hash) {
        run.count('category', 'unchanged');
        continue;
      }
      run.count('category', 'updated');
      if (run.isDryRun) continue;
      await run.w.db.transaction().execute(async (trx) => {
        await updateCategory({ ...run.w, db: trx }, link.targetId, { ...fields, parentId: parentId || null });
        await recordLink(
          trx,
          run.scope,
          'category',
          category.sourceId,
          { targetId: link.targetId, sourceHash: hash },
          run.now,
        );
      });
      await run.w.events.afterCommit();
      continue;
    }
    run.count('category', 'created');
    if (run.isDryRun) {
      ids.set(category.sourceId, 0);
      continue;
    }
    const id = await run.w.db.transaction().execute(async (trx) => {
      const w = { ...run.w, db: trx };
      const slug = await freeSlug(run, trx, slugify(category.slug || fields.name));
      const row = await createCategory(w, { ...fields, slug, edition: run.scope.edition, parentId: parentId || null });
      await recordLink(trx, run.scope, 'category', category.sourceId, { targetId: row.id, sourceHash: hash }, run.now);
      return row.id;
    });
    await run.w.events.afterCommit();
    ids.set(category.sourceId, id);
  }
  return ids;
}

/**
 * The edition's "Imported" section, for stories whose category is gone at the source: made once
 * (its link's source id is empty), in the caller's transaction.
 */
export async function fallbackSection(run: ImportRun): Promise<number> {
  const links = await listLinks(run.w.db, run.scope, 'category');
  const link = links.get('');
  if (link) return link.targetId;
  run.countOnce('category', '', 'created');
  if (run.isDryRun) return 0;
  const slug = await freeSlug(run, run.w.db, 'imported');
  const row = await createCategory(run.w, { edition: run.scope.edition, name: 'Imported', slug });
  await recordLink(run.w.db, run.scope, 'category', '', { targetId: row.id, sourceHash: '' }, run.now);
  return row.id;
}

/** The categories with each parent before its children; a parent missing or in a loop makes a top-level section. */
function parentsFirst(run: ImportRun, categories: readonly ImportedCategory[]): ImportedCategory[] {
  const byId = new Map(categories.map((c) => [c.sourceId, c]));
  const out: ImportedCategory[] = [];
  const placed = new Set<string>();
  const visit = (category: ImportedCategory, path: Set<string>) => {
    if (placed.has(category.sourceId)) return;
    let parent = category.parentSourceId === null ? undefined : byId.get(category.parentSourceId);
    if (category.parentSourceId !== null && (!parent || path.has(parent.sourceId))) {
      run.warn(
        `category ${category.sourceId}`,
        `its parent ${category.parentSourceId} is missing: made a top-level section`,
      );
      category = { ...category, parentSourceId: null };
      parent = undefined;
    }
    if (parent) visit(parent, new Set([...path, category.sourceId]));
    placed.add(category.sourceId);
    out.push(category);
  };
  for (const category of categories) visit(category, new Set());
  return out;
}

/** A section slug the edition does not use yet. */
async function freeSlug(run: ImportRun, db: ImportRun['w']['db'], base: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .selectFrom('categories')
        .select('slug')
        .where('edition', '=', run.scope.edition)
        .where('slug', 'like', `${base}%`)
        .execute()
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
