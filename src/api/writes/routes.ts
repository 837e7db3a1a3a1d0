// Writes through the public API, for a key with the scope: create and change stories, upload
// images. A key acts as its user: the same commands, the same sanitiser and the same role rules
// as the newsroom's form (articles/newsroom/policy.ts), so a key can never do what its user could
// not do in the browser. Never cached; no CORS (a browser page is not the client these serve).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import {
  ArticleConflictError,
  articlePath,
  createArticle,
  findArticle,
  imageProblems,
  keepRefusedSave,
  mayChange,
  mayCreate,
  stepTo,
  updateArticle,
  type UpdateArticleInput,
} from '../../articles/index.ts';
import { toDate } from '../../core/db/dialect.ts';
import type { ArticleRow, ArticleStatus } from '../../core/db/schema.ts';
import { AppError } from '../../core/http/errors.ts';
import { InputError } from '../../core/validation.ts';
import { MAX_UPLOAD_BYTES, imageUrl, ingestImage, largestWidth, toImage } from '../../media/index.ts';
import { can } from '../../newsroom/index.ts';
import { requireScope, type ApiPrincipal } from '../keys/authenticate.ts';
import { absolute, presenterOf, timeText } from '../present.ts';
import { ArticleChangeSchema, ArticleCreateSchema, WRITE_SCHEMAS } from './schemas.ts';

/** A story's fields as the API names them. */
interface ArticleFields {
  section_id?: number;
  title?: string;
  slug?: string;
  summary?: string;
  body_html?: string;
  dateline?: string;
  source?: string;
  byline?: string | null;
  author_id?: number | null;
  tags?: string[];
  image_id?: number | null;
  image_alt?: string;
  image_caption?: string;
  image_credit?: string;
  status?: ArticleStatus;
  publish_at?: string;
}

const ERRORS = {
  400: {
    description: 'A field is missing or wrong (`invalid_request`, `bad_request` with every problem).',
    $ref: 'Error#',
  },
  401: { description: 'No API key, or one that is not valid (`unauthorized`).', $ref: 'Error#' },
  403: { description: 'The key lacks the scope, or its user the role (`forbidden`).', $ref: 'Error#' },
  429: {
    description: 'The key made too many requests this minute (`too_many_requests`, see Retry-After).',
    $ref: 'Error#',
  },
};

const SECURITY = [{ apiKey: [] }];

/** The command input of the API's fields: only those given. */
function toInput(body: ArticleFields, publishAt: Date | undefined): UpdateArticleInput {
  const input: UpdateArticleInput = {};
  if (body.section_id !== undefined) input.categoryId = body.section_id;
  if (body.title !== undefined) input.title = body.title;
  if (body.slug !== undefined || body.title !== undefined) input.slug = body.slug?.trim() || body.title;
  if (body.summary !== undefined) input.summary = body.summary;
  if (body.body_html !== undefined) input.bodyHtml = body.body_html;
  if (body.dateline !== undefined) input.dateline = body.dateline;
  if (body.source !== undefined) input.source = body.source;
  if (body.byline !== undefined) input.byline = body.byline;
  if (body.author_id !== undefined) input.authorId = body.author_id;
  if (body.tags !== undefined) input.tags = body.tags;
  if (body.image_id !== undefined) input.featuredMediaId = body.image_id;
  if (body.image_alt !== undefined) input.imageAlt = body.image_alt;
  if (body.image_caption !== undefined) input.imageCaption = body.image_caption;
  if (body.image_credit !== undefined) input.imageCredit = body.image_credit;
  if (body.status !== undefined) input.status = body.status;
  if (publishAt) input.publishedAt = publishAt;
  return input;
}

/** `publish_at` as a time, or a 400 (the schema's format check lets some odd strings through). */
function publishAtOf(body: ArticleFields): Date | undefined {
  if (body.publish_at === undefined) return undefined;
  const at = new Date(body.publish_at);
  if (Number.isNaN(at.getTime())) throw new InputError(['publish_at: is not a date and time']);
  return at;
}

function writerOf(ctx: AppContext, key: ApiPrincipal) {
  return { db: ctx.db, events: ctx.events, now: () => ctx.now(), actorId: key.staff.id };
}

function idOf(raw: string): number {
  const id = Number(raw);
  if (!/^[1-9][0-9]{0,9}$/.test(raw) || id >= 2 ** 31) throw new AppError('article_not_found');
  return id;
}

/**
 * Refuses a body field the schema does not name. Fastify's validator would drop it
 * (`removeAdditional`), and a misspelt "titel" would then be a change that silently did nothing.
 */
function refuseUnknownFields(schema: { properties: Record<string, unknown> }) {
  const known = new Set(Object.keys(schema.properties));
  return async (request: FastifyRequest): Promise<void> => {
    const body = request.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return;
    const unknown = Object.keys(body).filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new AppError(
        'invalid_request',
        `Unknown field "${unknown[0]!.slice(0, 40)}". Fields: ${[...known].join(', ')}.`,
      );
    }
  };
}

/** Writes are per client and change things: never stored by anyone. */
async function noStore(_request: FastifyRequest, reply: import('fastify').FastifyReply): Promise<void> {
  void reply.header('cache-control', 'private, no-store');
}

export async function writeApiRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  for (const schema of WRITE_SCHEMAS) app.addSchema(schema);
  app.addHook('onRequest', noStore);

  const present = (row: ArticleRow) => {
    const p = presenterOf(ctx);
    const publishedAt = row.published_at === null ? null : toDate(row.published_at);
    const isOut = row.status === 'published' && publishedAt !== null && publishedAt <= ctx.now();
    return {
      id: row.id,
      edition: row.edition,
      status: row.status,
      version: row.version,
      title: row.title,
      slug: row.slug,
      published_at: publishedAt && timeText(p, publishedAt),
      updated_at: timeText(p, toDate(row.updated_at)),
      url: isOut ? absolute(p, articlePath(row)) : null,
      newsroom_url: absolute(p, `/newsroom/articles/${row.id}`),
    };
  };

  app.post<{ Body: ArticleFields & { edition: string } }>(
    '/v1/articles',
    {
      schema: {
        operationId: 'createArticle',
        summary: 'Create a story (scope articles:write).',
        tags: ['Writing'],
        security: SECURITY,
        body: { $ref: 'ArticleCreate#' },
        response: { 201: { description: 'The story as stored.', $ref: 'WrittenArticle#' }, ...ERRORS },
      },
      onRequest: async (request) => void requireScope(request, 'articles:write'),
      preValidation: refuseUnknownFields(ArticleCreateSchema),
    },
    async (request, reply) => {
      const key = requireScope(request, 'articles:write');
      const body = request.body;
      const step = stepTo(undefined, body.status ?? 'draft');
      if (!mayCreate(key.staff, body.edition, step)) {
        throw new AppError(
          'forbidden',
          `The key's user may not ${step === 'save' ? 'write' : step} stories in "${body.edition}".`,
        );
      }
      const input = toInput(body, publishAtOf(body));
      const problems = await imageProblems(ctx.db, key.staff, body.edition, input.featuredMediaId, null);
      if (problems.length) throw new InputError(problems);
      const row = await createArticle(writerOf(ctx, key), {
        ...input,
        edition: body.edition,
        categoryId: body.section_id!,
        title: body.title!,
      });
      return reply.code(201).send(present(row));
    },
  );

  app.patch<{ Params: { id: string }; Body: ArticleFields & { version: number } }>(
    '/v1/articles/:id',
    {
      schema: {
        operationId: 'changeArticle',
        summary: 'Change a story, publish it or take it off (scope articles:write).',
        tags: ['Writing'],
        security: SECURITY,
        params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9]{1,10}$' } }, required: ['id'] },
        body: { $ref: 'ArticleChange#' },
        response: {
          200: { description: 'The story as stored.', $ref: 'WrittenArticle#' },
          ...ERRORS,
          404: { description: 'No such story (`article_not_found`).', $ref: 'Error#' },
          409: {
            description: 'Someone saved a newer version (`conflict`); what was sent is kept as a revision.',
            $ref: 'Error#',
          },
        },
      },
      onRequest: async (request) => void requireScope(request, 'articles:write'),
      preValidation: refuseUnknownFields(ArticleChangeSchema),
    },
    async (request) => {
      const key = requireScope(request, 'articles:write');
      const article = await findArticle(ctx.db, idOf(request.params.id));
      // A story the user may not even open is not found, as in the newsroom's list.
      if (
        !article ||
        !can(key.staff, 'article.edit', {
          edition: article.edition,
          ownerId: article.created_by,
          status: article.status,
        })
      ) {
        throw new AppError('article_not_found');
      }
      const body = request.body;
      const step = stepTo(article.status, body.status ?? article.status);
      if (!mayChange(key.staff, article, step)) {
        throw new AppError(
          'forbidden',
          article.status === 'published' || step !== 'save'
            ? "The key's user may not publish or unpublish this story."
            : "The key's user may not change this story.",
        );
      }
      const input = toInput(body, publishAtOf(body));
      const problems = await imageProblems(
        ctx.db,
        key.staff,
        article.edition,
        input.featuredMediaId,
        article.featured_media_id,
      );
      if (problems.length) throw new InputError(problems);
      try {
        return present(await updateArticle(writerOf(ctx, key), article.id, input, { expectedVersion: body.version }));
      } catch (error) {
        if (error instanceof ArticleConflictError) {
          // Nothing a client sent is lost: the refused text is kept as a revision beside the story.
          const sent = { title: body.title, summary: body.summary, bodyHtml: body.body_html, tags: body.tags };
          await keepRefusedSave(writerOf(ctx, key), article.id, sent, body.version);
          throw new AppError(
            'conflict',
            `The story is at version ${error.current.version}; read it again and send the change based on that.`,
          );
        }
        throw error;
      }
    },
  );

  // An image as the request's body (its type read from the bytes, as the newsroom's upload does).
  await app.register(async (upload) => {
    upload.addContentTypeParser(
      ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
      (_request, body, done) => done(null, body),
    );
    upload.post<{ Querystring: { alt?: string; caption?: string; credit?: string }; Body: Buffer }>(
      '/v1/media',
      {
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          operationId: 'uploadImage',
          summary: 'Upload an image to the library (scope media:write).',
          description:
            'The body is the image file itself (JPEG, PNG, WebP, GIF or AVIF; its type is read from the bytes). ' +
            'Its text comes in the query: `alt`, `caption`, `credit`.',
          tags: ['Writing'],
          security: SECURITY,
          querystring: {
            type: 'object',
            properties: {
              alt: { type: 'string', maxLength: 500 },
              caption: { type: 'string', maxLength: 1000 },
              credit: { type: 'string', maxLength: 300 },
            },
            additionalProperties: false,
          },
          response: {
            201: { description: 'The stored image.', $ref: 'UploadedImage#' },
            ...ERRORS,
            413: { description: 'Larger than the upload limit (`payload_too_large`).', $ref: 'Error#' },
            415: { description: 'Not an image the pipeline takes (`unsupported_media_type`).', $ref: 'Error#' },
            422: {
              description: 'A damaged or oversized picture (`image_too_large`, `unprocessable_content`).',
              $ref: 'Error#',
            },
          },
        },
        // The key and the role are checked before a byte of the body is read.
        onRequest: async (request) => {
          const key = requireScope(request, 'media:write');
          if (!can(key.staff, 'media.upload')) throw new AppError('forbidden', "The key's user may not upload images.");
        },
      },
      async (request, reply) => {
        const key = requireScope(request, 'media:write');
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
          throw new AppError('unsupported_media_type', 'Send the image file as the body, with its image/* type.');
        }
        const row = await ingestImage(writerOf(ctx, key), ctx.config.dataDir, request.body, {
          uploadedBy: key.staff.id,
          alt: request.query.alt ?? '',
          caption: request.query.caption ?? '',
          credit: request.query.credit ?? '',
        });
        const image = toImage(row);
        return reply.code(201).send({
          id: row.id,
          width: row.width,
          height: row.height,
          alt: row.alt,
          caption: row.caption,
          credit: row.credit,
          url: absolute(presenterOf(ctx), imageUrl(image, largestWidth(image))),
        });
      },
    );
  });
}
