// What the newsroom's page screens read: an edition's whole page tree (a few dozen rows, drafts
// included) and one page.
import type { Kysely } from 'kysely';
import type { Database, PageRow } from '../../core/db/schema.ts';

type Db = Kysely<Database>;

/** How deep the tree is walked (a loop in stored data cannot hang a page). */
const MAX_DEPTH = 12;

/** A page in its place in the tree. */
export interface PageNode {
  readonly id: number;
  readonly parentId: number | null;
  readonly title: string;
  readonly path: string;
  readonly status: 'draft' | 'published';
  readonly position: number;
  /** 0 for a top-level page. */
  readonly depth: number;
}

/** Every page of an edition, depth first, siblings by position then title. */
export async function listPageTree(db: Db, edition: string): Promise<PageNode[]> {
  const rows = await db
    .selectFrom('pages')
    .select(['id', 'parent_id', 'title', 'path', 'status', 'position'])
    .where('edition', '=', edition)
    .orderBy('position')
    .orderBy('title')
    .orderBy('id')
    .execute();
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<number | null, typeof rows>();
  for (const r of rows) {
    const parent = r.parent_id !== null && ids.has(r.parent_id) ? r.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const tree: PageNode[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      tree.push({
        id: r.id,
        parentId: r.parent_id,
        title: r.title,
        path: r.path,
        status: r.status,
        position: r.position,
        depth,
      });
      if (depth < MAX_DEPTH) walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return tree;
}

/** Ids of a page and every page below it (the tree is depth first). */
export function pageSubtree(tree: readonly PageNode[], id: number): Set<number> {
  const ids = new Set([id]);
  const start = tree.findIndex((n) => n.id === id);
  if (start < 0) return ids;
  for (let i = start + 1; i < tree.length && tree[i]!.depth > tree[start]!.depth; i++) ids.add(tree[i]!.id);
  return ids;
}

/** A page by id, drafts included. */
export async function findPage(db: Db, id: number): Promise<PageRow | undefined> {
  return db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
}
