// Writing sections and tags: create, change and delete a section, rename and merge tags. Each
// records its event; renaming or merging tags re-indexes the stories that carry them (the search
// consumer does).
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { CategoryRow, Database, TagRow } from '../core/db/schema.ts';
import { runCommand, type WriteContext } from '../core/events/index.ts';
import { AppError } from '../core/http/errors.ts';
import { slugify } from '../core/text/slug.ts';
import { dropOldSlugs, keepOldSlug, moveOldSlugs } from './slug-redirects.ts';
import { parseInput } from '../core/validation.ts';
import { ArticleInputError } from './commands.ts';
import './events.ts';

type Db = Kysely<Database>;

const categoryFields = {
  name: z.string().trim().min(1, 'is required').max(120, 'is longer than 120 characters'),
  slug: z.string().trim().max(120, 'is longer than 120 characters'),
  description: z.string().trim().max(2000, 'is longer than 2000 characters'),
  parentId: z.number().int().positive().nullable(),
  position: z.number().int().min(0).max(100_000),
};
const createCategoryInput = z
  .strictObject({ ...categoryFields, edition: z.string().min(1, 'is required') })
  .partial()
  .required({ edition: true, name: true });
const updateCategoryInput = z.strictObject(categoryFields).partial();

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  return parseInput(schema, raw, (problems) => new ArticleInputError(problems));
}

/** Checks that a parent is a section of the same edition and not the section itself or below it. */
async function checkParent(trx: Db, edition: string, parentId: number | null | undefined, selfId?: number) {
  if (parentId == null) return;
  const all = await trx
    .selectFrom('categories')
    .select(['id', 'parent_id', 'edition'])
    .where('edition', '=', edition)
    .execute();
  const parent = all.find((c) => c.id === parentId);
  if (!parent) throw new ArticleInputError([`parentId ${parentId} is not a section of "${edition}"`]);
  for (let id: number | null = parentId; id !== null; id = all.find((c) => c.id === id)?.parent_id ?? null) {
    if (id === selfId) throw new ArticleInputError([`parentId ${parentId} would put the section inside itself`]);
  }
}

/** Creates a section of an edition. */
export async function createCategory(w: WriteContext, raw: z.input<typeof createCategoryInput>): Promise<CategoryRow> {
  const input = parse(createCategoryInput, raw);
  return runCommand(w, async (trx, emit) => {
    await checkParent(trx, input.edition, input.parentId);
    const slug = slugify(input.slug || input.name);
    const clash = await trx
      .selectFrom('categories')
      .select('id')
      .where('edition', '=', input.edition)
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (clash) throw new ArticleInputError([`slug "${slug}" is taken by another section of "${input.edition}"`]);
    const row = await trx
      .insertInto('categories')
      .values({
        edition: input.edition,
        parent_id: input.parentId ?? null,
        slug,
        name: input.name,
        description: input.description ?? '',
        position: input.position ?? 0,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await emit('category.created', { categoryId: row.id, edition: row.edition });
    return row;
  });
}

/** Changes a section's name, slug, description, parent or place. */
export async function updateCategory(
  w: WriteContext,
  categoryId: number,
  raw: z.input<typeof updateCategoryInput>,
): Promise<CategoryRow> {
  const input = parse(updateCategoryInput, raw);
  return runCommand(w, async (trx, emit) => {
    const current = await trx.selectFrom('categories').selectAll().where('id', '=', categoryId).executeTakeFirst();
    if (!current) throw new AppError('category_not_found');
    await checkParent(trx, current.edition, input.parentId, categoryId);
    const slug = input.slug !== undefined ? slugify(input.slug || input.name || current.name) : undefined;
    if (slug !== undefined && slug !== current.slug) {
      const clash = await trx
        .selectFrom('categories')
        .select('id')
        .where('edition', '=', current.edition)
        .where('slug', '=', slug)
        .where('id', '!=', categoryId)
        .executeTakeFirst();
      if (clash) throw new ArticleInputError([`slug "${slug}" is taken by another section of "${current.edition}"`]);
    }
    const row = await trx
      .updateTable('categories')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(slug !== undefined ? { slug } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
        ...(input.position !== undefined ? { position: input.position } : {}),
      })
      .where('id', '=', categoryId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await keepOldSlug(
      trx,
      { kind: 'category', edition: row.edition, oldSlug: current.slug, newSlug: row.slug, targetId: row.id },
      w.now(),
    );
    await emit('category.updated', { categoryId: row.id, edition: row.edition });
    return row;
  });
}

/** A section that cannot be deleted: it still holds stories or sections (how many of each). */
export class CategoryInUseError extends ArticleInputError {
  constructor(
    readonly sectionName: string,
    readonly articles: number,
    readonly sections: number,
  ) {
    super([`section "${sectionName}" still holds ${articles} stories and ${sections} sections`]);
    this.name = 'CategoryInUseError';
  }
}

/**
 * Deletes a section that holds no stories and no sections. One that holds any is refused with
 * a CategoryInUseError saying how many (nothing cascades: stories are never deleted with it).
 */
export async function deleteCategory(w: WriteContext, categoryId: number): Promise<void> {
  await runCommand(w, async (trx, emit) => {
    const current = await trx.selectFrom('categories').selectAll().where('id', '=', categoryId).executeTakeFirst();
    if (!current) throw new AppError('category_not_found');
    const [stories, children] = await Promise.all([
      trx
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('category_id', '=', categoryId)
        .executeTakeFirstOrThrow(),
      trx
        .selectFrom('categories')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('parent_id', '=', categoryId)
        .executeTakeFirstOrThrow(),
    ]);
    const articles = Number(stories.n);
    const sections = Number(children.n);
    if (articles > 0 || sections > 0) throw new CategoryInUseError(current.name, articles, sections);
    await trx.deleteFrom('categories').where('id', '=', categoryId).execute();
    await dropOldSlugs(trx, 'category', categoryId);
    await emit('category.deleted', { categoryId, edition: current.edition });
  });
}

/** Renames a tag (its slug follows unless another tag of the edition has it). */
export async function renameTag(w: WriteContext, tagId: number, rawName: string): Promise<TagRow> {
  const name = parse(categoryFields.name, rawName);
  return runCommand(w, async (trx, emit) => {
    const current = await trx.selectFrom('tags').selectAll().where('id', '=', tagId).executeTakeFirst();
    if (!current) throw new AppError('tag_not_found');
    const slug = slugify(name);
    const clash = await trx
      .selectFrom('tags')
      .select('id')
      .where('edition', '=', current.edition)
      .where('slug', '=', slug)
      .where('id', '!=', tagId)
      .executeTakeFirst();
    if (clash) throw new ArticleInputError([`tag "${name}" exists already in "${current.edition}"`]);
    const row = await trx
      .updateTable('tags')
      .set({ name, slug })
      .where('id', '=', tagId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await keepOldSlug(
      trx,
      { kind: 'tag', edition: row.edition, oldSlug: current.slug, newSlug: row.slug, targetId: row.id },
      w.now(),
    );
    await emit('tag.renamed', { tagId, edition: row.edition });
    return row;
  });
}

/** What a merge did: links moved to the kept tag, and links dropped as duplicates. */
export interface TagMerge {
  readonly moved: number;
  readonly duplicates: number;
}

/**
 * Merges tag `fromId` into `intoId` (both of one edition): every story tagged with the first is
 * tagged with the second (once, however it was tagged before), and the first tag is deleted.
 */
export async function mergeTags(w: WriteContext, fromId: number, intoId: number): Promise<TagMerge> {
  return runCommand(w, async (trx, emit) => {
    const tags = await trx.selectFrom('tags').selectAll().where('id', 'in', [fromId, intoId]).execute();
    const from = tags.find((t) => t.id === fromId);
    const into = tags.find((t) => t.id === intoId);
    if (!from || !into) throw new AppError('tag_not_found');
    if (from.id === into.id) throw new ArticleInputError(['a tag cannot be merged into itself']);
    if (from.edition !== into.edition)
      throw new ArticleInputError([`tag "${into.name}" is not a tag of "${from.edition}"`]);
    // Stories that carry both keep their one link to the kept tag; the others move over (an
    // update keeps each link's published_at, which triggers maintain per story).
    const moved = await trx
      .updateTable('article_tags')
      .set({ tag_id: into.id })
      .where('tag_id', '=', from.id)
      .where('article_id', 'not in', (eb) =>
        eb.selectFrom('article_tags as kept').select('kept.article_id').where('kept.tag_id', '=', into.id),
      )
      .executeTakeFirst();
    const dropped = await trx.deleteFrom('article_tags').where('tag_id', '=', from.id).executeTakeFirst();
    await trx.deleteFrom('tags').where('id', '=', from.id).execute();
    // The merged tag's address, and any it had before, lead to the kept tag.
    await moveOldSlugs(trx, 'tag', from.id, into.id);
    await keepOldSlug(
      trx,
      { kind: 'tag', edition: into.edition, oldSlug: from.slug, newSlug: into.slug, targetId: into.id },
      w.now(),
    );
    await emit('tag.merged', { tagId: into.id, mergedTagId: from.id, edition: into.edition });
    return { moved: Number(moved.numUpdatedRows), duplicates: Number(dropped.numDeletedRows) };
  });
}
