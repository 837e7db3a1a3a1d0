// /newsroom/media: the media library. Editors and admins ('media.manage') see every image, upload
// here and delete; contributors and authors see, and edit the text of, the images they uploaded.
// An image in use is never deleted: the refusal lists where it is used.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DomainRoutes } from '../../context.ts';
import { AppError } from '../../core/http/errors.ts';
import { InputError } from '../../core/validation.ts';
import {
  can,
  newsroomPage,
  newsroomText as t,
  registerSection,
  requirePermission,
  seeOther,
  sendHtml,
  type Staff,
} from '../../newsroom/index.ts';
import { deleteMedia, ingestImage, MEDIA_TEXT_LIMITS, MediaInUseError, updateMediaText } from '../commands.ts';
import { MAX_UPLOAD_BYTES } from '../probe.ts';
import { findUsages, type MediaUsages } from '../usages.ts';
import { findImage, listLibrary, type LibraryImage } from './queries.ts';
import { readUploadForm, registerUploadParsing, uploadedFile } from './upload-form.ts';
import { MediaImagePage } from './image-view.tsx';
import { pickerRoutes } from './picker.tsx';
import { MediaLibraryPage, type TextValues } from './views.tsx';

type Query = Record<string, string | undefined>;

const EMPTY: TextValues = { alt: '', caption: '', credit: '' };

const LIBRARY_NOTICES = { deleted: 'media.deleted' } as const;
const IMAGE_NOTICES = { uploaded: 'media.uploadDone', saved: 'media.saved' } as const;

/** The text fields of a posted form. */
function textValues(body: unknown): TextValues {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const text = (name: keyof TextValues) => (typeof fields[name] === 'string' ? fields[name] : '');
  return { alt: text('alt'), caption: text('caption'), credit: text('credit') };
}

/** Each field longer than it may be, in the words of the form (the command checks again). */
function textProblems(values: TextValues): string[] {
  const problems: string[] = [];
  if (values.alt.trim().length > MEDIA_TEXT_LIMITS.alt)
    problems.push(t('media.problemAltLong', { max: MEDIA_TEXT_LIMITS.alt }));
  if (values.caption.trim().length > MEDIA_TEXT_LIMITS.caption)
    problems.push(t('media.problemCaptionLong', { max: MEDIA_TEXT_LIMITS.caption }));
  if (values.credit.trim().length > MEDIA_TEXT_LIMITS.credit)
    problems.push(t('media.problemCreditLong', { max: MEDIA_TEXT_LIMITS.credit }));
  return problems;
}

function idParam(value: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) throw new AppError('not_found', 'No such image.');
  return id;
}

/** A keyset position from the address: `created_at|id` of the last image shown. */
function afterParam(value: string | undefined) {
  if (!value || !/^[^|]{1,40}\|\d{1,10}$/.test(value)) return undefined;
  const [createdAt, id] = value.split('|') as [string, string];
  return { createdAt, id: Number(id) };
}

export const mediaNewsroomRoutes: DomainRoutes = async (app, { ctx }) => {
  registerSection('/newsroom/media');
  // The article form's photo picker and its preview's thumbnail (picker.tsx).
  await app.register(pickerRoutes, { ctx });
  const writer = (staff: Staff) => ({ ...ctx.writer, actorId: staff.id });

  const renderLibrary = async (
    request: FastifyRequest,
    reply: FastifyReply,
    staff: Staff,
    query: Query,
    extra: { notice?: string; problems?: readonly string[]; values?: TextValues } = {},
    status = 200,
  ) => {
    const mayManage = can(staff, 'media.manage');
    const q = query.q?.trim().slice(0, 200) || undefined;
    // Contributors and authors see their own uploads only.
    const mine = !mayManage || query.mine === 'on';
    const after = afterParam(query.after);
    const { images, more } = await listLibrary(ctx.db, { uploadedBy: mine ? staff.id : undefined, q, after });
    const last = images.at(-1);
    let nextUrl: string | undefined;
    if (more && last) {
      const params = new URLSearchParams();
      if (q) params.set('q', q);
      if (mayManage && mine) params.set('mine', 'on');
      params.set('after', `${last.createdAtText}|${last.row.id}`);
      nextUrl = `/newsroom/media?${params}`;
    }
    return sendHtml(
      reply,
      <MediaLibraryPage
        page={await newsroomPage(ctx, request)}
        mayManage={mayManage}
        images={images}
        filters={{ q, mine: mayManage && mine }}
        nextUrl={nextUrl}
        isFirstPage={!after}
        notice={extra.notice}
        problems={extra.problems}
        values={extra.values ?? EMPTY}
        limits={MEDIA_TEXT_LIMITS}
        timeZone={ctx.settings.timezone}
      />,
      status,
    );
  };

  /** The image, if this user may open it: every image for editors and admins, else their own. */
  const loadImage = async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const staff = requirePermission(request, 'media.upload');
    const image = await findImage(ctx.db, idParam(request.params.id));
    if (!image) throw new AppError('not_found', 'No such image.');
    if (!can(staff, 'media.manage') && image.row.uploaded_by !== staff.id)
      throw new AppError('forbidden', t('media.notYours'));
    return { staff, image };
  };

  const renderImage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    staff: Staff,
    image: LibraryImage,
    extra: { notice?: string; problems?: readonly string[]; values?: TextValues; refused?: MediaUsages } = {},
    status = 200,
  ) =>
    sendHtml(
      reply,
      <MediaImagePage
        page={await newsroomPage(ctx, request)}
        image={image}
        usages={extra.refused ?? (await findUsages(ctx.db, image.row))}
        mayManage={can(staff, 'media.manage')}
        values={extra.values ?? { alt: image.row.alt, caption: image.row.caption, credit: image.row.credit }}
        limits={MEDIA_TEXT_LIMITS}
        problems={extra.problems}
        notice={extra.notice}
        refused={extra.refused}
        timeZone={ctx.settings.timezone}
      />,
      status,
    );

  app.get<{ Querystring: Query }>('/media', async (request, reply) => {
    const staff = requirePermission(request, 'media.upload');
    const done = request.query.done;
    const notice = done === 'deleted' ? t(LIBRARY_NOTICES[done]) : undefined;
    return renderLibrary(request, reply, staff, request.query, { notice });
  });

  // The upload: multipart only in this encapsulated plugin.
  await app.register(async (upload) => {
    await registerUploadParsing(upload);
    upload.post(
      '/media',
      { bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024, preValidation: readUploadForm },
      async (request, reply) => {
        const staff = requirePermission(request, 'media.manage');
        const values = textValues(request.body);
        const refuse = (problems: readonly string[], status: number) =>
          renderLibrary(request, reply, staff, {}, { problems, values }, status);
        const file = uploadedFile(request);
        if (!file) return refuse([t('media.problemNotForm')], 415);
        if (file.error) return refuse([file.error.message], file.error.status);
        if (!file.bytes || (file.bytes.length === 0 && file.filename === ''))
          return refuse([t('media.problemNoFile')], 400);
        const problems = textProblems(values);
        if (problems.length) return refuse(problems, 400);
        try {
          const row = await ingestImage(writer(staff), ctx.config.dataDir, file.bytes, {
            uploadedBy: staff.id,
            ...values,
          });
          return seeOther(reply, `/newsroom/media/${row.id}?done=uploaded`);
        } catch (error) {
          // 413, 415, 422 (a bomb, a damaged file), 503 (a queue of pictures): said on the page.
          if (error instanceof AppError) return refuse([error.message], error.status);
          throw error;
        }
      },
    );
  });

  app.get<{ Params: { id: string }; Querystring: Query }>('/media/:id', async (request, reply) => {
    const { staff, image } = await loadImage(request);
    const done = request.query.done;
    const notice = done === 'uploaded' || done === 'saved' ? t(IMAGE_NOTICES[done]) : undefined;
    return renderImage(request, reply, staff, image, { notice });
  });

  app.post<{ Params: { id: string } }>('/media/:id', async (request, reply) => {
    const { staff, image } = await loadImage(request);
    const values = textValues(request.body);
    const problems = textProblems(values);
    if (problems.length) return renderImage(request, reply, staff, image, { problems, values }, 400);
    try {
      await updateMediaText(writer(staff), image.row.id, values);
    } catch (error) {
      if (error instanceof InputError)
        return renderImage(request, reply, staff, image, { problems: error.problems, values }, 400);
      throw error;
    }
    return seeOther(reply, `/newsroom/media/${image.row.id}?done=saved`);
  });

  app.post<{ Params: { id: string } }>('/media/:id/delete', async (request, reply) => {
    requirePermission(request, 'media.manage');
    const { staff, image } = await loadImage(request);
    try {
      await deleteMedia(writer(staff), ctx.config.dataDir, image.row.id);
    } catch (error) {
      if (error instanceof MediaInUseError)
        return renderImage(request, reply, staff, image, { refused: error.usages }, 409);
      throw error;
    }
    return seeOther(reply, '/newsroom/media?done=deleted');
  });
};
