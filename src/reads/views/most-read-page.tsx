// The edition's most-read page: the stories read most in the last 24 hours, 7 days or 30 days,
// with the periods as links (so it works without JavaScript and each period has its own URL).
import { ArticleCard, MOST_READ_PERIODS, type ArticleSummary, type MostReadPeriod } from '../../articles/index.ts';
import { Breadcrumbs } from '../../core/views/components.tsx';
import { Layout } from '../../core/views/layout.tsx';
import type { Site } from '../../core/views/site.ts';

/** The period shown when the address names none. */
export const DEFAULT_PERIOD: MostReadPeriod = '24h';

/** The address of the most-read page for a period. */
export function mostReadPath(edition: string, period: MostReadPeriod = DEFAULT_PERIOD): string {
  return period === DEFAULT_PERIOD ? `/${edition}/most-read` : `/${edition}/most-read?period=${period}`;
}

export interface MostReadPageProps {
  /** The rendered side column. */
  safeAside: JSX.Element;
  site: Site;
  period: MostReadPeriod;
  articles: readonly ArticleSummary[];
}

/** The most-read page of an edition for one period. */
export function MostReadPage(props: MostReadPageProps): JSX.Element {
  const { site, period } = props;
  const { safeAside } = props;
  const { t } = site;
  const code = site.edition.code;
  const heading = t('mostRead.title');
  const periodLabel = t(`mostRead.period.${period}`);
  return (
    <Layout
      site={site}
      head={{
        title: `${heading} – ${periodLabel}`,
        description: t('mostRead.description'),
        path: mostReadPath(code, period),
      }}
    >
      <div class="wrap with-aside">
        <div class="list most-read-page">
          <Breadcrumbs
            site={site}
            trail={[
              { label: t('nav.home'), href: `/${code}` },
              { label: heading, href: mostReadPath(code, period) },
            ]}
          />
          <header class="list__header">
            <h1 safe>{heading}</h1>
            <p class="list__intro" safe>
              {t('mostRead.description')}
            </p>
            <nav class="period-tabs" aria-label={t('mostRead.periods')}>
              <ul>
                {MOST_READ_PERIODS.map((p) => (
                  <li>
                    <a href={mostReadPath(code, p)} aria-current={p === period ? 'page' : undefined} safe>
                      {t(`mostRead.period.${p}`)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </header>
          <h2 class="visually-hidden" safe>
            {periodLabel}
          </h2>
          {props.articles.length === 0 ? (
            <p class="empty" safe>
              {t('mostRead.periodEmpty')}
            </p>
          ) : (
            <ol class="most-read-page__list">
              {props.articles.map((a, i) => (
                <li>
                  <ArticleCard site={site} article={a} headingLevel={3} isPriority={i === 0} />
                </li>
              ))}
            </ol>
          )}
        </div>
        <aside class="aside">{safeAside}</aside>
      </div>
    </Layout>
  );
}
