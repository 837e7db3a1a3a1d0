// /newsroom/sections: an edition's section tree with the form that adds a section, and one
// section's form with its delete button. The edition picker and the Sections/Tags tabs are
// shared with the tag pages.
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
import { POSITION_MAX, countText, type SectionValues } from './taxonomy-form.ts';
import type { SectionNode } from './taxonomy-queries.ts';

/** Links between an edition's sections and its tags. */
export function TaxonomyTabs(props: { edition: string; current: 'sections' | 'tags' }): JSX.Element {
  const q = `?edition=${encodeURIComponent(props.edition)}`;
  return (
    <nav class="nr-tabs" aria-label={t('sections.tabs')}>
      <ul>
        <li>
          <a href={`/newsroom/sections${q}`} aria-current={props.current === 'sections' ? 'page' : undefined}>
            {t('sections.tabSections')}
          </a>
        </li>
        <li>
          <a href={`/newsroom/sections/tags${q}`} aria-current={props.current === 'tags' ? 'page' : undefined}>
            {t('sections.tabTags')}
          </a>
        </li>
      </ul>
    </nav>
  );
}

/** The sections as nested lists, each linking to its form. */
function SectionTree(props: { nodes: readonly SectionNode[]; parentId: number | null; depth: number }): JSX.Element {
  const here = props.nodes.filter(
    (n) => n.depth === props.depth && (props.depth === 0 || n.parentId === props.parentId),
  );
  if (here.length === 0) return <></>;
  return (
    <ul
      class={props.depth === 0 ? 'nr-tree' : undefined}
      aria-label={props.depth === 0 ? t('sections.treeLabel') : undefined}
    >
      {here.map((n) => (
        <li>
          <a href={`/newsroom/sections/${n.id}`} safe>
            {n.name}
          </a>{' '}
          <span class="nr-meta" safe>
            {t('sections.itemMeta', { slug: n.slug, position: n.position })}
          </span>
          <SectionTree nodes={props.nodes} parentId={n.id} depth={props.depth + 1} />
        </li>
      ))}
    </ul>
  );
}

/** The fields of a section, for adding and for editing. */
function SectionFields(props: {
  values: SectionValues;
  tree: readonly SectionNode[];
  excluded: ReadonlySet<number>;
}): JSX.Element {
  const v = props.values;
  return (
    <>
      <div class="nr-field">
        <label for="section-name">{t('sections.name')}</label>
        <input id="section-name" name="name" type="text" required maxlength="120" value={v.name} />
      </div>
      <div class="nr-field">
        <label for="section-slug">{t('sections.slug')}</label>
        <input
          id="section-slug"
          name="slug"
          type="text"
          maxlength="120"
          value={v.slug}
          aria-describedby="section-slug-hint"
        />
        <p class="nr-hint" id="section-slug-hint">
          {t('sections.slugHint')}
        </p>
      </div>
      <div class="nr-field">
        <label for="section-description">{t('sections.description')}</label>
        <textarea id="section-description" name="description" rows="3" maxlength="2000" safe>
          {v.description}
        </textarea>
      </div>
      <div class="nr-field">
        <label for="section-parent">{t('manage.parent')}</label>
        <select id="section-parent" name="parentId">
          <option value="" selected={v.parentId === ''}>
            {t('manage.topLevel')}
          </option>
          {props.tree
            .filter((n) => !props.excluded.has(n.id))
            .map((n) => (
              <option value={String(n.id)} selected={v.parentId === String(n.id)} safe>
                {`${'– '.repeat(n.depth)}${n.name}`}
              </option>
            ))}
        </select>
      </div>
      <div class="nr-field">
        <label for="section-position">{t('manage.position')}</label>
        <input
          id="section-position"
          name="position"
          type="number"
          inputmode="numeric"
          min="0"
          max={String(POSITION_MAX)}
          value={v.position}
          aria-describedby="section-position-hint"
        />
        <p class="nr-hint" id="section-position-hint">
          {t('manage.positionHint')}
        </p>
      </div>
    </>
  );
}

export interface SectionsPageProps {
  readonly page: NewsroomPage;
  readonly editions: readonly EditionChoice[];
  readonly edition: EditionChoice;
  readonly tree: readonly SectionNode[];
  readonly values?: SectionValues;
  readonly problems?: readonly string[];
  readonly notice?: string;
}

const EMPTY: SectionValues = { name: '', slug: '', description: '', parentId: '', position: '' };

/** The section tree of an edition and the form that adds a section. */
export function SectionsPage(props: SectionsPageProps): JSX.Element {
  const title = t('sections.heading', { edition: props.edition.name });
  return (
    <NewsroomLayout {...props.page} title={title}>
      <h1 safe>{title}</h1>
      <EditionPicker action="/newsroom/sections" editions={props.editions} current={props.edition.code} />
      <TaxonomyTabs edition={props.edition.code} current="sections" />
      <Notice text={props.notice} />
      <section class="nr-panel" aria-labelledby="tree-heading">
        <h2 id="tree-heading">{t('sections.tabSections')}</h2>
        {props.tree.length === 0 ? (
          <p>{t('sections.none')}</p>
        ) : (
          <SectionTree nodes={props.tree} parentId={null} depth={0} />
        )}
      </section>
      <section class="nr-panel" aria-labelledby="add-heading">
        <h2 id="add-heading">{t('sections.add')}</h2>
        <Problems problems={props.problems ?? []} />
        <form method="post" action="/newsroom/sections" class="nr-form">
          <CsrfField token={props.page.staff!.csrfToken} />
          <input type="hidden" name="edition" value={props.edition.code} />
          <SectionFields values={props.values ?? EMPTY} tree={props.tree} excluded={new Set()} />
          <div>
            <button type="submit" class="nr-button nr-button-primary">
              {t('sections.create')}
            </button>
          </div>
        </form>
      </section>
    </NewsroomLayout>
  );
}

export interface SectionEditPageProps {
  readonly page: NewsroomPage;
  readonly edition: EditionChoice;
  readonly section: { readonly id: number; readonly name: string; readonly publicPath: string };
  readonly contents: { readonly articles: number; readonly sections: number };
  readonly tree: readonly SectionNode[];
  /** The section and the sections below it: not offered as its parent. */
  readonly excluded: ReadonlySet<number>;
  readonly values: SectionValues;
  readonly problems?: readonly string[];
  readonly notice?: string;
}

/** One section's form, and its delete button. */
export function SectionEditPage(props: SectionEditPageProps): JSX.Element {
  const { section, contents } = props;
  const title = t('sections.editTitle', { name: section.name });
  const csrf = props.page.staff!.csrfToken;
  return (
    <NewsroomLayout {...props.page} title={title}>
      <p>
        <a href={`/newsroom/sections?edition=${encodeURIComponent(props.edition.code)}`} safe>
          {t('sections.back', { edition: props.edition.name })}
        </a>
      </p>
      <div class="nr-heading-row">
        <h1 safe>{title}</h1>
        <a href={section.publicPath}>{t('manage.viewOnSite')}</a>
      </div>
      <Notice text={props.notice} />
      <Problems problems={props.problems ?? []} />
      <p class="nr-meta" safe>
        {t('sections.holds', {
          articles: countText('articles', contents.articles),
          sections: countText('sections', contents.sections),
        })}
      </p>
      <section class="nr-panel" aria-labelledby="edit-heading">
        <h2 id="edit-heading">{t('sections.details')}</h2>
        <form method="post" action={`/newsroom/sections/${section.id}`} class="nr-form">
          <CsrfField token={csrf} />
          <SectionFields values={props.values} tree={props.tree} excluded={props.excluded} />
          <div>
            <button type="submit" class="nr-button nr-button-primary">
              {t('manage.save')}
            </button>
          </div>
        </form>
      </section>
      <section class="nr-panel" aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t('sections.deleteTitle')}</h2>
        <p class="nr-hint" id="delete-hint">
          {t('sections.deleteHint')}
        </p>
        <form method="post" action={`/newsroom/sections/${section.id}/delete`}>
          <CsrfField token={csrf} />
          <button type="submit" class="nr-button nr-button-danger" aria-describedby="delete-hint">
            {t('sections.deleteSubmit')}
          </button>
        </form>
      </section>
    </NewsroomLayout>
  );
}
