// The public results: the quarter chosen (a GET form that works without JavaScript), its index
// with the regulation's quality grade and number of responses, the chart of the last quarters
// with the same numbers as a table, each element's value in the quarter, and the grade scale.
import { Breadcrumbs } from '../../../core/views/components.tsx';
import { Layout } from '../../../core/views/layout.tsx';
import type { Site } from '../../../core/views/site.ts';
import { resultsPath, surveyPath } from '../cookie.ts';
import type { SurveyResults } from '../results.ts';
import { GRADE_FLOORS, GRADES, type Grade } from '../score.ts';
import { IndexChart } from './chart.tsx';
import { digits, gradeText, quarterLabel, twoDecimals } from './text.ts';

/** A grade in words, or a dash for a quarter without one. */
function gradeOrDash(site: Site, grade: Grade | undefined): string {
  return grade ? gradeText(site, grade) : '–';
}

/** The whole results page. */
export function ResultsPage(props: { site: Site; results: SurveyResults; isChosen: boolean }): JSX.Element {
  const { site, results } = props;
  const { t, edition } = site;
  const title = t('survey.resultsTitle');
  const selected = results.selected;
  return (
    <Layout
      site={site}
      head={{
        title: selected && props.isChosen ? `${title} – ${quarterLabel(site, selected.period)}` : title,
        description: t('survey.resultsIntro'),
        path: resultsPath(edition.code),
        noindex: props.isChosen,
      }}
    >
      <div class="wrap">
        <div class="survey">
          <Breadcrumbs
            site={site}
            trail={[
              { label: t('nav.home'), href: `/${edition.code}` },
              { label: t('section.integrity'), href: `/${edition.code}/integrity` },
              { label: title, href: resultsPath(edition.code) },
            ]}
          />
          <header class="list__header">
            <h1 safe>{title}</h1>
            <p class="list__intro" safe>
              {t('survey.resultsIntro')}
            </p>
          </header>
          {!selected ? (
            <div class="survey-done">
              <h2 safe>{t('survey.emptyTitle')}</h2>
              <p safe>{t('survey.emptyText')}</p>
              <p>
                <a class="button" href={surveyPath(edition.code)} safe>
                  {t('survey.takeSurvey')}
                </a>
              </p>
            </div>
          ) : (
            <>
              <form class="survey-filter" method="get" action={resultsPath(edition.code)}>
                <label for="survey-quarter" safe>
                  {t('survey.chooseQuarter')}
                </label>
                <select id="survey-quarter" name="quarter">
                  {results.periods.map((period) => (
                    <option value={period} selected={period === selected.period} safe>
                      {quarterLabel(site, period)}
                    </option>
                  ))}
                </select>
                <button class="button" type="submit" safe>
                  {t('survey.show')}
                </button>
              </form>
              <section class="survey-score" aria-labelledby="survey-score-title">
                <h2 id="survey-score-title" safe>
                  {t('survey.indexOf', { quarter: quarterLabel(site, selected.period) })}
                </h2>
                <p class="survey-score__value" safe>
                  {selected.index === undefined ? '–' : twoDecimals(site, selected.index)}
                </p>
                <p class="survey-score__meta">
                  {selected.grade ? (
                    <span safe>{t('survey.grade', { grade: gradeText(site, selected.grade) })}</span>
                  ) : (
                    ''
                  )}
                  <span aria-hidden="true"> · </span>
                  <span safe>{t('survey.responses', { count: selected.responses })}</span>
                </p>
              </section>
              <section aria-labelledby="survey-by-quarter">
                <h2 id="survey-by-quarter" safe>
                  {t('survey.byQuarter')}
                </h2>
                <div class="survey-chart-box">
                  <IndexChart site={site} quarters={results.quarters} selected={selected.period} />
                </div>
                <div class="survey-table" role="region" aria-labelledby="survey-by-quarter" tabindex="0">
                  <table>
                    <caption class="visually-hidden" safe>
                      {t('survey.byQuarter')}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col" safe>
                          {t('survey.col.quarter')}
                        </th>
                        <th scope="col" safe>
                          {t('survey.col.responses')}
                        </th>
                        <th scope="col" safe>
                          {t('survey.col.index')}
                        </th>
                        <th scope="col" safe>
                          {t('survey.col.quality')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {[...results.quarters].reverse().map((q) => (
                        <tr>
                          <th scope="row" safe>
                            {quarterLabel(site, q.period)}
                          </th>
                          <td class="survey-table__number" safe>
                            {site.f.number(q.responses)}
                          </td>
                          <td class="survey-table__number" safe>
                            {q.index === undefined ? '–' : twoDecimals(site, q.index)}
                          </td>
                          <td safe>{gradeOrDash(site, q.grade)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
              <section aria-labelledby="survey-by-element">
                <h2 id="survey-by-element" safe>
                  {t('survey.byElement', { quarter: quarterLabel(site, selected.period) })}
                </h2>
                <div class="survey-table" role="region" aria-labelledby="survey-by-element" tabindex="0">
                  <table>
                    <caption class="visually-hidden" safe>
                      {t('survey.byElement', { quarter: quarterLabel(site, selected.period) })}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col" safe>
                          {t('survey.col.element')}
                        </th>
                        <th scope="col" safe>
                          {t('survey.col.mean')}
                        </th>
                        <th scope="col" safe>
                          {t('survey.col.value')}
                        </th>
                        <th scope="col" safe>
                          {t('survey.col.quality')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {selected.elements.map((e) => (
                        <tr>
                          <th scope="row" dir="auto">
                            <span safe>{e.element.label}</span>
                            {e.element.isActive ? (
                              ''
                            ) : (
                              <span class="survey-table__note" safe>{` (${t('survey.notAsked')})`}</span>
                            )}
                          </th>
                          <td class="survey-table__number" safe>
                            {twoDecimals(site, e.mean)}
                          </td>
                          <td class="survey-table__number" safe>
                            {twoDecimals(site, e.value)}
                          </td>
                          <td safe>{gradeText(site, e.grade)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
              <section class="survey-grades" aria-labelledby="survey-grades">
                <h2 id="survey-grades" safe>
                  {t('survey.gradesTitle')}
                </h2>
                <ul>
                  {GRADES.map((grade, i) => (
                    <li safe>
                      {`${gradeText(site, grade)}: ${twoDecimals(site, GRADE_FLOORS[grade])}–${
                        i === 0 ? digits(site, 100) : twoDecimals(site, GRADE_FLOORS[GRADES[i - 1]!] - 0.01)
                      }`}
                    </li>
                  ))}
                </ul>
              </section>
              <p>
                <a class="button" href={surveyPath(edition.code)} safe>
                  {t('survey.takeSurvey')}
                </a>
              </p>
            </>
          )}
        </div>
      </div>
    </Layout>
  );
}
