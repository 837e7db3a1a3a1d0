// /newsroom/redirects: test an address, find redirects, the list (newest first, paged by key),
// the add form; and one redirect's edit page. Pure: everything comes in through the props.
import {
  ColumnHeads,
  CsrfField,
  NewsroomLayout,
  Notice,
  PostButton,
  Problems,
  newsroomText as t,
  type NewsroomKey,
  type NewsroomPage,
} from '../../newsroom/index.ts';
import { MAX_TO_LENGTH } from '../commands.ts';
import { MAX_FROM_LENGTH } from '../paths.ts';
import { ORIGINS, type Origin, type Redirect } from '../queries.ts';

/** The form's values (what was typed, after a refusal). */
export interface RedirectFormValues {
  readonly fromPath: string;
  readonly toPath: string;
}

export const EMPTY_FORM: RedirectFormValues = { fromPath: '', toPath: '' };

/** What "test an address" found, in words, and what a reader gets now. */
export interface TestResult {
  readonly address: string;
  readonly explanation: string;
  readonly answer: string;
}

export interface RedirectsPageProps {
  readonly page: NewsroomPage;
  readonly search: string;
  readonly origin: Origin | undefined;
  readonly rows: readonly Redirect[];
  /** The "Older redirects" link, when there are older ones; and whether this is the first page. */
  readonly olderHref: string | undefined;
  readonly isFirstPage: boolean;
  readonly test: TestResult | undefined;
  readonly testAddress: string;
  readonly values: RedirectFormValues;
  readonly problems?: readonly string[];
  readonly notice?: string;
  readonly mayLinkOut: boolean;
}

const ORIGIN_LABELS: Readonly<Record<Origin, NewsroomKey>> = {
  manual: 'redirects.origin.manual',
  k2: 'redirects.origin.k2',
  wxr: 'redirects.origin.wxr',
};

/** The path of the list with a search, a filter and a cursor. */
export function listPath(params: { search?: string; origin?: Origin; before?: number }): string {
  const query = new URLSearchParams();
  if (params.search) query.set('q', params.search);
  if (params.origin) query.set('origin', params.origin);
  if (params.before !== undefined) query.set('before', String(params.before));
  const text = query.toString();
  return text === '' ? '/newsroom/redirects' : `/newsroom/redirects?${text}`;
}

function TestForm(props: RedirectsPageProps): JSX.Element {
  return (
    <section class="nr-panel" aria-labelledby="test-heading">
      <h2 id="test-heading">{t('redirects.testTitle')}</h2>
      <form method="get" action="/newsroom/redirects#test-heading" class="nr-form">
        <div class="nr-field">
          <label for="test-address">{t('redirects.testLabel')}</label>
          <input
            id="test-address"
            name="test"
            type="text"
            maxlength="2048"
            autocomplete="off"
            spellcheck="false"
            value={props.testAddress}
            aria-describedby="test-address-hint"
          />
          <p class="nr-hint" id="test-address-hint">
            {t('redirects.testHint')}
          </p>
        </div>
        <p>
          <button type="submit" class="nr-button">
            {t('redirects.testButton')}
          </button>
        </p>
      </form>
      {props.test ? (
        <div role="status" class="nr-test-result">
          <p>
            <code safe>{props.test.address}</code>
          </p>
          <p safe>{props.test.explanation}</p>
          <p safe>{props.test.answer}</p>
        </div>
      ) : (
        ''
      )}
    </section>
  );
}

function Filters(props: RedirectsPageProps): JSX.Element {
  return (
    <form method="get" action="/newsroom/redirects" class="nr-filters" aria-labelledby="find-heading">
      <h2 id="find-heading">{t('redirects.findTitle')}</h2>
      <div class="nr-field">
        <label for="find-q">{t('redirects.search')}</label>
        <input id="find-q" name="q" type="search" maxlength="200" value={props.search} />
      </div>
      <div class="nr-field">
        <label for="find-origin">{t('redirects.madeBy')}</label>
        <select id="find-origin" name="origin">
          <option value="">{t('redirects.allOrigins')}</option>
          {ORIGINS.map((o) => (
            <option value={o} selected={o === props.origin}>
              {t(ORIGIN_LABELS[o])}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="nr-button nr-button-primary">
        {t('redirects.show')}
      </button>
      <a href="/newsroom/redirects">{t('redirects.clear')}</a>
    </form>
  );
}

function RedirectRow(props: { row: Redirect; csrfToken: string }): JSX.Element {
  const { row } = props;
  return (
    <tr>
      <th scope="row">
        <code class="nr-path" safe>
          {row.fromPath}
        </code>
      </th>
      <td data-label={t('redirects.to')}>
        <code class="nr-path" safe>
          {row.toPath}
        </code>
      </td>
      <td data-label={t('redirects.edition')} safe>
        {row.edition?.toUpperCase() ?? '–'}
      </td>
      <td data-label={t('redirects.madeBy')}>{t(ORIGIN_LABELS[row.origin])}</td>
      <td data-label={t('redirects.actions')}>
        <a href={`/newsroom/redirects/${row.id}`} aria-label={t('redirects.editLabel', { path: row.fromPath })}>
          {t('redirects.edit')}
        </a>
        <PostButton
          action={`/newsroom/redirects/${row.id}/delete`}
          csrfToken={props.csrfToken}
          text={t('redirects.delete')}
          ariaLabel={t('redirects.deleteLabel', { path: row.fromPath })}
          isDanger
        />
      </td>
    </tr>
  );
}

/** The fields of the add and edit forms. */
function Fields(props: { values: RedirectFormValues; mayLinkOut: boolean }): JSX.Element {
  return (
    <>
      <div class="nr-field">
        <label for="redirect-from">{t('redirects.fromLabel')}</label>
        <input
          id="redirect-from"
          name="fromPath"
          type="text"
          required
          maxlength={String(MAX_FROM_LENGTH)}
          autocomplete="off"
          autocapitalize="none"
          spellcheck="false"
          value={props.values.fromPath}
          aria-describedby="redirect-from-hint"
        />
        <p class="nr-hint" id="redirect-from-hint">
          {t('redirects.fromHint')}
        </p>
      </div>
      <div class="nr-field">
        <label for="redirect-to">{t('redirects.toLabel')}</label>
        <input
          id="redirect-to"
          name="toPath"
          type="text"
          required
          maxlength={String(MAX_TO_LENGTH)}
          autocomplete="off"
          autocapitalize="none"
          spellcheck="false"
          value={props.values.toPath}
          aria-describedby="redirect-to-hint"
        />
        <p class="nr-hint" id="redirect-to-hint">
          {props.mayLinkOut ? t('redirects.toHintAdmin') : t('redirects.toHint')}
        </p>
      </div>
    </>
  );
}

/** /newsroom/redirects. */
export function RedirectsPage(props: RedirectsPageProps): JSX.Element {
  const csrfToken = props.page.staff!.csrfToken;
  const isFiltered = props.search !== '' || props.origin !== undefined;
  return (
    <NewsroomLayout {...props.page} title={t('redirects.title')}>
      <h1>{t('redirects.title')}</h1>
      <p>{t('redirects.intro')}</p>
      <Notice text={props.notice} />
      <p>
        <a class="nr-button" href="#add-heading">
          {t('redirects.add')}
        </a>
      </p>
      <TestForm {...props} />
      <Filters {...props} />
      {props.rows.length === 0 ? (
        <p role="status">{isFiltered || !props.isFirstPage ? t('redirects.none') : t('redirects.empty')}</p>
      ) : (
        <table class="nr-table">
          <caption>{t('redirects.caption')}</caption>
          <ColumnHeads
            labels={[
              t('redirects.from'),
              t('redirects.to'),
              t('redirects.edition'),
              t('redirects.madeBy'),
              t('redirects.actions'),
            ]}
          />
          <tbody>
            {props.rows.map((row) => (
              <RedirectRow row={row} csrfToken={csrfToken} />
            ))}
          </tbody>
        </table>
      )}
      {props.olderHref !== undefined || !props.isFirstPage ? (
        <nav class="nr-pager" aria-label={t('redirects.pages')}>
          <ul class="nr-list">
            {props.isFirstPage ? (
              ''
            ) : (
              <li>
                <a href={listPath({ search: props.search, origin: props.origin })}>{t('redirects.newest')}</a>
              </li>
            )}
            {props.olderHref !== undefined ? (
              <li>
                <a href={props.olderHref}>{t('redirects.older')}</a>
              </li>
            ) : (
              ''
            )}
          </ul>
        </nav>
      ) : (
        ''
      )}
      <section class="nr-panel" aria-labelledby="add-heading">
        <h2 id="add-heading" tabindex="-1">
          {t('redirects.add')}
        </h2>
        <p>{t('redirects.addIntro')}</p>
        <Problems problems={props.problems ?? []} />
        <form method="post" action="/newsroom/redirects#add-heading" class="nr-form">
          <CsrfField token={csrfToken} />
          <Fields values={props.values} mayLinkOut={props.mayLinkOut} />
          <p>
            <button type="submit" class="nr-button nr-button-primary">
              {t('redirects.create')}
            </button>
          </p>
        </form>
      </section>
    </NewsroomLayout>
  );
}

export interface RedirectPageProps {
  readonly page: NewsroomPage;
  readonly redirect: Redirect;
  readonly values: RedirectFormValues;
  readonly problems?: readonly string[];
  readonly mayLinkOut: boolean;
}

/** /newsroom/redirects/:id: change or delete one redirect. */
export function RedirectPage(props: RedirectPageProps): JSX.Element {
  const { redirect } = props;
  const csrfToken = props.page.staff!.csrfToken;
  return (
    <NewsroomLayout {...props.page} title={t('redirects.editTitle')}>
      <p>
        <a href="/newsroom/redirects">{t('redirects.back')}</a>
      </p>
      <h1>{t('redirects.editTitle')}</h1>
      <p class="nr-meta" safe>
        {t('redirects.madeByLine', { origin: t(ORIGIN_LABELS[redirect.origin]) })}
      </p>
      <Problems problems={props.problems ?? []} />
      <form method="post" action={`/newsroom/redirects/${redirect.id}`} class="nr-form">
        <CsrfField token={csrfToken} />
        <Fields values={props.values} mayLinkOut={props.mayLinkOut} />
        <p>
          <button type="submit" class="nr-button nr-button-primary">
            {t('redirects.save')}
          </button>
        </p>
      </form>
      <section class="nr-panel" aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t('redirects.deleteTitle')}</h2>
        <PostButton
          action={`/newsroom/redirects/${redirect.id}/delete`}
          csrfToken={csrfToken}
          text={t('redirects.delete')}
          ariaLabel={t('redirects.deleteLabel', { path: redirect.fromPath })}
          isDanger
        />
      </section>
    </NewsroomLayout>
  );
}
