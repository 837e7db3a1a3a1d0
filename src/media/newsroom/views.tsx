// The media library's grid of images with its search and upload form, and the alt text, caption
// and credit fields it shares with an image's page (image-view.tsx).
import {
  CsrfField,
  NewsroomLayout,
  Notice,
  Problems,
  newsroomText as t,
  type NewsroomPage,
} from '../../newsroom/index.ts';
import { imageUrl, toImage } from '../image.ts';
import { MAX_IMAGE_PIXELS, MAX_UPLOAD_BYTES } from '../probe.ts';
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

/** A date and time in the site's time zone. */
export function dateTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** Who uploaded an image, and when. */
function uploadedText(image: LibraryImage, timeZone: string): string {
  const date = dateTime(image.createdAt, timeZone);
  return image.uploaderName
    ? t('media.uploadedBy', { name: image.uploaderName, date })
    : t('media.uploadedOn', { date });
}

/** The alt text, caption and credit fields, filled with `values`. */
export function TextFields(props: { values: TextValues; limits: TextLimits }): JSX.Element {
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
