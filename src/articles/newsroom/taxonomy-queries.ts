// What the newsroom's section and tag pages read: an edition's section tree (a few dozen rows),
// one section's contents, and an edition's tags one page at a time, by key (their slug).
import type { Kysely } from 'kysely';
import type { CategoryRow, Database, TagRow } from '../../core/db/schema.ts';

type Db = Kysely<Database>;

/** Tags on one page of the list. */
export const TAG_PAGE_SIZE = 50;
/** A tag's stories are counted up to this many (then shown as "1,000+"): the count stays cheap. */
export const TAG_USES_CAP = 1000;
/** How deep the tree is walked (a loop in stored data cannot hang a page). */
const MAX_DEPTH = 12;

/** A section in its place in the tree. */
export interface SectionNode {
  readonly id: number;
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  readonly parentId: number | null;
  readonly position: number;
  /** 0 for a top-level section. */
  readonly depth: number;
}

/** An edition's sections, depth first, siblings by position then name. */
export async function listSectionTree(db: Db, edition: string): Promise<SectionNode[]> {
  const rows = await db
    .selectFrom('categories')
    .selectAll()
    .where('edition', '=', edition)
    .orderBy('position')
    .orderBy('name')
    .orderBy('id')
    .execute();
  return toTree(rows);
}

/** Rows as a depth-first tree (a row whose parent is missing is shown at the top). */
export function toTree(rows: readonly CategoryRow[]): SectionNode[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<number | null, CategoryRow[]>();
  for (const r of rows) {
    const parent = r.parent_id !== null && ids.has(r.parent_id) ? r.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const tree: SectionNode[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      tree.push({
        id: r.id,
        name: r.name,
        slug: r.slug,
        description: r.description,
        parentId: r.parent_id,
        position: r.position,
        depth,
      });
      if (depth < MAX_DEPTH) walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return tree;
}

/** Ids of a section and every section below it. */
export function subtreeIds(tree: readonly SectionNode[], id: number): Set<number> {
  const ids = new Set([id]);
  // Depth first: a section's descendants follow it until the depth returns to its own.
  const start = tree.findIndex((n) => n.id === id);
  if (start < 0) return ids;
  for (let i = start + 1; i < tree.length && tree[i]!.depth > tree[start]!.depth; i++) ids.add(tree[i]!.id);
  return ids;
}

/** A section by id. */
export async function findSection(db: Db, id: number): Promise<CategoryRow | undefined> {
  return db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
}

/** How many stories a section holds (its own, by the category index). */
export async function countSectionArticles(db: Db, id: number): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('category_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A tag in the list, with how many stories carry it (capped at TAG_USES_CAP + 1). */
export interface ListedTag {
  readonly id: number;
  readonly name: string;
  readonly slug: string;
  readonly uses: number;
}

/**
 * One page of an edition's tags in slug order, after the slug `after`; `slugPart` (a slug, so
 * letters, digits and hyphens only: nothing LIKE treats specially) keeps those whose slug has it.
 */
export async function listTags(
  db: Db,
  edition: string,
  options: { slugPart?: string; after?: string },
): Promise<{ rows: ListedTag[]; next: string | undefined }> {
  const rows = await db
    .selectFrom('tags')
    .select(['tags.id', 'tags.name', 'tags.slug'])
    .select((eb) =>
      eb
        .selectFrom(
          eb
            .selectFrom('article_tags')
            .select('article_tags.article_id')
            .whereRef('article_tags.tag_id', '=', 'tags.id')
            .limit(TAG_USES_CAP + 1)
            .as('capped'),
        )
        .select((inner) => inner.fn.countAll<number | string>().as('n'))
        .as('uses'),
    )
    .where('tags.edition', '=', edition)
    .$if(options.slugPart !== undefined, (q) => q.where('tags.slug', 'like', `%${options.slugPart}%`))
    .$if(options.after !== undefined, (q) => q.where('tags.slug', '>', options.after!))
    .orderBy('tags.slug')
    .limit(TAG_PAGE_SIZE + 1)
    .execute();
  const page = rows
    .slice(0, TAG_PAGE_SIZE)
    .map((r) => ({ id: r.id, name: r.name, slug: r.slug, uses: Number(r.uses ?? 0) }));
  return { rows: page, next: rows.length > TAG_PAGE_SIZE ? page.at(-1)?.slug : undefined };
}

/** A tag by id. */
export async function findTag(db: Db, id: number): Promise<TagRow | undefined> {
  return db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A tag of an edition by its slug. */
export async function findTagBySlug(db: Db, edition: string, slug: string): Promise<TagRow | undefined> {
  return db.selectFrom('tags').selectAll().where('edition', '=', edition).where('slug', '=', slug).executeTakeFirst();
}

/** How many stories carry a tag. */
export async function countTagUses(db: Db, id: number): Promise<number> {
  const row = await db
    .selectFrom('article_tags')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('tag_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
