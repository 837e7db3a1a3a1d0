// Writing articles: create, update, publish or unpublish, delete. Each is one command: it
// validates its input, sanitises the body and records what happened as an event in the same
// transaction; the search index and the caches follow the events (see ./events.ts).
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
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
  unpublishAt: z.date().nullable(),
  isFeatured: z.boolean(),
  featuredMediaId: id.nullable(),
  imageCaption: text(1000),
  imageCredit: text(300),
  imageAlt: text(500),
  tags: z.array(text(100).min(1, 'must not be empty')).max(50, 'has more than 50 tags'),
  correctionNote: text(2000),
  /** The version of its source a translation was saved against (the newsroom sets it). */
  translatedFromVersion: z.number().int().nonnegative().nullable(),
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

/** What an article may point at; a key left out (or an author or photo of null) is not checked. */
interface References {
  edition?: string;
  categoryId?: number;
  authorId?: number | null;
  featuredMediaId?: number | null;
}

/**
 * Checks that the rows an article points at exist (its edition too, when `refs.edition` is
 * given), and its section is in its edition: one query for all of them, as every newsroom save
 * runs it. A missing edition is the only problem reported then.
 */
async function checkReferences(trx: Db, edition: string, refs: References): Promise<void> {
  const { categoryId, authorId, featuredMediaId } = refs;
  if (refs.edition === undefined && categoryId === undefined && authorId == null && featuredMediaId == null) return;
  // One text for every call (a reference not checked looks for null, which matches no row), so
  // the statement is prepared once; written out, as the query builder took longer to build it
  // than the database to run it.
  const { rows } = await sql<{
    edition: string | null;
    category_edition: string | null;
    author_id: number | null;
    media_id: number | null;
  }>`select
      (select code from editions where code = ${refs.edition ?? null}) as edition,
      (select edition from categories where id = ${categoryId ?? null}) as category_edition,
      (select id from users where id = ${authorId ?? null}) as author_id,
      (select id from media where id = ${featuredMediaId ?? null}) as media_id`.execute(trx);
  const found = rows[0]!;
  if (refs.edition !== undefined && found.edition == null)
    throw new ArticleInputError([`edition "${refs.edition}" does not exist`]);
  const problems: string[] = [];
  if (categoryId !== undefined) {
    if (found.category_edition == null) problems.push(`categoryId ${categoryId} does not exist`);
    else if (found.category_edition !== edition)
      problems.push(`categoryId ${categoryId} is not a section of "${edition}"`);
  }
  if (authorId != null && found.author_id == null) problems.push(`authorId ${authorId} does not exist`);
  if (featuredMediaId != null && found.media_id == null)
    problems.push(`featuredMediaId ${featuredMediaId} does not exist`);
  if (problems.length) throw new ArticleInputError(problems);
}

/**
 * Replaces an article's tags with these names, creating the tags its edition lacks (in the
 * order of the names, so a tag's id follows its first use). A new article has no tags to delete.
 */
async function replaceTags(
  trx: Db,
  articleId: number,
  edition: string,
  names: readonly string[],
  isNewArticle = false,
): Promise<void> {
  if (!isNewArticle) await trx.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  const bySlug = new Map(names.map((name) => [slugify(name), name]));
  if (bySlug.size === 0) return;
  const slugs = [...bySlug.keys()];
  const existing = await trx
    .selectFrom('tags')
    .select(['id', 'slug'])
    .where('edition', '=', edition)
    .where('slug', 'in', slugs)
    .execute();
  const idOf = new Map(existing.map((tag) => [tag.slug, tag.id]));
  for (const [slug, name] of bySlug) {
    if (idOf.has(slug)) continue;
    const tag = await trx.insertInto('tags').values({ edition, slug, name }).returning('id').executeTakeFirstOrThrow();
    idOf.set(slug, tag.id);
  }
  await trx
    .insertInto('article_tags')
    .values(slugs.map((slug) => ({ article_id: articleId, tag_id: idOf.get(slug)! })))
    .execute();
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
  if (input.unpublishAt !== undefined) columns.unpublish_at = input.unpublishAt && toDbTime(input.unpublishAt);
  if (input.isFeatured !== undefined) columns.is_featured = input.isFeatured ? 1 : 0;
  if (input.featuredMediaId !== undefined) columns.featured_media_id = input.featuredMediaId;
  if (input.imageCaption !== undefined) columns.image_caption = input.imageCaption;
  if (input.imageCredit !== undefined) columns.image_credit = input.imageCredit;
  if (input.imageAlt !== undefined) columns.image_alt = input.imageAlt;
  if (input.correctionNote !== undefined) columns.correction_note = input.correctionNote;
  if (input.translatedFromVersion !== undefined) columns.translated_from_version = input.translatedFromVersion;
  return columns;
}

/** A save made from an older version than the stored one: refused, nothing overwritten. */
export class ArticleConflictError extends AppError {
  constructor(readonly current: ArticleRow) {
    super('conflict', 'Someone else saved this article after you opened it.');
    this.name = 'ArticleConflictError';
  }
}

/** The editable fields of a row, as a revision keeps them. */
export function snapshotOf(row: ArticleRow, tags: readonly string[]): Record<string, unknown> {
  return {
    title: row.title,
    slug: row.slug,
    summary: row.summary,
    bodyHtml: row.body_html,
    dateline: row.dateline,
    source: row.source,
    byline: row.byline,
    authorId: row.author_id,
    categoryId: row.category_id,
    status: row.status,
    publishedAt: row.published_at === null ? null : new Date(row.published_at).toISOString(),
    isFeatured: Boolean(row.is_featured),
    featuredMediaId: row.featured_media_id,
    imageCaption: row.image_caption,
    imageCredit: row.image_credit,
    imageAlt: row.image_alt,
    correctionNote: row.correction_note,
    tags,
  };
}

async function tagNames(trx: Db, articleId: number): Promise<string[]> {
  const rows = await trx
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select('tags.name')
    .where('article_tags.article_id', '=', articleId)
    .orderBy('tags.name')
    .execute();
  return rows.map((r) => r.name);
}

/** Keeps the article as just saved (one revision per save) and, when its status moved, the step. */
async function recordSave(
  trx: Db,
  w: WriteContext,
  row: ArticleRow,
  fromStatus: ArticleStatus | null,
  comment: string,
): Promise<void> {
  const at = toDbTime(w.now());
  await trx
    .insertInto('article_revisions')
    .values({
      article_id: row.id,
      version: row.version,
      actor_id: w.actorId ?? null,
      created_at: at,
      snapshot: JSON.stringify(snapshotOf(row, await tagNames(trx, row.id))),
    })
    .execute();
  if (fromStatus !== row.status || comment) {
    await trx
      .insertInto('article_status_log')
      .values({
        article_id: row.id,
        from_status: fromStatus,
        to_status: row.status,
        actor_id: w.actorId ?? null,
        at,
        comment,
      })
      .execute();
  }
}

/** Creates an article (a draft unless a status is given; publishing without a time means now). */
export async function createArticle(w: WriteContext, raw: CreateArticleInput): Promise<ArticleRow> {
  const input = parse(createInput, raw);
  const now = w.now();
  return runCommand(w, async (trx, emit) => {
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
        // The newsroom's columns only when set (their defaults otherwise), so the seed and the
        // migration tests can write stories against a schema from before them.
        ...(input.correctionNote ? { correction_note: input.correctionNote } : {}),
        ...(w.actorId != null ? { created_by: w.actorId } : {}),
        ...(input.unpublishAt ? { unpublish_at: toDbTime(input.unpublishAt) } : {}),
        ...(input.translationOf !== undefined ? { translated_from: input.translationOf } : {}),
        ...(input.translatedFromVersion != null ? { translated_from_version: input.translatedFromVersion } : {}),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.tags?.length) await replaceTags(trx, row.id, row.edition, input.tags, true);
    if (w.actorId != null) await recordSave(trx, w, row, null, '');
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

/** How a newsroom save is made: from which version, with which comment for the status history. */
export interface SaveOptions {
  /** The version the editor opened; a different stored version refuses the save (ArticleConflictError). */
  readonly expectedVersion?: number;
  /** A reviewer's or writer's note kept with the status change. */
  readonly comment?: string;
}

/** Changes the given fields of an article; a 404 AppError when there is no such article. */
export async function updateArticle(
  w: WriteContext,
  articleId: number,
  raw: UpdateArticleInput,
  options: SaveOptions = {},
): Promise<ArticleRow> {
  const input = parse(updateInput, raw);
  const now = w.now();
  return runCommand(w, async (trx, emit) => {
    const current = await trx.selectFrom('articles').selectAll().where('id', '=', articleId).executeTakeFirst();
    if (!current) throw new AppError('article_not_found');
    if (options.expectedVersion !== undefined && options.expectedVersion !== current.version)
      throw new ArticleConflictError(current);
    await checkReferences(trx, current.edition, input);
    const columns = toColumns(input);
    columns.version = current.version + 1;
    // An edit to a story readers have seen shows as "Updated" on it.
    const wasOut =
      current.status === 'published' && current.published_at !== null && new Date(current.published_at) <= now;
    if (wasOut && changed(current, columns)) {
      columns.content_updated_at = toDbTime(now);
    }
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
    if (w.actorId != null) await recordSave(trx, w, row, current.status, options.comment ?? '');
    const fact = { articleId: row.id, edition: row.edition };
    if (row.status === 'published' && current.status !== 'published') await emitPublished(emit, row);
    else if (row.status !== 'published' && current.status === 'published') await emit('article.unpublished', fact);
    else await emit('article.updated', fact);
    return row;
  });
}

/** What a refused save sent: the text fields the writer typed (the rest is the article as it stands). */
export interface RefusedSave {
  readonly title?: string;
  readonly summary?: string;
  readonly bodyHtml?: string;
  readonly tags?: readonly string[];
}

/**
 * Keeps the text of a save refused because someone else saved first (ArticleConflictError): a
 * revision beside the current version, marked with the version it was based on, so nothing a
 * writer typed is lost. The article itself does not change. Records 'article.save_refused'.
 */
export async function keepRefusedSave(
  w: WriteContext,
  articleId: number,
  sent: RefusedSave,
  basedOnVersion: number,
): Promise<void> {
  await runCommand(w, async (trx, emit) => {
    const current = await trx.selectFrom('articles').selectAll().where('id', '=', articleId).executeTakeFirst();
    if (!current) return;
    const snapshot = {
      ...snapshotOf(current, await tagNames(trx, articleId)),
      ...(sent.title === undefined ? {} : { title: sent.title }),
      ...(sent.summary === undefined ? {} : { summary: sent.summary }),
      // Sanitised like any saved body: a revision can be shown and restored.
      ...(sent.bodyHtml === undefined ? {} : { bodyHtml: sanitizeBody(sent.bodyHtml) }),
      ...(sent.tags === undefined ? {} : { tags: sent.tags }),
      conflictOf: basedOnVersion,
    };
    await trx
      .insertInto('article_revisions')
      .values({
        article_id: articleId,
        version: current.version,
        actor_id: w.actorId ?? null,
        created_at: toDbTime(w.now()),
        snapshot: JSON.stringify(snapshot),
      })
      .execute();
    await emit('article.save_refused', { articleId, edition: current.edition, basedOnVersion });
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

/** Whether the columns to set differ from the stored row in a column readers see (an edit, not a re-save). */
function changed(current: ArticleRow, columns: ArticleUpdate): boolean {
  const keys = ['title', 'summary', 'body_html', 'dateline', 'source', 'featured_media_id', 'correction_note'] as const;
  return keys.some((k) => columns[k] !== undefined && columns[k] !== current[k]);
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
