// Writing sections and tags: create, change and delete a section, rename a tag. Each records
// its event; renaming a tag re-indexes the stories that carry it (the search consumer does).
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { CategoryRow, Database, TagRow } from '../core/db/schema.ts';
import { runCommand, type WriteContext } from '../core/events/index.ts';
import { AppError } from '../core/http/errors.ts';
import { slugify } from '../core/text/slug.ts';
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
    const row = await trx
      .updateTable('categories')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.slug !== undefined ? { slug: slugify(input.slug || input.name || current.name) } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
        ...(input.position !== undefined ? { position: input.position } : {}),
      })
      .where('id', '=', categoryId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await emit('category.updated', { categoryId: row.id, edition: row.edition });
    return row;
  });
}

/** Deletes a section that holds no stories and no sections. */
export async function deleteCategory(w: WriteContext, categoryId: number): Promise<void> {
  await runCommand(w, async (trx, emit) => {
    const current = await trx.selectFrom('categories').selectAll().where('id', '=', categoryId).executeTakeFirst();
    if (!current) throw new AppError('category_not_found');
    const [story, child] = await Promise.all([
      trx.selectFrom('articles').select('id').where('category_id', '=', categoryId).limit(1).executeTakeFirst(),
      trx.selectFrom('categories').select('id').where('parent_id', '=', categoryId).limit(1).executeTakeFirst(),
    ]);
    if (story || child)
      throw new ArticleInputError([`section "${current.name}" still holds ${story ? 'stories' : 'sections'}`]);
    await trx.deleteFrom('categories').where('id', '=', categoryId).execute();
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
    await emit('tag.renamed', { tagId, edition: row.edition });
    return row;
  });
}
