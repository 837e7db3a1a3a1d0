// The article form's photo picker: GET /newsroom/media/picker answers one page of the images this
// user may use (the library's own rule: editors and admins every image, others their uploads) as
// an HTML fragment the form's script puts into its dialog; GET /newsroom/media/:id/thumbnail
// sends the form's server-rendered preview to the image's smallest stored size.
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { DomainRoutes } from '../../context.ts';
import type { Database } from '../../core/db/schema.ts';
import { AppError } from '../../core/http/errors.ts';
import { can, requirePermission, sendHtml, staffOf, newsroomText as t, type Staff } from '../../newsroom/index.ts';
import { imageUrl, toImage } from '../image.ts';
import { findImage, listLibrary, type LibraryImage } from './queries.ts';

type Db = Kysely<Database>;

/** The longest search the picker takes (as the library's search box). */
const MAX_QUERY = 200;
/** The parameters the picker reads; any other is a mistake worth saying so. */
const PARAMS = ['q', 'edition', 'after'] as const;
/** A keyset position: `created_at|id` of the last image shown, as the "More" button's address gives it. */
const AFTER = /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:?\d{2})?)\|([1-9]\d{0,9})$/;
const MAX_ID = 2_147_483_647;

/** What the picker was asked for. */
export interface PickerRequest {
  readonly q?: string;
  readonly edition?: string;
  readonly after?: { readonly createdAt: string; readonly id: number };
}

/** The picker's parameters, or every problem with them (one line each, naming the parameter). */
export function readPickerQuery(
  query: Readonly<Record<string, unknown>>,
  isEdition: (code: string) => boolean,
): { request: PickerRequest; problems: string[] } {
  const problems: string[] = [];
  const text: Partial<Record<(typeof PARAMS)[number], string>> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!(PARAMS as readonly string[]).includes(name)) problems.push(t('picker.problemUnknown', { name }));
    else if (typeof value !== 'string') problems.push(t('picker.problemTwice', { name }));
    else text[name as (typeof PARAMS)[number]] = value;
  }
  const q = text.q?.trim() ?? '';
  if (q.length > MAX_QUERY) problems.push(t('picker.problemLong', { max: MAX_QUERY }));
  const edition = text.edition || undefined;
  if (edition !== undefined && !isEdition(edition)) problems.push(t('picker.problemEdition', { edition }));
  let after: PickerRequest['after'];
  if (text.after) {
    const match = AFTER.exec(text.after);
    const id = Number(match?.[2]);
    if (!match || Number.isNaN(Date.parse(match[1]!)) || id > MAX_ID) problems.push(t('picker.problemAfter'));
    else after = { createdAt: match[1]!, id };
  }
  return { request: { q: q || undefined, edition, after }, problems };
}

/** The address of the page after `last`, with the same search. */
function nextUrl(request: PickerRequest, last: LibraryImage): string {
  const params = new URLSearchParams();
  if (request.edition) params.set('edition', request.edition);
  if (request.q) params.set('q', request.q);
  params.set('after', `${last.createdAtText}|${last.row.id}`);
  return `/newsroom/media/picker?${params}`;
}

/**
 * Whether `staff` may see an image they may not pick: the featured image of an article of
 * theirs that they may edit (an editor may have chosen it for them).
 */
async function isFeaturedInOwnArticle(db: Db, staff: Staff, mediaId: number): Promise<boolean> {
  const rows = await db
    .selectFrom('articles')
    .select(['edition', 'status'])
    .where('featured_media_id', '=', mediaId)
    .where('created_by', '=', staff.id)
    .limit(20)
    .execute();
  return rows.some((row) =>
    can(staff, 'article.edit', { edition: row.edition, ownerId: staff.id, status: row.status }),
  );
}

/** A file size in KB or MB. */
function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? t('picker.megabytes', { size: (bytes / 1024 / 1024).toFixed(1) })
    : t('picker.kilobytes', { size: Math.max(1, Math.round(bytes / 1024)) });
}

/** One image to choose: a button named by its alt text, described by its caption, credit and size. */
function PickerChoice(props: { image: LibraryImage }): JSX.Element {
  const { row } = props.image;
  const image = toImage(row);
  const width = image.widths[0] ?? image.width;
  const height = Math.max(1, Math.round((image.height * width) / image.width));
  const metaId = `nr-picker-meta-${row.id}`;
  return (
    <li class="nr-picker-item">
      <button
        type="button"
        class="nr-picker-choice"
        data-picker-choice
        data-media-id={String(row.id)}
        data-src={imageUrl(image, width)}
        data-width={String(width)}
        data-height={String(height)}
        data-alt={row.alt}
        data-caption={row.caption}
        data-credit={row.credit}
        aria-describedby={metaId}
      >
        {/* alt="": the button's text beside it is the image's description. */}
        <img
          src={imageUrl(image, width)}
          width={width}
          height={height}
          alt=""
          loading="lazy"
          decoding="async"
          class="nr-picker-thumb"
        />
        {row.alt ? (
          <span class="nr-picker-alt" dir="auto" safe>
            {row.alt}
          </span>
        ) : (
          <span class="nr-picker-alt nr-media-noalt" safe>
            {t('media.noAlt', { id: row.id })}
          </span>
        )}
      </button>
      <p class="nr-picker-meta" id={metaId} dir="auto" safe>
        {[
          row.caption,
          row.credit && t('media.creditLine', { credit: row.credit }),
          `${t('media.size', { width: row.width, height: row.height })}, ${sizeText(row.bytes)}`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
    </li>
  );
}

/**
 * One page of the picker: the images as buttons, then a "More images" button holding the next
 * page's address. The script appends a later page's items to the first page's list.
 */
export function PickerPage(props: {
  images: readonly LibraryImage[];
  nextUrl?: string;
  isSearch: boolean;
  isFirstPage: boolean;
}): JSX.Element {
  return (
    <div class="nr-picker-page" data-picker-page>
      {props.images.length === 0 ? (
        <p class="nr-picker-empty">
          {!props.isFirstPage ? t('picker.noMore') : props.isSearch ? t('media.none') : t('picker.empty')}
        </p>
      ) : (
        <ul class="nr-picker-grid" aria-label={t('media.gridLabel')} data-picker-list>
          {props.images.map((image) => (
            <PickerChoice image={image} />
          ))}
        </ul>
      )}
      {!!props.nextUrl && (
        <p class="nr-picker-more">
          <button type="button" class="nr-button" data-picker-more data-url={props.nextUrl}>
            {t('picker.more')}
          </button>
        </p>
      )}
    </div>
  );
}

/** A refusal as a fragment the dialog can show, with the status that says why. */
function sendProblem(reply: FastifyReply, status: number, problems: readonly string[]) {
  return sendHtml(
    reply,
    <div class="nr-problems nr-picker-problem" role="alert" data-picker-page>
      {problems.map((problem) => (
        <p safe>{problem}</p>
      ))}
    </div>,
    status,
  );
}

function idParam(value: string): number {
  const id = Number(value);
  if (!/^[1-9]\d{0,9}$/.test(value) || id > MAX_ID) throw new AppError('not_found', 'No such image.');
  return id;
}

export const pickerRoutes: DomainRoutes = async (app, { ctx }) => {
  app.get<{ Querystring: Record<string, unknown> }>('/media/picker', async (request, reply) => {
    // The library's own gate: everyone who may open the library may pick from it.
    const staff = staffOf(request);
    if (!can(staff, 'media.upload')) return sendProblem(reply, 403, [t('error.forbidden')]);
    const { request: asked, problems } = readPickerQuery(request.query, (code) => !!ctx.editions.get(code));
    if (problems.length) return sendProblem(reply, 400, problems);
    if (asked.edition && !can(staff, 'media.upload', { edition: asked.edition }))
      return sendProblem(reply, 403, [t('picker.problemNotYourEdition', { edition: asked.edition })]);
    const mine = !can(staff, 'media.manage');
    const { images, more } = await listLibrary(ctx.db, {
      uploadedBy: mine ? staff.id : undefined,
      q: asked.q,
      after: asked.after,
    });
    const last = images.at(-1);
    return sendHtml(
      reply,
      <PickerPage
        images={images}
        nextUrl={more && last ? nextUrl(asked, last) : undefined}
        isSearch={!!asked.q}
        isFirstPage={!asked.after}
      />,
    );
  });

  app.get<{ Params: { id: string } }>('/media/:id/thumbnail', async (request, reply) => {
    const staff = requirePermission(request, 'media.upload');
    const image = await findImage(ctx.db, idParam(request.params.id));
    if (!image) throw new AppError('not_found', 'No such image.');
    const maySee =
      can(staff, 'media.manage') ||
      image.row.uploaded_by === staff.id ||
      (await isFeaturedInOwnArticle(ctx.db, staff, image.row.id));
    if (!maySee) throw new AppError('forbidden', t('media.notYours'));
    const stored = toImage(image.row);
    // 302: the image may change (another one chosen); the file itself is cached as every image is.
    return reply.redirect(imageUrl(stored, stored.widths[0] ?? stored.width), 302);
  });
};
