// /newsroom/sections/tags: an edition's tags (search, pages by key) and one tag's page, where it
// is renamed or merged into another tag.
import {
  CsrfField,
  NewsroomLayout,
  Notice,
  Problems,
  newsroomText as t,
  type NewsroomPage,
  EditionPicker,
  type EditionChoice,
} from '../../newsroom/index.ts';
import { countText } from './taxonomy-form.ts';
import { TAG_USES_CAP, type ListedTag } from './taxonomy-queries.ts';
import { TaxonomyTabs } from './taxonomy-views.tsx';

export interface TagsPageProps {
  readonly page: NewsroomPage;
  readonly editions: readonly EditionChoice[];
  readonly edition: EditionChoice;
  readonly q: string;
  readonly rows: readonly ListedTag[];
  /** The next page's address, when there is one. */
  readonly nextUrl: string | undefined;
  /** The first page's address, when this is a later one. */
  readonly firstUrl: string | undefined;
  readonly notice?: string;
}

function usesText(uses: number): string {
  return uses > TAG_USES_CAP
    ? t('tags.usesCapped', { count: TAG_USES_CAP.toLocaleString('en') })
    : uses.toLocaleString('en');
}

/** The tags of an edition. */
export function TagsPage(props: TagsPageProps): JSX.Element {
  const title = t('tags.heading', { edition: props.edition.name });
  return (
    <NewsroomLayout {...props.page} title={title}>
      <h1 safe>{title}</h1>
      <EditionPicker action="/newsroom/sections/tags" editions={props.editions} current={props.edition.code} />
      <TaxonomyTabs edition={props.edition.code} current="tags" />
      <Notice text={props.notice} />
      <form
        method="get"
        action="/newsroom/sections/tags"
        class="nr-filters"
        role="search"
        aria-label={t('tags.searchLabel')}
      >
        <input type="hidden" name="edition" value={props.edition.code} />
        <div class="nr-field">
          <label for="tag-q">{t('tags.search')}</label>
          <input id="tag-q" name="q" type="search" maxlength="120" value={props.q} />
        </div>
        <button type="submit" class="nr-button">
          {t('tags.searchSubmit')}
        </button>
      </form>
      {props.rows.length === 0 ? (
        <p>{t('tags.none')}</p>
      ) : (
        <table class="nr-table">
          <caption class="visually-hidden">{t('tags.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tags.name')}</th>
              <th scope="col">{t('tags.slug')}</th>
              <th scope="col">{t('tags.uses')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((tag) => (
              <tr>
                <td>
                  <a href={`/newsroom/sections/tags/${tag.id}`} safe>
                    {tag.name}
                  </a>
                </td>
                <td safe>{tag.slug}</td>
                <td safe>{usesText(tag.uses)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.nextUrl !== undefined || props.firstUrl !== undefined ? (
        <nav class="nr-actions nr-pager" aria-label={t('tags.pages')}>
          {props.firstUrl !== undefined ? (
            <a class="nr-button" href={props.firstUrl}>
              {t('tags.first')}
            </a>
          ) : (
            ''
          )}
          {props.nextUrl !== undefined ? (
            <a class="nr-button" href={props.nextUrl}>
              {t('tags.more')}
            </a>
          ) : (
            ''
          )}
        </nav>
      ) : (
        ''
      )}
    </NewsroomLayout>
  );
}

export interface TagPageProps {
  readonly page: NewsroomPage;
  readonly edition: EditionChoice;
  readonly tag: { readonly id: number; readonly name: string; readonly publicPath: string };
  readonly uses: number;
  readonly values?: { readonly name?: string; readonly into?: string };
  readonly renameProblems?: readonly string[];
  readonly mergeProblems?: readonly string[];
  readonly notice?: string;
}

/** One tag: rename it, or merge it into another. */
export function TagPage(props: TagPageProps): JSX.Element {
  const { tag } = props;
  const title = t('tags.editTitle', { name: tag.name });
  const csrf = props.page.staff!.csrfToken;
  return (
    <NewsroomLayout {...props.page} title={title}>
      <p>
        <a href={`/newsroom/sections/tags?edition=${encodeURIComponent(props.edition.code)}`} safe>
          {t('tags.back', { edition: props.edition.name })}
        </a>
      </p>
      <div class="nr-heading-row">
        <h1 safe>{title}</h1>
        <a href={tag.publicPath}>{t('manage.viewOnSite')}</a>
      </div>
      <Notice text={props.notice} />
      <p class="nr-meta" safe>
        {t('tags.usedBy', { articles: countText('articles', props.uses) })}
      </p>
      <section class="nr-panel" aria-labelledby="rename-heading">
        <h2 id="rename-heading">{t('tags.rename')}</h2>
        <Problems problems={props.renameProblems ?? []} />
        <form method="post" action={`/newsroom/sections/tags/${tag.id}`} class="nr-form">
          <CsrfField token={csrf} />
          <div class="nr-field">
            <label for="tag-name">{t('tags.name')}</label>
            <input
              id="tag-name"
              name="name"
              type="text"
              required
              maxlength="120"
              value={props.values?.name ?? tag.name}
              aria-describedby="tag-name-hint"
            />
            <p class="nr-hint" id="tag-name-hint">
              {t('tags.renameHint')}
            </p>
          </div>
          <div>
            <button type="submit" class="nr-button nr-button-primary">
              {t('tags.renameSubmit')}
            </button>
          </div>
        </form>
      </section>
      <section class="nr-panel" aria-labelledby="merge-heading">
        <h2 id="merge-heading">{t('tags.merge')}</h2>
        <p safe>{t('tags.mergeIntro', { name: tag.name })}</p>
        <Problems problems={props.mergeProblems ?? []} />
        <form method="post" action={`/newsroom/sections/tags/${tag.id}/merge`} class="nr-form">
          <CsrfField token={csrf} />
          <div class="nr-field">
            <label for="tag-into">{t('tags.mergeInto')}</label>
            <input id="tag-into" name="into" type="text" required maxlength="120" value={props.values?.into ?? ''} />
          </div>
          <div>
            <button type="submit" class="nr-button nr-button-danger">
              {t('tags.mergeSubmit')}
            </button>
          </div>
        </form>
      </section>
    </NewsroomLayout>
  );
}
