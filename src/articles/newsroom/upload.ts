// POST /newsroom/media/upload?article=ID: an image for an article, from the editor (drag and
// drop, file picker, a phone's camera). Answers JSON for the editor's script, errors included:
// { id, src, width, height, alt, caption, credit } or { error: { code, message } }.
// Who may: whoever may upload into that article (a contributor only into their own drafts).
import fastifyMultipart from '@fastify/multipart';
import type { DomainRoutes } from '../../context.ts';
import { AppError } from '../../core/http/errors.ts';
import { ingestImage, imageUrl, largestWidth, MAX_UPLOAD_BYTES, toImage } from '../../media/index.ts';
import { can, staffOf } from '../../newsroom/index.ts';
import { findArticle } from './queries.ts';

/** The width of the image an article body shows inline (the largest stored up to this). */
const INLINE_WIDTH = 960;

export const uploadRoutes: DomainRoutes = async (app, { ctx }) => {
  // Multipart only here: one file, a few small fields, the pipeline's size limit.
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 2000, parts: 6 },
  });

  app.post<{ Querystring: { article?: string } }>(
    '/media/upload',
    { bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024 },
    async (request, reply) => {
      try {
        const staff = staffOf(request);
        const article = await findArticle(ctx.db, Number(request.query.article) || 0);
        if (!article) throw new AppError('article_not_found', 'Save the article once before adding images to it.');
        const resource = { edition: article.edition, ownerId: article.created_by, status: article.status };
        if (!can(staff, 'media.upload', resource))
          throw new AppError('forbidden', 'You may add images only to articles you can edit.');
        if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send the image as a form upload.');
        const file = await request.file();
        if (!file) throw new AppError('bad_request', 'No file was sent.');
        // The name and type the browser gives are not trusted: the pipeline reads the bytes.
        const bytes = await file.toBuffer().catch((error: { code?: string }) => {
          if (error.code === 'FST_REQ_FILE_TOO_LARGE')
            throw new AppError('payload_too_large', 'The file is larger than 25 MB.');
          throw error;
        });
        const row = await ingestImage({ ...ctx.writer, actorId: staff.id }, ctx.config.dataDir, bytes, {
          uploadedBy: staff.id,
        });
        const image = toImage(row);
        const width = Math.min(INLINE_WIDTH, largestWidth(image));
        const shown = image.widths.filter((w) => w <= INLINE_WIDTH).at(-1) ?? width;
        return reply.type('application/json; charset=utf-8').send({
          id: row.id,
          src: imageUrl(image, shown),
          width: shown,
          height: Math.round((row.height * shown) / row.width),
          alt: row.alt,
          caption: row.caption,
          credit: row.credit,
        });
      } catch (error) {
        const appError =
          error instanceof AppError
            ? error
            : (error as { statusCode?: number }).statusCode === 413
              ? new AppError('payload_too_large', 'The file is larger than 25 MB.')
              : undefined;
        if (!appError) throw error;
        return reply
          .status(appError.status)
          .type('application/json; charset=utf-8')
          .send({ error: { code: appError.code, message: appError.message } });
      }
    },
  );
};
