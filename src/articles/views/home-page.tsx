// An edition's front page: top story, latest, a block per section, most read, on air now.
import { Layout } from '../../core/views/layout.tsx';
import { Notice } from '../../core/views/components.tsx';
import type { Site } from '../../core/views/site.ts';
import { homeHeadTags } from '../../seo/index.ts';
import type { ArticleSummary } from '../model.ts';
import { categoryPath } from '../sections.ts';
import { ArticleCard } from './cards.tsx';

export interface HomePageProps {
  site: Site;
  top: ArticleSummary | undefined;
  secondary: readonly ArticleSummary[];
  latest: readonly ArticleSummary[];
  sections: readonly { name: string; slug: string; articles: readonly ArticleSummary[] }[];
  /** The rendered side column (on air now, most read). */
  safeAside: JSX.Element;
  alternates: readonly { lang: string; path: string }[];
}

/** The home page of an edition. */
export function HomePage(props: HomePageProps): JSX.Element {
  const { site } = props;
  const { safeAside } = props;
  const { t } = site;
  const code = site.edition.code;
  return (
    <Layout
      site={site}
      head={{
        title: t('site.name'),
        description: t('site.description'),
        path: `/${code}`,
        alternates: props.alternates,
        ...homeHeadTags(site),
      }}
    >
      <h1 class="visually-hidden" safe>
        {t('site.name')}
      </h1>
      {!props.top ? (
        <div class="wrap">
          <Notice
            title={t('home.emptyTitle')}
            text={t('home.empty')}
            linkLabel={t('nav.listenLive')}
            href={`/${code}/live`}
            level={2}
          />
        </div>
      ) : (
        <>
          <div class="wrap front">
            <div class="front__main">
              <section aria-labelledby="top-story-title">
                <h2 id="top-story-title" class="visually-hidden" safe>
                  {t('home.topStory')}
                </h2>
                <ArticleCard site={site} article={props.top} variant="lead" headingLevel={3} isPriority />
              </section>
              {props.secondary.length > 0 && (
                <div class="front__secondary">
                  {props.secondary.map((a) => (
                    <ArticleCard site={site} article={a} />
                  ))}
                </div>
              )}
            </div>
            <section class="front__latest" aria-labelledby="latest-title">
              <h2 id="latest-title" class="section-title" safe>
                {t('home.latest')}
              </h2>
              <div class="latest-list">
                {props.latest.map((a) => (
                  <ArticleCard site={site} article={a} variant="compact" />
                ))}
              </div>
            </section>
            <aside class="front__aside aside">{safeAside}</aside>
          </div>
          {props.sections.map((s) => (
            <section class="wrap section-block" aria-labelledby={`section-${s.slug}`}>
              <h2 id={`section-${s.slug}`} class="section-title">
                <a href={categoryPath(code, s.slug)} safe>
                  {s.name}
                </a>
              </h2>
              <div class="grid">
                {s.articles.map((a) => (
                  <ArticleCard site={site} article={a} showSection={false} />
                ))}
              </div>
              <p class="section-block__more">
                <a href={categoryPath(code, s.slug)} safe>
                  {t('home.moreIn', { section: s.name })}
                </a>
              </p>
            </section>
          ))}
        </>
      )}
    </Layout>
  );
}
