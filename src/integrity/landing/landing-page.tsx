// The integrity zone's front page (/{edition}/integrity): the zone's own pages from the page tree
// (declaration, programme, service standards, contacts: an editor writes them in the newsroom's
// Pages, under a root page with the slug "integrity"), and the ways in that this domain builds:
// the reporting channel first, since that is what a visitor most often comes for, then the
// documents, the survey and the privacy notice.
import { Breadcrumbs } from '../../core/views/components.tsx';
import { Layout } from '../../core/views/layout.tsx';
import type { Site } from '../../core/views/site.ts';
import { pagePath, type Page, type PageCard } from '../../pages/index.ts';
import { integrityPaths } from './paths.ts';

export interface LandingPageProps {
  site: Site;
  /** The zone's root page, when the edition has one. */
  root: Page | undefined;
  /** Its published child pages, in order. */
  pages: readonly PageCard[];
}

interface Card {
  readonly href: string;
  readonly title: string;
  readonly text: string;
}

/** The whole front page. */
export function LandingPage(props: LandingPageProps): JSX.Element {
  const { site, root } = props;
  const { t, edition } = site;
  const paths = integrityPaths(edition.code);
  const title = root?.title ?? t('section.integrity');
  const intro = root?.summary || t('integrity.landing.intro');
  // Stored page bodies are sanitised when saved (src/core/text/sanitize.ts).
  const safeBody = root?.bodyHtml ?? '';
  const cards: Card[] = [
    ...props.pages.map((p) => ({ href: pagePath(edition.code, p.path), title: p.title, text: p.summary })),
    { href: paths.documents, title: t('documents.title'), text: t('integrity.landing.documentsText') },
    { href: paths.survey, title: t('integrity.landing.survey'), text: t('integrity.landing.surveyText') },
    { href: paths.surveyResults, title: t('integrity.landing.results'), text: t('integrity.landing.resultsText') },
    { href: paths.privacy, title: t('privacy.title'), text: t('integrity.landing.privacyText') },
  ];
  return (
    <Layout site={site} head={{ title, description: intro, path: paths.landing }}>
      <div class="wrap zone">
        <Breadcrumbs
          site={site}
          trail={[
            { label: t('nav.home'), href: `/${edition.code}` },
            { label: title, href: paths.landing },
          ]}
        />
        <header class="list__header">
          <h1 safe>{title}</h1>
          <p class="list__intro" safe>
            {intro}
          </p>
        </header>
        <section class="zone-report" aria-labelledby="zone-report-title">
          <h2 id="zone-report-title" safe>
            {t('integrity.landing.reportTitle')}
          </h2>
          <p safe>{t('integrity.landing.reportText')}</p>
          <p class="zone-report__anonymous" safe>
            {t('integrity.landing.anonymous')}
          </p>
          <p class="zone-report__actions">
            <a class="button" href={paths.report} safe>
              {t('integrity.landing.reportAction')}
            </a>
            <a class="zone-report__status" href={paths.status} safe>
              {t('integrity.landing.statusAction')}
            </a>
          </p>
        </section>
        <section class="zone-more" aria-labelledby="zone-more-title">
          <h2 id="zone-more-title" safe>
            {t('integrity.landing.more')}
          </h2>
          <ul class="zone-cards">
            {cards.map((card) => (
              <li class="zone-card">
                <h3 class="zone-card__title">
                  <a href={card.href} safe>
                    {card.title}
                  </a>
                </h3>
                {card.text ? (
                  <p class="zone-card__text" safe>
                    {card.text}
                  </p>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        </section>
        {safeBody ? <div class="static-page__body zone__body">{safeBody}</div> : ''}
      </div>
    </Layout>
  );
}
