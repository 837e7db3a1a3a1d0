// Sections (nested categories) and tags of an edition.
import type { Kysely } from 'kysely';
import { reusable } from '../core/db/compiled-query.ts';
import type { CategoryRow, Database, TagRow } from '../core/db/schema.ts';

type Db = Kysely<Database>;

/** All categories of an edition in menu order. */
export async function listCategories(db: Db, edition: string): Promise<CategoryRow[]> {
  return db
    .selectFrom('categories')
    .selectAll()
    .where('edition', '=', edition)
    .orderBy('position')
    .orderBy('name')
    .execute();
}

/** A category and all categories below it, from an edition's full list (no extra query). */
export function withDescendants(all: readonly CategoryRow[], rootId: number): number[] {
  const ids = [rootId];
  for (let i = 0; i < ids.length; i++) {
    for (const c of all) if (c.parent_id === ids[i] && !ids.includes(c.id)) ids.push(c.id);
  }
  return ids;
}

/** The chain from the top section down to a category (for breadcrumbs). */
export function ancestry(all: readonly CategoryRow[], category: CategoryRow): CategoryRow[] {
  const chain = [category];
  let current = category;
  while (current.parent_id !== null) {
    const parent = all.find((c) => c.id === current.parent_id);
    if (!parent || chain.includes(parent)) break;
    chain.unshift(parent);
    current = parent;
  }
  return chain;
}

/** A tag by slug within an edition. */
export async function findTagBySlug(db: Db, edition: string, slug: string): Promise<TagRow | undefined> {
  return tagBySlug.executeTakeFirst(db, { edition, slug });
}

const tagBySlug = reusable((db: Db, a: { edition: string; slug: string }) =>
  db.selectFrom('tags').selectAll().where('edition', '=', a.edition).where('slug', '=', a.slug),
);

/** A tag by id. */
export async function findTagById(db: Db, id: number): Promise<TagRow | undefined> {
  return tagById.executeTakeFirst(db, { id });
}

const tagById = reusable((db: Db, a: { id: number }) => db.selectFrom('tags').selectAll().where('id', '=', a.id));

/** The path of a category page. */
export function categoryPath(edition: string, slug: string): string {
  return `/${edition}/category/${encodeURIComponent(slug)}`;
}

/** The path of a tag page. */
export function tagPath(edition: string, slug: string): string {
  return `/${edition}/tag/${encodeURIComponent(slug)}`;
}
