// Reading the static page tree (Company Profile and the like).
import type { Kysely } from 'kysely';
import { toDate } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';

type Db = Kysely<Database>;

/** A published static page. */
export interface Page {
  readonly id: number;
  readonly edition: string;
  readonly parentId: number | null;
  readonly path: string;
  readonly title: string;
  readonly summary: string;
  readonly bodyHtml: string;
  readonly translationGroup: string;
  readonly updatedAt: Date;
}

/** A link to a page in a tree. */
export interface PageLink {
  readonly id: number;
  readonly parentId: number | null;
  readonly path: string;
  readonly title: string;
}

/** A published page by its path within an edition. */
export async function findPublishedPage(db: Db, edition: string, path: string): Promise<Page | undefined> {
  const row = await db
    .selectFrom('pages')
    .selectAll()
    .where('edition', '=', edition)
    .where('path', '=', path)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    edition: row.edition,
    parentId: row.parent_id,
    path: row.path,
    title: row.title,
    summary: row.summary,
    bodyHtml: row.body_html,
    translationGroup: row.translation_group,
    updatedAt: toDate(row.updated_at),
  };
}

/** Every published page of an edition (the tree is small: a few dozen pages). */
export async function listPublishedPages(db: Db, edition: string): Promise<PageLink[]> {
  const rows = await db
    .selectFrom('pages')
    .select(['id', 'parent_id', 'path', 'title'])
    .where('edition', '=', edition)
    .where('status', '=', 'published')
    .orderBy('position')
    .orderBy('title')
    .execute();
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, path: r.path, title: r.title }));
}

/** A page as a card in its parent's list: where it is, its title and summary. */
export interface PageCard {
  readonly path: string;
  readonly title: string;
  readonly summary: string;
}

/** The published children of a page, in their order (a section front such as the integrity zone's). */
export async function listPublishedChildren(db: Db, parentId: number): Promise<PageCard[]> {
  return db
    .selectFrom('pages')
    .select(['path', 'title', 'summary'])
    .where('parent_id', '=', parentId)
    .where('status', '=', 'published')
    .orderBy('position')
    .orderBy('title')
    .execute();
}

/** Published translations of a page in other editions. */
export async function listPageTranslations(db: Db, page: Page) {
  return db
    .selectFrom('pages')
    .select(['edition', 'path'])
    .where('translation_group', '=', page.translationGroup)
    .where('id', '!=', page.id)
    .where('status', '=', 'published')
    .orderBy('edition')
    .execute();
}

/** The URL path of a page. */
export function pagePath(edition: string, path: string): string {
  return `/${edition}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

// issue 11: public API (src/api) reads the tree; `includeUnpublished` is the seam for an API key
// allowed to read drafts.

/** A page as the public API lists it (no body). */
export interface ApiPageItem {
  readonly id: number;
  readonly parentId: number | null;
  readonly path: string;
  readonly title: string;
  readonly summary: string;
  readonly position: number;
  readonly status: 'draft' | 'published';
  readonly updatedAt: Date;
}

/** An edition's whole page tree in order, published pages only unless drafts are allowed (a few dozen rows). */
export async function listPagesForApi(
  db: Db,
  edition: string,
  v: { includeUnpublished: boolean },
): Promise<ApiPageItem[]> {
  const rows = await db
    .selectFrom('pages')
    .select(['id', 'parent_id', 'path', 'title', 'summary', 'position', 'status', 'updated_at'])
    .where('edition', '=', edition)
    .$if(!v.includeUnpublished, (q) => q.where('status', '=', 'published'))
    .orderBy('parent_id')
    .orderBy('position')
    .orderBy('title')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    path: r.path,
    title: r.title,
    summary: r.summary,
    position: r.position,
    status: r.status,
    updatedAt: toDate(r.updated_at),
  }));
}

/** One page by id with its body (undefined: none, or a draft the caller may not see). */
export async function findPageForApi(
  db: Db,
  id: number,
  v: { includeUnpublished: boolean },
): Promise<(ApiPageItem & { edition: string; bodyHtml: string }) | undefined> {
  const r = await db
    .selectFrom('pages')
    .selectAll()
    .where('id', '=', id)
    .$if(!v.includeUnpublished, (q) => q.where('status', '=', 'published'))
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    edition: r.edition,
    parentId: r.parent_id,
    path: r.path,
    title: r.title,
    summary: r.summary,
    position: r.position,
    status: r.status,
    updatedAt: toDate(r.updated_at),
    bodyHtml: r.body_html,
  };
}
