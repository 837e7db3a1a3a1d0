// /newsroom/pages: an edition's page tree (Company Profile and the like), and the form of one
// page (new or existing) with the rich-text editor, its place in the tree and its status.
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
import { PAGE_STATUSES, POSITION_MAX, type PageValues } from './form.ts';
import type { PageNode } from './queries.ts';

function statusText(status: string): string {
  return status === 'published' ? t('pages.statusPublished') : t('pages.statusDraft');
}

/** The pages as nested lists, each linking to its form. */
function PageTree(props: { nodes: readonly PageNode[]; parentId: number | null; depth: number }): JSX.Element {
  const here = props.nodes.filter(
    (n) => n.depth === props.depth && (props.depth === 0 || n.parentId === props.parentId),
  );
  if (here.length === 0) return <></>;
  return (
    <ul
      class={props.depth === 0 ? 'nr-tree' : undefined}
      aria-label={props.depth === 0 ? t('pages.treeLabel') : undefined}
    >
      {here.map((n) => (
        <li>
          <a href={`/newsroom/pages/${n.id}`} safe>
            {n.title}
          </a>{' '}
          <span class="nr-meta" safe>
            {t('pages.itemMeta', { status: statusText(n.status), path: `/${n.path}`, position: n.position })}
          </span>
          <PageTree nodes={props.nodes} parentId={n.id} depth={props.depth + 1} />
        </li>
      ))}
    </ul>
  );
}

export interface PagesPageProps {
  readonly page: NewsroomPage;
  readonly editions: readonly EditionChoice[];
  readonly edition: EditionChoice;
  readonly tree: readonly PageNode[];
  readonly notice?: string;
}

/** The page tree of an edition. */
export function PagesPage(props: PagesPageProps): JSX.Element {
  const title = t('pages.heading', { edition: props.edition.name });
  return (
    <NewsroomLayout {...props.page} title={title}>
      <div class="nr-heading-row">
        <h1 safe>{title}</h1>
        <a
          class="nr-button nr-button-primary"
          href={`/newsroom/pages/new?edition=${encodeURIComponent(props.edition.code)}`}
        >
          {t('pages.new')}
        </a>
      </div>
      <EditionPicker action="/newsroom/pages" editions={props.editions} current={props.edition.code} />
      <Notice text={props.notice} />
      <section class="nr-panel" aria-labelledby="tree-heading">
        <h2 id="tree-heading">{t('pages.treeHeading')}</h2>
        {props.tree.length === 0 ? <p>{t('pages.none')}</p> : <PageTree nodes={props.tree} parentId={null} depth={0} />}
      </section>
    </NewsroomLayout>
  );
}

export interface PageEditorProps {
  readonly page: NewsroomPage;
  readonly edition: EditionChoice;
  /** The stored page; undefined for a new one. */
  readonly stored?: { readonly id: number; readonly title: string; readonly publicPath: string | null };
  readonly tree: readonly PageNode[];
  /** The page and the pages below it: not offered as its parent. */
  readonly excluded: ReadonlySet<number>;
  readonly values: PageValues;
  readonly problems?: readonly string[];
  readonly notice?: string;
}

/** The form of a page, new or existing, with its delete button. */
export function PageEditorPage(props: PageEditorProps): JSX.Element {
  const { values: v, stored } = props;
  const csrf = props.page.staff!.csrfToken;
  const title = stored
    ? t('pages.editTitle', { title: stored.title })
    : t('pages.newTitle', { edition: props.edition.name });
  return (
    <NewsroomLayout {...props.page} title={title}>
      <p>
        <a href={`/newsroom/pages?edition=${encodeURIComponent(props.edition.code)}`} safe>
          {t('pages.back', { edition: props.edition.name })}
        </a>
      </p>
      <div class="nr-heading-row">
        <h1 safe>{title}</h1>
        {stored?.publicPath ? <a href={stored.publicPath}>{t('manage.viewOnSite')}</a> : ''}
      </div>
      <Notice text={props.notice} />
      <Problems problems={props.problems ?? []} />
      <form
        method="post"
        action={stored ? `/newsroom/pages/${stored.id}` : '/newsroom/pages'}
        class="nr-form nr-editor-form"
      >
        <CsrfField token={csrf} />
        {!stored && <input type="hidden" name="edition" value={props.edition.code} />}
        <div class="nr-editor-main">
          <div class="nr-field">
            <label for="page-title">{t('pages.pageTitle')}</label>
            <input id="page-title" name="title" type="text" required maxlength="300" value={v.title} />
          </div>
          <div class="nr-field">
            <label for="page-slug">{t('pages.slug')}</label>
            <input
              id="page-slug"
              name="slug"
              type="text"
              maxlength="200"
              value={v.slug}
              aria-describedby="page-slug-hint"
            />
            <p class="nr-hint" id="page-slug-hint">
              {t('pages.slugHint')}
            </p>
          </div>
          <div class="nr-field">
            <label for="page-summary">{t('pages.summary')}</label>
            <textarea id="page-summary" name="summary" rows="3" maxlength="2000" safe>
              {v.summary}
            </textarea>
          </div>
          <div class="nr-field">
            <label for="page-body">{t('pages.body')}</label>
            <textarea id="page-body" name="bodyHtml" rows="18" data-rich-editor data-csrf-token={csrf} safe>
              {v.bodyHtml}
            </textarea>
          </div>
        </div>
        <div class="nr-editor-side">
          <div class="nr-field">
            <label for="page-parent">{t('manage.parent')}</label>
            <select id="page-parent" name="parentId">
              <option value="" selected={v.parentId === ''}>
                {t('manage.topLevel')}
              </option>
              {props.tree
                .filter((n) => !props.excluded.has(n.id))
                .map((n) => (
                  <option value={String(n.id)} selected={v.parentId === String(n.id)} safe>
                    {`${'– '.repeat(n.depth)}${n.title}`}
                  </option>
                ))}
            </select>
          </div>
          <div class="nr-field">
            <label for="page-position">{t('manage.position')}</label>
            <input
              id="page-position"
              name="position"
              type="number"
              inputmode="numeric"
              min="0"
              max={String(POSITION_MAX)}
              value={v.position}
              aria-describedby="page-position-hint"
            />
            <p class="nr-hint" id="page-position-hint">
              {t('manage.positionHint')}
            </p>
          </div>
          <fieldset class="nr-fieldset">
            <legend>{t('pages.status')}</legend>
            {PAGE_STATUSES.map((status) => (
              <div class="nr-field-check">
                <input
                  id={`page-status-${status}`}
                  name="status"
                  type="radio"
                  value={status}
                  checked={(v.status || 'draft') === status}
                />
                <label for={`page-status-${status}`} safe>
                  {statusText(status)}
                </label>
              </div>
            ))}
            <p class="nr-hint">{t('pages.statusHint')}</p>
          </fieldset>
          <div>
            <button type="submit" class="nr-button nr-button-primary">
              {stored ? t('pages.save') : t('pages.create')}
            </button>
          </div>
        </div>
      </form>
      {stored ? (
        <section class="nr-panel nr-danger-zone" aria-labelledby="delete-heading">
          <h2 id="delete-heading">{t('pages.deleteTitle')}</h2>
          <p class="nr-hint" id="delete-hint">
            {t('pages.deleteHint')}
          </p>
          <form method="post" action={`/newsroom/pages/${stored.id}/delete`}>
            <CsrfField token={csrf} />
            <button type="submit" class="nr-button nr-button-danger" aria-describedby="delete-hint">
              {t('pages.deleteSubmit')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </NewsroomLayout>
  );
}
