// Writing the static page tree: create, change and delete a page. A page's path is its
// parent's path plus its slug, so changing a slug or a parent moves the pages below it too.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { toDbTime } from '../core/db/dialect.ts';
import type { Database, PageRow } from '../core/db/schema.ts';
import { runCommand, type WriteContext } from '../core/events/index.ts';
import { AppError } from '../core/http/errors.ts';
import { sanitizeBody } from '../core/text/sanitize.ts';
import { slugify } from '../core/text/slug.ts';
import { InputError, parseInput } from '../core/validation.ts';
import './events.ts';

type Db = Kysely<Database>;

const PAGE_STATUSES = ['draft', 'published'] as const;

const fields = {
  title: z.string().trim().min(1, 'is required').max(300, 'is longer than 300 characters'),
  slug: z.string().trim().max(200, 'is longer than 200 characters'),
  summary: z.string().trim().max(2000, 'is longer than 2000 characters'),
  bodyHtml: z.string().max(1_000_000, 'is longer than 1,000,000 characters'),
  parentId: z.number().int().positive().nullable(),
  position: z.number().int().min(0).max(100_000),
  status: z.enum(PAGE_STATUSES, { message: `must be one of ${PAGE_STATUSES.join(', ')}` }),
};
const createInput = z
  .strictObject({
    ...fields,
    edition: z.string().min(1, 'is required'),
    /** A page in another edition that this one translates. */
    translationOf: z.number().int().positive(),
  })
  .partial()
  .required({ edition: true, title: true });
const updateInput = z.strictObject(fields).partial();

/** Input that cannot become a page; lists every problem (a 400). */
export class PageInputError extends InputError {
  constructor(problems: readonly string[]) {
    super(problems);
    this.name = 'PageInputError';
  }
}

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  return parseInput(schema, raw, (problems) => new PageInputError(problems));
}

async function parentOf(trx: Db, edition: string, parentId: number | null | undefined): Promise<PageRow | undefined> {
  if (parentId == null) return undefined;
  const parent = await trx.selectFrom('pages').selectAll().where('id', '=', parentId).executeTakeFirst();
  if (!parent || parent.edition !== edition)
    throw new PageInputError([`parentId ${parentId} is not a page of "${edition}"`]);
  return parent;
}

async function checkFreePath(trx: Db, edition: string, path: string, selfId?: number): Promise<void> {
  const clash = await trx
    .selectFrom('pages')
    .select('id')
    .where('edition', '=', edition)
    .where('path', '=', path)
    .$if(selfId !== undefined, (q) => q.where('id', '!=', selfId!))
    .executeTakeFirst();
  if (clash) throw new PageInputError([`the address ${path} is taken by another page`]);
}

/** Creates a page (a draft unless a status is given). */
export async function createPage(w: WriteContext, raw: z.input<typeof createInput>): Promise<PageRow> {
  const input = parse(createInput, raw);
  const now = toDbTime(w.now());
  return runCommand(w, async (trx, emit) => {
    const parent = await parentOf(trx, input.edition, input.parentId);
    const slug = slugify(input.slug || input.title);
    const path = parent ? `${parent.path}/${slug}` : slug;
    await checkFreePath(trx, input.edition, path);
    let group: string = randomUUID();
    if (input.translationOf !== undefined) {
      const original = await trx
        .selectFrom('pages')
        .select(['edition', 'translation_group'])
        .where('id', '=', input.translationOf)
        .executeTakeFirst();
      if (!original || original.edition === input.edition)
        throw new PageInputError([`translationOf ${input.translationOf} is not a page of another edition`]);
      group = original.translation_group;
    }
    const row = await trx
      .insertInto('pages')
      .values({
        edition: input.edition,
        translation_group: group,
        parent_id: parent?.id ?? null,
        slug,
        path,
        title: input.title,
        summary: input.summary ?? '',
        body_html: sanitizeBody(input.bodyHtml ?? ''),
        position: input.position ?? 0,
        status: input.status ?? 'draft',
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await emit('page.created', { pageId: row.id, edition: row.edition });
    return row;
  });
}

/** Changes a page; a new slug or parent moves the page and every page below it. */
export async function updatePage(w: WriteContext, pageId: number, raw: z.input<typeof updateInput>): Promise<PageRow> {
  const input = parse(updateInput, raw);
  return runCommand(w, async (trx, emit) => {
    const current = await trx.selectFrom('pages').selectAll().where('id', '=', pageId).executeTakeFirst();
    if (!current) throw new AppError('page_not_found');
    const parentId = input.parentId === undefined ? current.parent_id : input.parentId;
    const parent = await parentOf(trx, current.edition, parentId);
    if (parent && (parent.id === pageId || parent.path.startsWith(`${current.path}/`)))
      throw new PageInputError([`parentId ${parent.id} would put the page inside itself`]);
    const slug = input.slug !== undefined ? slugify(input.slug || input.title || current.title) : current.slug;
    const path = parent ? `${parent.path}/${slug}` : slug;
    if (path !== current.path) {
      await checkFreePath(trx, current.edition, path, pageId);
      await moveDescendants(trx, current, path);
    }
    const row = await trx
      .updateTable('pages')
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        ...(input.bodyHtml !== undefined ? { body_html: sanitizeBody(input.bodyHtml) } : {}),
        ...(input.position !== undefined ? { position: input.position } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        parent_id: parent?.id ?? null,
        slug,
        path,
        updated_at: toDbTime(w.now()),
      })
      .where('id', '=', pageId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await emit('page.updated', { pageId, edition: row.edition });
    return row;
  });
}

/** Rewrites the paths of the pages below a page that moves to `newPath`. */
async function moveDescendants(trx: Db, page: PageRow, newPath: string): Promise<void> {
  const below = await trx
    .selectFrom('pages')
    .select(['id', 'path'])
    .where('edition', '=', page.edition)
    .where('path', 'like', `${page.path.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`)
    .execute();
  for (const p of below) {
    if (!p.path.startsWith(`${page.path}/`)) continue; // LIKE's escape differs per engine: check again
    await trx
      .updateTable('pages')
      .set({ path: newPath + p.path.slice(page.path.length) })
      .where('id', '=', p.id)
      .execute();
  }
}

/** Deletes a page that has no pages below it. */
export async function deletePage(w: WriteContext, pageId: number): Promise<void> {
  await runCommand(w, async (trx, emit) => {
    const current = await trx.selectFrom('pages').selectAll().where('id', '=', pageId).executeTakeFirst();
    if (!current) throw new AppError('page_not_found');
    const child = await trx
      .selectFrom('pages')
      .select('id')
      .where('parent_id', '=', pageId)
      .limit(1)
      .executeTakeFirst();
    if (child) throw new PageInputError([`page "${current.title}" has pages below it`]);
    await trx.deleteFrom('pages').where('id', '=', pageId).execute();
    await emit('page.deleted', { pageId, edition: current.edition });
  });
}
