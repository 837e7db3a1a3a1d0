// One image of the media library: shown large with its stored sizes and formats, its alt text,
// caption and credit defaults, where it is used, and the delete that is refused while it is.
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
import type { MediaUsage, MediaUsages } from '../usages.ts';
import type { LibraryImage } from './queries.ts';
import { dateTime, TextFields, type TextLimits, type TextValues } from './views.tsx';

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
    case 'site':
      return '/newsroom/settings';
  }
}

const WAY_KEYS = {
  featured: 'media.usedFeatured',
  inline: 'media.usedInline',
  photo: 'media.usedPhoto',
  logo: 'media.usedLogo',
} as const;
const KIND_KEYS = {
  article: 'media.kindArticle',
  page: 'media.kindPage',
  person: 'media.kindPerson',
  site: 'media.kindSite',
} as const;
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
              {usage.kind === 'site' ? t('media.siteSettings') : usage.title || t('articles.untitled')}
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
