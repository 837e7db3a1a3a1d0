// The article page, in the order readers of the reference site expect: date, headline,
// byline, rating, photo with caption and credit, body with dateline and source, tags,
// read count, related stories.
import { safeEmbedCards } from '../../core/text/embeds.ts';
import { Layout } from '../../core/views/layout.tsx';
import { Breadcrumbs } from '../../core/views/components.tsx';
import type { Alternate, Site } from '../../core/views/site.ts';
import { Picture, safeBodyImages, type BodyImages } from '../../media/index.ts';
import { authorPath } from '../../users/index.ts';
import { articlePath, type Article, type ArticleSummary } from '../model.ts';
import { categoryPath, tagPath } from '../sections.ts';
import { articleHeadTags } from '../structured-data.ts';
import { ArticleCard, PublishedTime } from './cards.tsx';

export interface ArticlePageProps {
  site: Site;
  article: Article;
  tags: readonly { slug: string; name: string }[];
  related: readonly ArticleSummary[];
  /** Rendered slots (HTML the slot parts escaped; `safe…` tells the xss check so). */
  slots: { readonly safeMeta: JSX.Element; readonly safeFooter: JSX.Element; readonly safeAside: JSX.Element };
  translations: readonly (Alternate & { name: string })[];
  /** The body's inline images, drawn as <picture> (findBodyImages); an image not in it stays as stored. */
  bodyImages: BodyImages;
}

/** The full article page. */
export function ArticlePage(props: ArticlePageProps): JSX.Element {
  const { site, article } = props;
  const { safeMeta, safeFooter, safeAside } = props.slots;
  const { t } = site;
  const code = site.edition.code;
  return (
    <Layout
      site={site}
      head={{
        title: article.title,
        description: article.summary,
        path: articlePath(article),
        alternates: props.translations,
        ...articleHeadTags(site, article, props.tags),
      }}
    >
      <div class="wrap with-aside">
        <div class="main-column">
          <article class="story">
            <Breadcrumbs
              site={site}
              trail={[
                { label: t('nav.home'), href: `/${code}` },
                { label: article.category.name, href: categoryPath(code, article.category.slug) },
              ]}
            />
            <header class="story__header">
              <p class="story__date">
                <PublishedTime site={site} date={article.publishedAt} isLong />
                {!!article.contentUpdatedAt && article.contentUpdatedAt > article.publishedAt && (
                  <>
                    {' · '}
                    <span class="story__updated" safe>
                      {t('article.updated', { date: site.f.dateTime(article.contentUpdatedAt) })}
                    </span>
                  </>
                )}
              </p>
              <h1 class="story__title" safe>
                {article.title}
              </h1>
              {!!article.summary && (
                <p class="story__standfirst" safe>
                  {article.summary}
                </p>
              )}
              <div class="story__meta">
                <Byline site={site} article={article} />
                {safeMeta}
              </div>
            </header>
            {!!article.image && (
              <figure class="story__figure">
                <Picture
                  image={article.image}
                  alt={article.imageAlt}
                  sizes="(min-width: 760px) 720px, 100vw"
                  isPriority
                />
                {!!(article.imageCaption || article.imageCredit) && (
                  <figcaption>
                    {!!article.imageCaption && (
                      <span class="story__caption" safe>
                        {article.imageCaption}
                      </span>
                    )}
                    {!!article.imageCredit && (
                      <span class="story__credit" safe>
                        {t('article.photoCredit', { credit: article.imageCredit })}
                      </span>
                    )}
                  </figcaption>
                )}
              </figure>
            )}
            <div class="story__body">
              {safeEmbedCards(safeBodyImages(safeBodyWithDatelineAndSource(article), props.bodyImages), t)}
            </div>
            {!!article.correctionNote && (
              <aside class="story__correction" aria-labelledby="correction-title">
                <h2 id="correction-title" safe>
                  {t('article.correction')}
                </h2>
                <p safe>{article.correctionNote}</p>
              </aside>
            )}
            <footer class="story__footer">
              {props.tags.length > 0 && (
                <div class="story__tags">
                  <h2 class="visually-hidden" safe>
                    {t('article.tags')}
                  </h2>
                  <ul class="tags">
                    {props.tags.map((tag) => (
                      <li>
                        <a href={tagPath(code, tag.slug)} rel="tag" safe>
                          {tag.name}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {safeFooter}
              {props.translations.length > 0 && (
                <p class="story__translations">
                  <span safe>{t('article.otherEditions')}</span>{' '}
                  {props.translations.map((tr) => (
                    <a href={tr.path} hreflang={tr.lang} lang={tr.lang} safe>
                      {tr.name}
                    </a>
                  ))}
                </p>
              )}
            </footer>
          </article>
          {props.related.length > 0 && (
            <section class="related" aria-labelledby="related-title">
              <h2 id="related-title" class="section-title" safe>
                {t('article.related')}
              </h2>
              <div class="grid">
                {props.related.map((a) => (
                  <ArticleCard site={site} article={a} />
                ))}
              </div>
            </section>
          )}
        </div>
        <aside class="aside">{safeAside}</aside>
      </div>
    </Layout>
  );
}

function Byline({ site, article }: { site: Site; article: Article }): JSX.Element {
  const name = article.byline ?? article.author?.name;
  if (!name) return <></>;
  return (
    <p class="byline">
      <span safe>{site.t('article.writtenBy')}</span>{' '}
      {article.author && !article.byline ? (
        <a href={authorPath(article.edition, article.author.slug)} rel="author" safe>
          {article.author.name}
        </a>
      ) : (
        <span class="byline__name" safe>
          {name}
        </span>
      )}
    </p>
  );
}

/**
 * The stored body is sanitised HTML. The dateline opens its first paragraph and the source
 * closes its last one, as in a wire story; both are escaped fields of their own.
 */
function safeBodyWithDatelineAndSource(article: Article): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  let html = article.bodyHtml;
  if (article.dateline) {
    const dateline = `<span class="dateline">${esc(article.dateline)}:</span> `;
    const opening = /^\s*<p>/.exec(html);
    html = opening ? `<p>${dateline}${html.slice(opening[0].length)}` : `<p>${dateline}</p>${html}`;
  }
  if (article.source) {
    const source = `<span class="source">/${esc(article.source)}</span>`;
    const closing = lastClosingParagraph(html);
    html = closing >= 0 ? `${html.slice(0, closing)}${source}</p>` : `${html}<p>${source}</p>`;
  }
  return html;
}

/** Where the body's final "</p>" starts, when only white space follows it; else -1. */
function lastClosingParagraph(html: string): number {
  // lastIndexOf and a look at the tail, not /<\/p>\s*$/, which tries every "</p>" of the body.
  const at = html.lastIndexOf('</p>');
  return at >= 0 && /^\s*$/.test(html.slice(at + 4)) ? at : -1;
}
