// The reader's document library: the filters (a GET form that works without JavaScript), the
// documents newest year first with their category, year, file type and size and a download
// link, pages, and designed empty states (nothing published yet; nothing matches).
import { Breadcrumbs, Pagination } from '../../../core/views/components.tsx';
import { Layout } from '../../../core/views/layout.tsx';
import type { Site } from '../../../core/views/site.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { CATEGORIES, typeLabel, type IntegrityDocument } from '../model.ts';
import { documentsPath, downloadPath, type ListingParams } from '../paths.ts';
import { formatFileSize } from '../size.ts';

/** The longest search the form sends. */
export const MAX_QUERY_LENGTH = 100;

export interface LibraryPageProps {
  site: Site;
  params: ListingParams;
  /** Years with published documents, newest first. */
  years: readonly number[];
  documents: readonly IntegrityDocument[];
  total: number;
  page: number;
  pages: number;
}

/** A category's name in the edition's language. */
export function categoryName(site: Site, category: string): string {
  return site.t(`documents.category.${category}` as MessageKey);
}

/** The whole listing page. */
export function LibraryPage(props: LibraryPageProps): JSX.Element {
  const { site, params } = props;
  const { t, edition } = site;
  const title = t('documents.title');
  const path = documentsPath(edition.code, params);
  const isFiltered = !!params.q || !!params.category || params.year !== undefined;
  const pageTitle = props.page > 1 ? `${title} – ${t('list.pageOf', { page: props.page, pages: props.pages })}` : title;
  return (
    <Layout
      site={site}
      head={{ title: pageTitle, description: t('documents.intro'), path, noindex: isFiltered || props.page > 1 }}
    >
      <div class="wrap">
        <div class="documents">
          <Breadcrumbs
            site={site}
            trail={[
              { label: t('nav.home'), href: `/${edition.code}` },
              { label: t('section.integrity'), href: `/${edition.code}/integrity` },
              { label: title, href: documentsPath(edition.code) },
            ]}
          />
          <header class="list__header">
            <h1 safe>{title}</h1>
            <p class="list__intro" safe>
              {t('documents.intro')}
            </p>
          </header>
          {props.total === 0 && !isFiltered ? (
            <div class="documents-empty">
              <h2 safe>{t('documents.emptyTitle')}</h2>
              <p safe>{t('documents.emptyText')}</p>
              <p>
                <a href={`/${edition.code}`} safe>
                  {t('search.tipLatest')}
                </a>
              </p>
            </div>
          ) : (
            <>
              <Filters {...props} />
              <section class="documents__results" aria-labelledby="documents-count">
                <h2 id="documents-count" class="documents__count" safe>
                  {t('documents.count', { count: props.total })}
                </h2>
                {props.documents.length === 0 ? (
                  <div class="documents-empty">
                    <h3 safe>{t('documents.noMatchTitle')}</h3>
                    <p safe>{t('documents.noMatchText')}</p>
                    <p>
                      <a href={documentsPath(edition.code)} safe>
                        {t('documents.showAll')}
                      </a>
                    </p>
                  </div>
                ) : (
                  <ul class="document-list">
                    {props.documents.map((doc) => (
                      <li>
                        <DocumentItem site={site} doc={doc} />
                      </li>
                    ))}
                  </ul>
                )}
                <Pagination
                  site={site}
                  basePath={path}
                  page={props.page}
                  pages={props.pages}
                  labels={{ previous: t('documents.previous'), next: t('documents.next') }}
                />
              </section>
            </>
          )}
        </div>
      </div>
    </Layout>
  );
}

function Filters(props: LibraryPageProps): JSX.Element {
  const { site, params } = props;
  const { t, edition } = site;
  return (
    <form
      class="document-filters"
      method="get"
      action={documentsPath(edition.code)}
      aria-label={t('documents.filters')}
    >
      <div class="document-filters__field document-filters__query">
        <label for="documents-q" safe>
          {t('documents.searchLabel')}
        </label>
        <input
          id="documents-q"
          type="search"
          name="q"
          value={params.q ?? ''}
          maxlength={String(MAX_QUERY_LENGTH)}
          enterkeyhint="search"
          dir="auto"
        />
      </div>
      <div class="document-filters__field">
        <label for="documents-category" safe>
          {t('documents.category')}
        </label>
        <select id="documents-category" name="category">
          <option value="" selected={!params.category} safe>
            {t('documents.allCategories')}
          </option>
          {CATEGORIES.map((c) => (
            <option value={c} selected={c === params.category} safe>
              {categoryName(site, c)}
            </option>
          ))}
        </select>
      </div>
      <div class="document-filters__field">
        <label for="documents-year" safe>
          {t('documents.year')}
        </label>
        <select id="documents-year" name="year">
          <option value="" selected={params.year === undefined} safe>
            {t('documents.allYears')}
          </option>
          {props.years.map((y) => (
            <option value={String(y)} selected={y === params.year} safe>
              {String(y)}
            </option>
          ))}
        </select>
      </div>
      <button class="button document-filters__submit" type="submit" safe>
        {t('documents.submit')}
      </button>
    </form>
  );
}

function DocumentItem(props: { site: Site; doc: IntegrityDocument }): JSX.Element {
  const { site, doc } = props;
  const { t } = site;
  const type = typeLabel(doc.contentType);
  const fileMeta = t('documents.fileMeta', { type, size: formatFileSize(doc.bytes, site.edition.locale) });
  const titleId = `document-${doc.id}`;
  return (
    <article class="document" aria-labelledby={titleId}>
      <span class="document__badge" aria-hidden="true" safe>
        {type}
      </span>
      <div class="document__body">
        <p class="card__meta document__meta">
          <span safe>{categoryName(site, doc.category)}</span>
          <span aria-hidden="true"> · </span>
          <span safe>{String(doc.year)}</span>
        </p>
        <h3 id={titleId} class="document__title" dir="auto" safe>
          {doc.title}
        </h3>
        {doc.description ? (
          <p class="document__description" dir="auto" safe>
            {doc.description}
          </p>
        ) : (
          ''
        )}
        <p class="document__download">
          <a class="button document__link" href={downloadPath(doc)} download={doc.fileName}>
            <span safe>{t('documents.download')}</span>
            <span class="visually-hidden" safe>{`: ${doc.title}`}</span>
          </a>{' '}
          <span class="document__file" safe>
            {fileMeta}
          </span>
        </p>
      </div>
    </article>
  );
}
