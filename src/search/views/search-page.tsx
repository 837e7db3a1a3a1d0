// The search page: the form with its filters, then results with highlighted snippets, or a
// designed empty state that offers a way on.
import { articlePath, categoryPath, type ArticleSummary } from '../../articles/index.ts';
import { Breadcrumbs, Pagination } from '../../core/views/components.tsx';
import { Layout } from '../../core/views/layout.tsx';
import type { Site } from '../../core/views/site.ts';
import { isoInZone } from '../../i18n/index.ts';
import { Picture } from '../../media/index.ts';
import { searchPath, type SearchParams } from '../params.ts';
import { bodyText, MAX_QUERY_CHARS, safeHighlight, safeSnippet, type SearchQuery } from '../text.ts';

/** A section in the filter's list, with its depth under the top sections. */
export interface SectionOption {
  readonly slug: string;
  readonly name: string;
  readonly depth: number;
}

/** One page of results; absent when the query had no words to look for. */
export interface SearchResults {
  /** Matches counted; with isCapped, there are more, and only the newest `total` are ranked. */
  readonly total: number;
  readonly isCapped: boolean;
  /** The query the hits matched, for marking words (its last word may be read as a beginning). */
  readonly matchedQuery: SearchQuery;
  readonly page: number;
  readonly pages: number;
  readonly perPage: number;
  readonly hits: readonly { article: ArticleSummary; bodyHtml: string }[];
}

export interface SearchPageProps {
  site: Site;
  params: SearchParams;
  /** The chosen section, when it exists. */
  category: string | undefined;
  sections: readonly SectionOption[];
  results: SearchResults | undefined;
}

// Unicode isolates keep a right-to-left query from reordering a left-to-right sentence, and back.
const isolate = (text: string) => `\u2068${text}\u2069`;

/** The whole search page. */
export function SearchPage(props: SearchPageProps): JSX.Element {
  const { site, params, results } = props;
  const { t, edition } = site;
  const query = params.query;
  const filters = { category: props.category, from: params.from, to: params.to };
  const path = searchPath(edition.code, { q: query.text, ...filters });
  const title = query.text ? t('search.titleFor', { query: isolate(query.text) }) : t('search.title');
  const pageTitle =
    results && results.page > 1
      ? `${title} – ${t('list.pageOf', { page: results.page, pages: results.pages })}`
      : title;
  return (
    <Layout site={site} head={{ title: pageTitle, description: t('search.intro'), path, noindex: true }}>
      <div class="wrap search">
        <div class="search__column">
          <Breadcrumbs
            site={site}
            trail={[
              { label: t('nav.home'), href: `/${edition.code}` },
              { label: t('search.title'), href: `/${edition.code}/search` },
            ]}
          />
          <h1 safe>{t('search.title')}</h1>
          <SearchForm {...props} />
          {query.isTruncated && (
            <p class="search__note" safe>
              {t('search.truncated', { count: MAX_QUERY_CHARS })}
            </p>
          )}
          {results === undefined ? (
            <p class="search__intro" safe>
              {query.text ? t('search.noTerms') : t('search.intro')}
            </p>
          ) : results.total === 0 ? (
            <NoResults site={site} query={query} hasFilters={Object.values(filters).some(Boolean)} />
          ) : (
            <section class="search__results" aria-labelledby="search-count">
              <h2 id="search-count" class="search__count" safe>
                {t(results.isCapped ? 'search.resultsCapped' : 'search.results', {
                  count: results.total,
                  query: isolate(query.text),
                })}
              </h2>
              {results.isCapped && (
                <p class="search__note" safe>
                  {t('search.cappedNote', { count: results.total })}
                </p>
              )}
              <ol class="search-results" start={String((results.page - 1) * results.perPage + 1)}>
                {results.hits.map((hit, i) => (
                  <li>
                    <SearchResult
                      site={site}
                      query={results.matchedQuery}
                      hit={hit}
                      isPriority={i === 0 && results.page === 1}
                    />
                  </li>
                ))}
              </ol>
              <Pagination
                site={site}
                basePath={path}
                page={results.page}
                pages={results.pages}
                labels={{ previous: t('search.previous'), next: t('search.next') }}
              />
            </section>
          )}
        </div>
      </div>
    </Layout>
  );
}

function SearchForm(props: SearchPageProps): JSX.Element {
  const { site, params } = props;
  const { t, edition } = site;
  return (
    <form class="search-form" role="search" method="get" action={`/${edition.code}/search`}>
      <div class="search-form__query">
        <label for="search-q" safe>
          {t('search.label')}
        </label>
        <div class="search-form__row">
          <input
            id="search-q"
            type="search"
            name="q"
            value={params.query.text}
            maxlength={String(MAX_QUERY_CHARS)}
            enterkeyhint="search"
            dir="auto"
          />
          <button class="button" type="submit" safe>
            {t('search.submit')}
          </button>
        </div>
      </div>
      <fieldset class="search-form__filters">
        <legend safe>{t('search.filters')}</legend>
        <div class="search-form__field">
          <label for="search-category" safe>
            {t('search.section')}
          </label>
          <select id="search-category" name="category">
            <option value="" selected={props.category === undefined} safe>
              {t('search.allSections')}
            </option>
            {props.sections.map((s) => (
              <option value={s.slug} selected={s.slug === props.category} safe>
                {'– '.repeat(s.depth) + s.name}
              </option>
            ))}
          </select>
        </div>
        <div class="search-form__field">
          <label for="search-from" safe>
            {t('search.from')}
          </label>
          <input id="search-from" type="date" name="from" value={params.from} />
        </div>
        <div class="search-form__field">
          <label for="search-to" safe>
            {t('search.to')}
          </label>
          <input id="search-to" type="date" name="to" value={params.to} />
        </div>
      </fieldset>
    </form>
  );
}

function SearchResult(props: {
  site: Site;
  query: SearchQuery;
  hit: { article: ArticleSummary; bodyHtml: string };
  isPriority: boolean;
}): JSX.Element {
  const { site, query } = props;
  const { article } = props.hit;
  // Only safeHighlight/safeSnippet output is printed unescaped: they escape every character first.
  const safeTitle = safeHighlight(article.title, query);
  const safeText =
    safeSnippet(article.summary, query) ??
    safeSnippet(bodyText(props.hit.bodyHtml), query) ??
    safeHighlight(article.summary, query);
  return (
    <article class="search-result">
      {!!article.image && (
        <Picture
          class="search-result__image"
          image={article.image}
          alt=""
          sizes="(min-width: 40rem) 10rem, 6rem"
          isPriority={props.isPriority}
        />
      )}
      <div class="search-result__body">
        <p class="card__section">
          <a href={categoryPath(article.edition, article.category.slug)} safe>
            {article.category.name}
          </a>
        </p>
        <h3 class="search-result__title">
          <a href={articlePath(article)}>{safeTitle}</a>
        </h3>
        {!!safeText && <p class="search-result__snippet">{safeText}</p>}
        <p class="card__meta">
          <time datetime={isoInZone(article.publishedAt, site.timezone)} safe>
            {site.f.date(article.publishedAt)}
          </time>
        </p>
      </div>
    </article>
  );
}

function NoResults(props: { site: Site; query: SearchQuery; hasFilters: boolean }): JSX.Element {
  const { t, edition } = props.site;
  return (
    <section class="search-empty" aria-labelledby="search-empty-title">
      <h2 id="search-empty-title" safe>
        {t('search.noResultsTitle', { query: isolate(props.query.text) })}
      </h2>
      <p safe>{t('search.noResultsText')}</p>
      <ul>
        <li safe>{t('search.tipSpelling')}</li>
        <li safe>{t('search.tipFewer')}</li>
        {props.hasFilters && (
          <li>
            <a href={searchPath(edition.code, { q: props.query.text })} safe>
              {t('search.tipFilters')}
            </a>
          </li>
        )}
        <li>
          <a href={`/${edition.code}`} safe>
            {t('search.tipLatest')}
          </a>
        </li>
      </ul>
    </section>
  );
}
