// Writing articles: create, update, publish or unpublish, delete. Each is one command: it
// validates its input, sanitises the body and records what happened as an event in the same
// transaction; the search index and the caches follow the events (see ./events.ts).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { toDbTime } from '../core/db/dialect.ts';
import type { ArticleRow, ArticleStatus, ArticleUpdate, Database } from '../core/db/schema.ts';
import { AppError } from '../core/http/errors.ts';
import { InputError, parseInput } from '../core/validation.ts';
import { sanitizeBody } from '../core/text/sanitize.ts';
import { slugify } from '../core/text/slug.ts';
import { runCommand, type Emit, type WriteContext } from '../core/events/index.ts';
import './events.ts';

type Db = Kysely<Database>;

const STATUSES = ['draft', 'review', 'published', 'archived'] as const satisfies readonly ArticleStatus[];

const text = (max: number) => z.string().trim().max(max, `is longer than ${max} characters`);
const id = z.number().int().positive();

// Every field an editor can change; the edition is fixed when the article is created.
const editable = {
  categoryId: id,
  authorId: id.nullable(),
  byline: text(200).nullable(),
  title: text(300).min(1, 'is required'),
  slug: text(200),
  summary: text(2000),
  bodyHtml: z.string().max(1_000_000, 'is longer than 1,000,000 characters'),
  dateline: text(100),
  source: text(200),
  status: z.enum(STATUSES, { message: `must be one of ${STATUSES.join(', ')}` }),
  publishedAt: z.date().nullable(),
  isFeatured: z.boolean(),
  featuredMediaId: id.nullable(),
  imageCaption: text(1000),
  imageCredit: text(300),
  imageAlt: text(500),
  tags: z.array(text(100).min(1, 'must not be empty')).max(50, 'has more than 50 tags'),
};

const createInput = z
  .strictObject({
    ...editable,
    edition: text(16).min(1, 'is required'),
    /** An article in another edition that this one translates: they share a translation group. */
    translationOf: id,
  })
  .partial()
  .required({
    edition: true,
    categoryId: true,
    title: true,
  });
const updateInput = z.strictObject(editable).partial();

/** What createArticle accepts: edition, categoryId and title, and any editable field. */
export type CreateArticleInput = z.input<typeof createInput>;
/** What updateArticle accepts: any editable field; tags, when given, replace the old ones. */
export type UpdateArticleInput = z.input<typeof updateInput>;

/** Input that cannot become an article; lists every problem, and is a 400 for the error handler. */
export class ArticleInputError extends InputError {
  constructor(problems: readonly string[]) {
    super(problems);
    this.name = 'ArticleInputError';
  }
}

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  return parseInput(schema, raw, (problems) => new ArticleInputError(problems));
}

/** Checks that the rows an article points at exist, and its section is in its edition. */
async function checkReferences(
  trx: Db,
  edition: string,
  refs: { categoryId?: number; authorId?: number | null; featuredMediaId?: number | null },
): Promise<void> {
  const problems: string[] = [];
  if (refs.categoryId !== undefined) {
    const category = await trx
      .selectFrom('categories')
      .select('edition')
      .where('id', '=', refs.categoryId)
      .executeTakeFirst();
    if (!category) problems.push(`categoryId ${refs.categoryId} does not exist`);
    else if (category.edition !== edition)
      problems.push(`categoryId ${refs.categoryId} is not a section of "${edition}"`);
  }
  if (refs.authorId != null) {
    const author = await trx.selectFrom('users').select('id').where('id', '=', refs.authorId).executeTakeFirst();
    if (!author) problems.push(`authorId ${refs.authorId} does not exist`);
  }
  if (refs.featuredMediaId != null) {
    const media = await trx.selectFrom('media').select('id').where('id', '=', refs.featuredMediaId).executeTakeFirst();
    if (!media) problems.push(`featuredMediaId ${refs.featuredMediaId} does not exist`);
  }
  if (problems.length) throw new ArticleInputError(problems);
}

/** Replaces an article's tags with these names, creating the tags its edition lacks. */
async function replaceTags(trx: Db, articleId: number, edition: string, names: readonly string[]): Promise<void> {
  await trx.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  const bySlug = new Map(names.map((name) => [slugify(name), name]));
  for (const [slug, name] of bySlug) {
    const tag =
      (await trx
        .selectFrom('tags')
        .select('id')
        .where('edition', '=', edition)
        .where('slug', '=', slug)
        .executeTakeFirst()) ??
      (await trx.insertInto('tags').values({ edition, slug, name }).returning('id').executeTakeFirstOrThrow());
    await trx.insertInto('article_tags').values({ article_id: articleId, tag_id: tag.id }).execute();
  }
}

/** The columns an update sets, from validated input (only what was given). */
function toColumns(input: z.output<typeof updateInput>): ArticleUpdate {
  const columns: ArticleUpdate = {};
  if (input.categoryId !== undefined) columns.category_id = input.categoryId;
  if (input.authorId !== undefined) columns.author_id = input.authorId;
  if (input.byline !== undefined) columns.byline = input.byline || null;
  if (input.title !== undefined) columns.title = input.title;
  if (input.slug !== undefined) columns.slug = slugify(input.slug);
  if (input.summary !== undefined) columns.summary = input.summary;
  if (input.bodyHtml !== undefined) columns.body_html = sanitizeBody(input.bodyHtml);
  if (input.dateline !== undefined) columns.dateline = input.dateline;
  if (input.source !== undefined) columns.source = input.source;
  if (input.status !== undefined) columns.status = input.status;
  if (input.publishedAt !== undefined) columns.published_at = input.publishedAt && toDbTime(input.publishedAt);
  if (input.isFeatured !== undefined) columns.is_featured = input.isFeatured ? 1 : 0;
  if (input.featuredMediaId !== undefined) columns.featured_media_id = input.featuredMediaId;
  if (input.imageCaption !== undefined) columns.image_caption = input.imageCaption;
  if (input.imageCredit !== undefined) columns.image_credit = input.imageCredit;
  if (input.imageAlt !== undefined) columns.image_alt = input.imageAlt;
  return columns;
}

/** Creates an article (a draft unless a status is given; publishing without a time means now). */
export async function createArticle(w: WriteContext, raw: CreateArticleInput): Promise<ArticleRow> {
  const input = parse(createInput, raw);
  const now = w.now();
  return runCommand(w, async (trx, emit) => {
    const edition = await trx
      .selectFrom('editions')
      .select('code')
      .where('code', '=', input.edition)
      .executeTakeFirst();
    if (!edition) throw new ArticleInputError([`edition "${input.edition}" does not exist`]);
    await checkReferences(trx, input.edition, input);
    const status = input.status ?? 'draft';
    const publishedAt = input.publishedAt ?? (status === 'published' ? now : null);
    const row = await trx
      .insertInto('articles')
      .values({
        edition: input.edition,
        translation_group: await translationGroupFor(trx, input.edition, input.translationOf),
        category_id: input.categoryId,
        author_id: input.authorId ?? null,
        byline: input.byline || null,
        title: input.title,
        slug: slugify(input.slug || input.title),
        summary: input.summary ?? '',
        body_html: sanitizeBody(input.bodyHtml ?? ''),
        dateline: input.dateline ?? '',
        source: input.source ?? '',
        status,
        is_featured: input.isFeatured ? 1 : 0,
        published_at: publishedAt && toDbTime(publishedAt),
        created_at: toDbTime(now),
        updated_at: toDbTime(now),
        featured_media_id: input.featuredMediaId ?? null,
        image_caption: input.imageCaption ?? '',
        image_credit: input.imageCredit ?? '',
        image_alt: input.imageAlt ?? '',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.tags?.length) await replaceTags(trx, row.id, row.edition, input.tags);
    await emit('article.created', { articleId: row.id, edition: row.edition, status });
    if (status === 'published') await emitPublished(emit, row);
    return row;
  });
}

/** The translation group of the article this one translates (in another edition), or a new one. */
async function translationGroupFor(trx: Db, edition: string, translationOf: number | undefined): Promise<string> {
  if (translationOf === undefined) return randomUUID();
  const original = await trx
    .selectFrom('articles')
    .select(['edition', 'translation_group'])
    .where('id', '=', translationOf)
    .executeTakeFirst();
  if (!original) throw new ArticleInputError([`translationOf ${translationOf} does not exist`]);
  if (original.edition === edition)
    throw new ArticleInputError([`translationOf ${translationOf} is in the same edition "${edition}"`]);
  return original.translation_group;
}

function emitPublished(emit: Emit, row: ArticleRow): Promise<void> {
  const at = row.published_at instanceof Date ? row.published_at.toISOString() : String(row.published_at);
  return emit('article.published', { articleId: row.id, edition: row.edition, publishedAt: at });
}

/** Changes the given fields of an article; a 404 AppError when there is no such article. */
export async function updateArticle(w: WriteContext, articleId: number, raw: UpdateArticleInput): Promise<ArticleRow> {
  const input = parse(updateInput, raw);
  const now = w.now();
  return runCommand(w, async (trx, emit) => {
    const current = await trx.selectFrom('articles').selectAll().where('id', '=', articleId).executeTakeFirst();
    if (!current) throw new AppError('article_not_found');
    await checkReferences(trx, current.edition, input);
    const columns = toColumns(input);
    // Publishing an article that never had a time publishes it now.
    if (input.status === 'published' && input.publishedAt === undefined && current.published_at === null) {
      columns.published_at = toDbTime(now);
    }
    const row = await trx
      .updateTable('articles')
      .set({ ...columns, updated_at: toDbTime(now) })
      .where('id', '=', articleId)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.tags !== undefined) await replaceTags(trx, row.id, row.edition, input.tags);
    const fact = { articleId: row.id, edition: row.edition };
    if (row.status === 'published' && current.status !== 'published') await emitPublished(emit, row);
    else if (row.status !== 'published' && current.status === 'published') await emit('article.unpublished', fact);
    else await emit('article.updated', fact);
    return row;
  });
}

/**
 * Publishes (at `publishedAt`, else at its earlier time, else now; a future time schedules it)
 * or takes an article off the site (draft, review, archived).
 */
export async function setArticleStatus(
  w: WriteContext,
  articleId: number,
  status: ArticleStatus,
  publishedAt?: Date,
): Promise<ArticleRow> {
  return updateArticle(w, articleId, { status, ...(publishedAt ? { publishedAt } : {}) });
}

/** Deletes an article with its tag links, votes and reads; the index drops it on the event. */
export async function deleteArticle(w: WriteContext, articleId: number): Promise<void> {
  await runCommand(w, async (trx, emit) => {
    const deleted = await trx
      .deleteFrom('articles')
      .where('id', '=', articleId)
      .returning(['id', 'edition'])
      .executeTakeFirst();
    if (!deleted) throw new AppError('article_not_found');
    await emit('article.deleted', { articleId: deleted.id, edition: deleted.edition });
  });
}
