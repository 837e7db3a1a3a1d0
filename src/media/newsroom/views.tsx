// The media library's pages: the grid of images with its search and upload form, and one image
// with its sizes, its text defaults, where it is used and the delete that is refused while it is.
import {
  CsrfField,
  NewsroomLayout,
  Notice,
  Problems,
  newsroomText as t,
  type NewsroomPage,
} from '../../newsroom/index.ts';
import { hasFormat, imageUrl, toImage, type ImageFormat } from '../image.ts';
import { Picture } from '../picture.tsx';
import { MAX_IMAGE_PIXELS, MAX_UPLOAD_BYTES } from '../probe.ts';
import type { MediaUsage, MediaUsages } from '../usages.ts';
import type { LibraryImage } from './queries.ts';

/** What the text fields of the forms hold. */
export interface TextValues {
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
}

/** The longest text each field takes. */
export type TextLimits = Readonly<Record<keyof TextValues, number>>;

/** The types the file picker offers (the server reads the real type from the bytes). */
const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

function dateTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

function uploadedText(image: LibraryImage, timeZone: string): string {
  const date = dateTime(image.createdAt, timeZone);
  return image.uploaderName
    ? t('media.uploadedBy', { name: image.uploaderName, date })
    : t('media.uploadedOn', { date });
}

/** The alt text, caption and credit fields, filled with `values`. */
function TextFields(props: { values: TextValues; limits: TextLimits }): JSX.Element {
  const { values } = props;
  return (
    <>
      <div class="nr-field">
        <label for="alt">{t('media.alt')}</label>
        <textarea id="alt" name="alt" rows="2" maxlength={String(props.limits.alt)} aria-describedby="alt-hint" safe>
          {values.alt}
        </textarea>
        <p class="nr-hint" id="alt-hint">
          {t('media.altHint')}
        </p>
      </div>
      <div class="nr-field">
        <label for="caption">{t('media.caption')}</label>
        <textarea id="caption" name="caption" rows="4" maxlength={String(props.limits.caption)} safe>
          {values.caption}
        </textarea>
      </div>
      <div class="nr-field">
        <label for="credit">{t('media.credit')}</label>
        <input id="credit" name="credit" type="text" value={values.credit} maxlength={String(props.limits.credit)} />
      </div>
    </>
  );
}

/** A grid thumbnail: the smallest stored size (480 px wide, or the picture's own width), WebP first. */
function Thumbnail(props: { image: LibraryImage }): JSX.Element {
  const image = toImage(props.image.row);
  const width = image.widths[0] ?? image.width;
  const height = Math.max(1, Math.round((image.height * width) / image.width));
  // alt="": the link's text beside it is the image's description.
  return (
    <picture>
      <source type="image/webp" srcset={imageUrl(image, width, 'webp')} />
      <img
        src={imageUrl(image, width)}
        width={width}
        height={height}
        alt=""
        loading="lazy"
        decoding="async"
        class="nr-media-thumb"
      />
    </picture>
  );
}

export function MediaLibraryPage(props: {
  page: NewsroomPage;
  /** Whether the user sees every image and may upload here (editors and admins). */
  mayManage: boolean;
  images: readonly LibraryImage[];
  filters: { q?: string; mine: boolean };
  nextUrl?: string;
  isFirstPage: boolean;
  notice?: string;
  problems?: readonly string[];
  values: TextValues;
  limits: TextLimits;
  timeZone: string;
}): JSX.Element {
  const { filters } = props;
  return (
    <NewsroomLayout {...props.page} title={t('media.title')}>
      <h1>{t('media.title')}</h1>
      <p>{props.mayManage ? t('media.introAll') : t('media.introOwn')}</p>
      <Notice text={props.notice} />
      {props.mayManage && (
        <section class="nr-panel" aria-labelledby="upload-heading">
          <h2 id="upload-heading">{t('media.upload')}</h2>
          <Problems problems={props.problems ?? []} />
          <form method="post" action="/newsroom/media" enctype="multipart/form-data" class="nr-form nr-media-upload">
            <CsrfField token={props.page.staff?.csrfToken ?? ''} />
            <div class="nr-field">
              <label for="file">{t('media.file')}</label>
              <input id="file" name="file" type="file" accept={ACCEPT} required aria-describedby="file-hint" />
              <p class="nr-hint" id="file-hint" safe>
                {t('media.fileHint', {
                  megabytes: Math.round(MAX_UPLOAD_BYTES / 1024 / 1024),
                  megapixels: Math.round(MAX_IMAGE_PIXELS / 1_000_000),
                })}
              </p>
            </div>
            <TextFields values={props.values} limits={props.limits} />
            <div>
              <button type="submit" class="nr-button nr-button-primary">
                {t('media.uploadSubmit')}
              </button>
            </div>
          </form>
        </section>
      )}
      <form method="get" action="/newsroom/media" class="nr-filters" role="search" aria-label={t('media.search')}>
        <div class="nr-field">
          <label for="q">{t('media.searchText')}</label>
          <input id="q" name="q" type="search" value={filters.q ?? ''} maxlength="200" />
        </div>
        {props.mayManage && (
          <div class="nr-field nr-field-check">
            <input id="mine" name="mine" type="checkbox" checked={filters.mine} />
            <label for="mine">{t('media.onlyMine')}</label>
          </div>
        )}
        <button type="submit" class="nr-button">
          {t('media.searchSubmit')}
        </button>
      </form>
      {props.images.length === 0 ? (
        <p>{t('media.none')}</p>
      ) : (
        <ul class="nr-media-grid" aria-label={t('media.gridLabel')}>
          {props.images.map((image) => (
            <li class="nr-media-card">
              <a href={`/newsroom/media/${image.row.id}`} class="nr-media-link">
                <Thumbnail image={image} />
                {image.row.alt ? (
                  <span class="nr-media-alt" dir="auto" safe>
                    {image.row.alt}
                  </span>
                ) : (
                  <span class="nr-media-alt nr-media-noalt" safe>
                    {t('media.noAlt', { id: image.row.id })}
                  </span>
                )}
              </a>
              {!!image.row.caption && (
                <p class="nr-media-caption" dir="auto" safe>
                  {image.row.caption}
                </p>
              )}
              <p class="nr-meta" safe>
                {[
                  image.row.credit && t('media.creditLine', { credit: image.row.credit }),
                  t('media.size', { width: image.row.width, height: image.row.height }),
                  uploadedText(image, props.timeZone),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      )}
      {(!!props.nextUrl || !props.isFirstPage) && (
        <p class="nr-pager">
          {!props.isFirstPage && (
            <a class="nr-button" href={newestUrl(filters)}>
              {t('media.newest')}
            </a>
          )}{' '}
          {!!props.nextUrl && (
            <a class="nr-button" href={props.nextUrl}>
              {t('media.older')}
            </a>
          )}
        </p>
      )}
    </NewsroomLayout>
  );
}

/** The first page of the library with the same search. */
function newestUrl(filters: { q?: string; mine: boolean }): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.mine) params.set('mine', 'on');
  const query = params.toString();
  return `/newsroom/media${query ? `?${query}` : ''}`;
}

const FORMAT_NAMES = { avif: 'AVIF', webp: 'WebP', jpg: 'JPEG' } as const satisfies Record<ImageFormat, string>;

/** Each stored width with links to its files; then whether AVIF is ready or still to be made in the background. */
function SizesTable(props: { image: LibraryImage }): JSX.Element {
  const image = toImage(props.image.row);
  const formats = (['jpg', 'webp', 'avif'] as const).filter((format) => hasFormat(image, format));
  return (
    <>
      <table class="nr-table nr-media-sizes">
        <caption>{t('media.files')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('media.width')}</th>
            <th scope="col">{t('media.formats')}</th>
          </tr>
        </thead>
        <tbody>
          {image.widths.map((width) => (
            <tr>
              <td safe>{t('media.size', { width, height: Math.round((image.height * width) / image.width) })}</td>
              <td>
                {formats.map((format) => (
                  <>
                    <a href={imageUrl(image, width, format)}>{FORMAT_NAMES[format]}</a>{' '}
                  </>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="nr-hint">{hasFormat(image, 'avif') ? t('media.avifReady') : t('media.avifPending')}</p>
    </>
  );
}

function usageHref(usage: MediaUsage): string {
  switch (usage.kind) {
    case 'article':
      return `/newsroom/articles/${usage.id}`;
    case 'page':
      return `/newsroom/pages/${usage.id}`;
    case 'person':
      return `/newsroom/users/${usage.id}`;
  }
}

const WAY_KEYS = { featured: 'media.usedFeatured', inline: 'media.usedInline', photo: 'media.usedPhoto' } as const;
const KIND_KEYS = { article: 'media.kindArticle', page: 'media.kindPage', person: 'media.kindPerson' } as const;
const STATUS_KEYS: Readonly<Record<string, Parameters<typeof t>[0]>> = {
  draft: 'articles.status.draft',
  review: 'articles.status.review',
  published: 'articles.status.published',
  archived: 'articles.status.archived',
};

/** What a use is: its kind, edition, status and how it shows the image. */
function usageMeta(usage: MediaUsage): string {
  const status = usage.status ? STATUS_KEYS[usage.status] : undefined;
  return [
    t(KIND_KEYS[usage.kind]),
    usage.edition?.toUpperCase(),
    status ? t(status) : usage.status,
    usage.ways.map((way) => t(WAY_KEYS[way])).join(', '),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The articles, pages and people using an image, each a link to its newsroom page. */
function UsageList(props: { usages: MediaUsages }): JSX.Element {
  const { items } = props.usages;
  if (items.length === 0) return <p>{t('media.unused')}</p>;
  return (
    <>
      <ul class="nr-list">
        {items.map((usage) => (
          <li>
            <a href={usageHref(usage)} lang={usage.edition ?? undefined} dir="auto" safe>
              {usage.title || t('articles.untitled')}
            </a>{' '}
            <span class="nr-meta" safe>
              {usageMeta(usage)}
            </span>
          </li>
        ))}
      </ul>
      {props.usages.hasMore && <p class="nr-hint">{t('media.usageMore')}</p>}
    </>
  );
}

export function MediaImagePage(props: {
  page: NewsroomPage;
  image: LibraryImage;
  usages: MediaUsages;
  /** Whether the user may delete it (editors and admins). */
  mayManage: boolean;
  values: TextValues;
  limits: TextLimits;
  problems?: readonly string[];
  notice?: string;
  /** Set when a delete was refused: the image is in use (or its uses could not all be read). */
  refused?: MediaUsages;
  timeZone: string;
}): JSX.Element {
  const { image, usages, refused } = props;
  const { row } = image;
  const title = t('media.imageTitle', { id: row.id });
  return (
    <NewsroomLayout {...props.page} title={title}>
      <p>
        <a href="/newsroom/media">{t('media.back')}</a>
      </p>
      <h1 safe>{title}</h1>
      <Notice text={props.notice} />
      {!!refused && (
        <div class="nr-problems" role="alert" tabindex="-1" id="problems">
          <p>{refused.isComplete ? t('media.refused') : t('media.refusedIncomplete')}</p>
          {refused.items.length > 0 && <UsageList usages={refused} />}
        </div>
      )}
      <div class="nr-columns nr-media-detail">
        <div>
          <Picture image={toImage(row)} alt={row.alt} sizes="(min-width: 48rem) 36rem, 100vw" isPriority />
          <dl class="nr-media-facts">
            <dt>{t('media.dimensions')}</dt>
            <dd safe>{t('media.size', { width: row.width, height: row.height })}</dd>
            <dt>{t('media.original')}</dt>
            <dd safe>{row.mime}</dd>
            <dt>{t('media.uploader')}</dt>
            <dd safe>{image.uploaderName ?? t('media.unknownUploader')}</dd>
            <dt>{t('media.uploaded')}</dt>
            <dd safe>{dateTime(image.createdAt, props.timeZone)}</dd>
          </dl>
          <SizesTable image={image} />
        </div>
        <div>
          <section class="nr-panel" aria-labelledby="defaults-heading">
            <h2 id="defaults-heading">{t('media.defaults')}</h2>
            <p class="nr-hint nr-media-intro">{t('media.defaultsIntro')}</p>
            <Problems problems={props.problems ?? []} />
            <form method="post" action={`/newsroom/media/${row.id}`} class="nr-form">
              <CsrfField token={props.page.staff?.csrfToken ?? ''} />
              <TextFields values={props.values} limits={props.limits} />
              <div>
                <button type="submit" class="nr-button nr-button-primary">
                  {t('media.save')}
                </button>
              </div>
            </form>
          </section>
          <section class="nr-panel" aria-labelledby="usage-heading">
            <h2 id="usage-heading">{t('media.usage')}</h2>
            <UsageList usages={usages} />
            {!usages.isComplete && <p class="nr-hint">{t('media.usageIncomplete')}</p>}
          </section>
          {props.mayManage && (
            <section class="nr-panel nr-danger-zone" aria-labelledby="delete-heading">
              <h2 id="delete-heading">{t('media.delete')}</h2>
              <p class="nr-hint nr-media-intro">{t('media.deleteHint')}</p>
              <form method="post" action={`/newsroom/media/${row.id}/delete`}>
                <CsrfField token={props.page.staff?.csrfToken ?? ''} />
                <button type="submit" class="nr-button nr-button-danger">
                  {t('media.deleteSubmit')}
                </button>
              </form>
            </section>
          )}
        </div>
      </div>
    </NewsroomLayout>
  );
}
