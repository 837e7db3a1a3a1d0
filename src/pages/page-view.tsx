// A static page with its place in the tree: breadcrumbs and the pages around it.
import { safeEmbedCards } from '../core/text/embeds.ts';
import { Layout } from '../core/views/layout.tsx';
import { Breadcrumbs } from '../core/views/components.tsx';
import type { Alternate, Site } from '../core/views/site.ts';
import { safeBodyImages, type BodyImages } from '../media/index.ts';
import { staticPageHeadTags } from '../seo/index.ts';
import { pagePath, type Page, type PageLink } from './queries.ts';

export interface PageViewProps {
  site: Site;
  page: Page;
  /** Ancestors from the root, not including the page. */
  ancestors: readonly PageLink[];
  /** The pages of this section: the root's children. */
  sectionPages: readonly PageLink[];
  sectionRoot: PageLink;
  alternates: readonly Alternate[];
  /** The body's inline images, drawn as <picture> (findBodyImages); an image not in it stays as stored. */
  bodyImages: BodyImages;
}

/** Renders a static page. */
export function PageView(props: PageViewProps): JSX.Element {
  const { site, page } = props;
  const code = site.edition.code;
  const nav = [props.sectionRoot, ...props.sectionPages];
  // Page bodies are sanitised when saved (src/core/text/sanitize.ts); images get their sizes and
  // embeds their cards here.
  const safeBodyHtml = safeEmbedCards(safeBodyImages(page.bodyHtml, props.bodyImages), site.t);
  const trail = [
    { label: site.t('nav.home'), href: `/${code}` },
    ...props.ancestors.map((p) => ({ label: p.title, href: pagePath(code, p.path) })),
    { label: page.title, href: pagePath(code, page.path) },
  ];
  return (
    <Layout
      site={site}
      head={{
        title: page.title,
        description: page.summary || page.title,
        path: pagePath(code, page.path),
        alternates: props.alternates,
        ...staticPageHeadTags(site, {
          title: page.title,
          description: page.summary || page.title,
          path: pagePath(code, page.path),
          trail,
          modified: page.updatedAt,
        }),
      }}
    >
      <div class="wrap with-aside with-aside--start">
        <article class="static-page">
          <Breadcrumbs site={site} trail={trail} />
          <h1 safe>{page.title}</h1>
          {!!page.summary && (
            <p class="static-page__summary" safe>
              {page.summary}
            </p>
          )}
          <div class="prose">{safeBodyHtml}</div>
        </article>
        {nav.length > 1 && (
          <nav class="box page-nav" aria-label={site.t('page.inThisSection')}>
            <h2 class="box__title" safe>
              {site.t('page.inThisSection')}
            </h2>
            <ul>
              {nav.map((p) => (
                <li>
                  <a href={pagePath(code, p.path)} aria-current={p.id === page.id ? 'page' : undefined} safe>
                    {p.title}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
    </Layout>
  );
}
