// A WordPress site's old addresses as rows of the redirects table (origin 'wxr'): each published
// post's and page's permalink (`<link>`) and its plain form (`?p=ID`, `?page_id=ID`), and the
// category and tag archives (`/category/parent/child`, `/tag/slug`), leading to the imported
// story, page, section or tag. A row the newsroom made by hand for the same old address is left
// as it is (and named in the warnings); a re-run moves a row whose target changed.
import { articlePath, categoryPath, tagPath } from '../../articles/index.ts';
import { toDbTime } from '../../core/db/dialect.ts';
import { pagePath } from '../../pages/index.ts';
import { fromPathOf, parseOldAddress } from '../../redirects/index.ts';
import { listLinks } from '../core/ledger.ts';
import { countIn, type StepContext } from './pages.ts';
import type { WxrDocument } from './parse.ts';

/** The canonical stored form of an absolute old address or a path, if it is one of the old site. */
function oldPathOf(address: string, origin: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address, origin);
  } catch {
    return undefined;
  }
  if (url.origin !== origin) return undefined;
  const parsed = parseOldAddress(`${url.pathname}${url.search}`);
  // The old site's front page itself is not an address of a story.
  if (!parsed || (parsed.path === '/' && parsed.query === '')) return undefined;
  return fromPathOf(parsed);
}

/** Rows by id, read 500 ids at a time (an archive's ids are more than one statement may bind). */
async function byId<T extends { id: number }>(
  ids: readonly number[],
  read: (chunk: number[]) => Promise<T[]>,
): Promise<Map<number, T>> {
  const rows = new Map<number, T>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const row of await read(ids.slice(i, i + 500))) rows.set(row.id, row);
  }
  return rows;
}

/** Writes (or, dry, counts) the redirects of the export's published posts, pages, sections and tags. */
export async function writePermalinks(step: StepContext, doc: WxrDocument): Promise<void> {
  const { db } = step.w;
  const blog = new URL(doc.blogUrl);
  const base = blog.pathname.replace(/\/+$/, '');
  const origin = blog.origin;
  const now = step.w.now();
  const wanted = new Map<string, string>();
  const want = (from: string | undefined, to: string) => {
    if (from !== undefined && from !== to && !wanted.has(from)) wanted.set(from, to);
  };

  const postLinks = await listLinks(db, step.scope, 'post');
  const pageLinks = await listLinks(db, step.scope, 'page');
  const categoryLinks = await listLinks(db, step.scope, 'category');
  const tagLinks = await listLinks(db, step.scope, 'tag');
  const articles = await byId(
    [...postLinks.values()].map((l) => l.targetId),
    (ids) =>
      db
        .selectFrom('articles')
        .select(['id', 'edition', 'slug'])
        .where('id', 'in', ids)
        .where('status', '=', 'published')
        .where('published_at', '<=', toDbTime(now))
        .execute(),
  );
  const pages = await byId(
    [...pageLinks.values()].map((l) => l.targetId),
    (ids) =>
      db
        .selectFrom('pages')
        .select(['id', 'edition', 'path'])
        .where('id', 'in', ids)
        .where('status', '=', 'published')
        .execute(),
  );

  for (const item of doc.items) {
    // Only what readers could open at the old site, and can open here now.
    if (item.status !== 'publish') continue;
    if (item.type === 'post') {
      const article = articles.get(postLinks.get(item.id)?.targetId ?? -1);
      if (!article) continue;
      const to = articlePath(article);
      want(oldPathOf(item.link, origin), to);
      want(oldPathOf(`${base}/?p=${item.id}`, origin), to);
    } else if (item.type === 'page') {
      const page = pages.get(pageLinks.get(item.id)?.targetId ?? -1);
      if (!page) continue;
      const to = pagePath(page.edition, page.path);
      want(oldPathOf(item.link, origin), to);
      want(oldPathOf(`${base}/?page_id=${item.id}`, origin), to);
    }
  }
  await wantArchives(step, doc, { base, origin, categoryLinks, tagLinks, want });

  const existing = new Map<string, { id: number; to_path: string; origin: string }>();
  const froms = [...wanted.keys()];
  for (let i = 0; i < froms.length; i += 500) {
    const rows = await db
      .selectFrom('redirects')
      .select(['id', 'from_path', 'to_path', 'origin'])
      .where('from_path', 'in', froms.slice(i, i + 500))
      .execute();
    for (const row of rows) existing.set(row.from_path, row);
  }
  const write = async (work: () => Promise<void>) => {
    if (!step.isDryRun) await work();
  };
  await db.transaction().execute(async (trx) => {
    for (const [from, to] of wanted) {
      const row = existing.get(from);
      if (row?.origin === 'manual') {
        countIn(step.summary, 'redirect', 'skipped');
        step.summary.warnings.push({ sourceId: from, message: `kept the newsroom's redirect to ${row.to_path}` });
      } else if (row && row.to_path === to) {
        countIn(step.summary, 'redirect', 'unchanged');
      } else if (row) {
        countIn(step.summary, 'redirect', 'updated');
        await write(async () => {
          await trx
            .updateTable('redirects')
            .set({ to_path: to, edition: step.scope.edition, updated_at: toDbTime(now) })
            .where('id', '=', row.id)
            .execute();
        });
      } else {
        countIn(step.summary, 'redirect', 'created');
        await write(async () => {
          await trx
            .insertInto('redirects')
            .values({
              from_path: from,
              to_path: to,
              edition: step.scope.edition,
              origin: 'wxr',
              created_by: null,
              created_at: toDbTime(now),
              updated_at: toDbTime(now),
            })
            .execute();
        });
      }
    }
  });
}

/** Category archives (`/category/parent/child`, and the child alone) and tag archives (`/tag/slug`). */
async function wantArchives(
  step: StepContext,
  doc: WxrDocument,
  at: {
    base: string;
    origin: string;
    categoryLinks: Map<string, { targetId: number }>;
    tagLinks: Map<string, { targetId: number }>;
    want: (from: string | undefined, to: string) => void;
  },
): Promise<void> {
  const { db } = step.w;
  const sections = await byId(
    [...at.categoryLinks.values()].map((l) => l.targetId),
    (ids) => db.selectFrom('categories').select(['id', 'edition', 'slug']).where('id', 'in', ids).execute(),
  );
  const parents = new Map(doc.categories.map((c) => [c.slug, c.parentSlug]));
  for (const category of doc.categories) {
    const section = sections.get(at.categoryLinks.get(category.slug)?.targetId ?? -1);
    if (!section) continue;
    const chain = [category.slug];
    for (let parent = parents.get(category.slug); parent && chain.length < 10; parent = parents.get(parent)) {
      if (chain.includes(parent)) break;
      chain.unshift(parent);
    }
    const to = categoryPath(section.edition, section.slug);
    at.want(oldPathOf(`${at.base}/category/${chain.join('/')}`, at.origin), to);
    at.want(oldPathOf(`${at.base}/category/${category.slug}`, at.origin), to);
  }
  const tags = await byId(
    [...at.tagLinks.values()].map((l) => l.targetId),
    (ids) => db.selectFrom('tags').select(['id', 'edition', 'slug']).where('id', 'in', ids).execute(),
  );
  for (const tag of doc.tags) {
    const row = tags.get(at.tagLinks.get(tag.slug)?.targetId ?? -1);
    if (row) at.want(oldPathOf(`${at.base}/tag/${tag.slug}`, at.origin), tagPath(row.edition, row.slug));
  }
}
