// Lists of stories: a section, a tag or an author, with pagination.
import { Layout } from '../../core/views/layout.tsx';
import { Breadcrumbs, Pagination } from '../../core/views/components.tsx';
import type { Site } from '../../core/views/site.ts';
import { collectionHeadTags } from '../../seo/index.ts';
import type { ArticleSummary } from '../model.ts';
import { ArticleCard } from './cards.tsx';

export interface ListPageProps {
  site: Site;
  title: string;
  description: string;
  /** Text shown under the heading (section description, author bio). */
  intro?: string;
  path: string;
  trail: readonly { label: string; href: string }[];
  articles: readonly ArticleSummary[];
  page: number;
  pages: number;
  emptyText: string;
  /** The rendered side column (most read, on air now). */
  safeAside: JSX.Element;
  /** Links to subsections, for a section page. */
  children?: readonly { label: string; href: string }[];
  /** The page whose feeds the head advertises (a section has feeds of its own). */
  feedPath?: string;
}

/** A paginated list of story cards. */
export function ListPage(props: ListPageProps): JSX.Element {
  const { site } = props;
  const { safeAside } = props;
  const canonical = props.page > 1 ? `${props.path}?page=${props.page}` : props.path;
  const title =
    props.page > 1
      ? `${props.title} – ${site.t('list.pageOf', { page: props.page, pages: props.pages })}`
      : props.title;
  return (
    <Layout
      site={site}
      head={{
        title,
        description: props.description,
        path: canonical,
        ...collectionHeadTags(site, {
          title: props.title,
          description: props.description,
          path: canonical,
          trail: props.trail,
          feedPath: props.feedPath,
        }),
      }}
    >
      <div class="wrap with-aside">
        <div class="list">
          <Breadcrumbs site={site} trail={props.trail} />
          <header class="list__header">
            <h1 safe>{props.title}</h1>
            {!!props.intro && (
              <p class="list__intro" safe>
                {props.intro}
              </p>
            )}
            {!!props.children && props.children.length > 0 && (
              <nav class="subsections" aria-label={site.t('category.subsections')}>
                <ul>
                  {props.children.map((c) => (
                    <li>
                      <a href={c.href} safe>
                        {c.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
          </header>
          {props.articles.length === 0 ? (
            <p class="empty" safe>
              {props.emptyText}
            </p>
          ) : (
            <div class="stack">
              {props.articles.map((a, i) => (
                <ArticleCard
                  site={site}
                  article={a}
                  headingLevel={2}
                  variant="default"
                  isPriority={i === 0 && props.page === 1}
                />
              ))}
            </div>
          )}
          <Pagination site={site} basePath={props.path} page={props.page} pages={props.pages} />
        </div>
        <aside class="aside">{safeAside}</aside>
      </div>
    </Layout>
  );
}
