// The survey's public pages: the form (a fieldset of four radio buttons per element, the comment,
// what the cookie is and that this is not the reporting channel), the thank-you page, the page
// for a second response in the same quarter, and the page of an edition that asks nothing yet.
import type { Children } from '@kitajs/html';
import { Breadcrumbs } from '../../../core/views/components.tsx';
import { Layout } from '../../../core/views/layout.tsx';
import type { Site } from '../../../core/views/site.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { reportPath } from '../../channel/paths.ts';
import { resultsPath, surveyPath } from '../cookie.ts';
import { scoreField, type Problem, type SurveyValues } from '../form.ts';
import { MAX_COMMENT, SCORES, type SurveyElement } from '../model.ts';
import type { Period } from '../quarter.ts';
import { dayAfter, digits, lastDayOf, quarterLabel } from './text.ts';

function trail(site: Site) {
  const { t, edition } = site;
  return [
    { label: t('nav.home'), href: `/${edition.code}` },
    { label: t('section.integrity'), href: `/${edition.code}/integrity` },
    { label: t('survey.title'), href: surveyPath(edition.code) },
  ];
}

function problemText(site: Site, problem: Problem): string {
  return site.t(problem.key, problem.values as Record<string, string | number> | undefined);
}

/** A page of the survey with its title, trail and text. */
function SurveyShell(props: { site: Site; title: string; noindex?: boolean; children: Children }) {
  const { site } = props;
  return (
    <Layout
      site={site}
      head={{
        title: props.title,
        description: site.t('survey.intro'),
        path: surveyPath(site.edition.code),
        noindex: props.noindex,
      }}
    >
      <div class="wrap">
        <div class="survey">
          <Breadcrumbs site={site} trail={trail(site)} />
          {props.children}
        </div>
      </div>
    </Layout>
  );
}

export interface SurveyFormProps {
  site: Site;
  elements: readonly SurveyElement[];
  period: Period;
  values?: SurveyValues;
  problems?: ReadonlyMap<string, Problem>;
  /** A problem of the whole form (the questions changed meanwhile). */
  formProblem?: Problem;
}

/** The form, empty or filled in again with each problem beside its field. */
export function SurveyFormPage(props: SurveyFormProps): JSX.Element {
  const { site, elements, problems } = props;
  const { t, edition } = site;
  const summary = [
    ...(props.formProblem ? [{ href: undefined, text: problemText(site, props.formProblem) }] : []),
    ...elements.flatMap((e, i) => {
      const problem = problems?.get(scoreField(e.id));
      return problem
        ? [
            {
              href: `#${scoreField(e.id)}-1`,
              text: `${digits(site, i + 1)}. ${e.label}: ${problemText(site, problem)}`,
            },
          ]
        : [];
    }),
    ...(problems?.get('comment')
      ? [{ href: '#survey-comment', text: `${t('survey.comment')}: ${problemText(site, problems.get('comment')!)}` }]
      : []),
  ];
  const commentProblem = problems?.get('comment');
  return (
    <SurveyShell site={site} title={t('survey.title')}>
      <header class="list__header">
        <h1 safe>{t('survey.title')}</h1>
        <p class="list__intro" safe>
          {t('survey.intro')}
        </p>
        <p class="survey__period" safe>
          {t('survey.quarterNow', { quarter: quarterLabel(site, props.period) })}
        </p>
      </header>
      <section class="survey__about" aria-labelledby="survey-about">
        <h2 id="survey-about" safe>
          {t('survey.aboutTitle')}
        </h2>
        <p safe>
          {t('survey.cookie', { quarter: quarterLabel(site, props.period), end: lastDayOf(site, props.period) })}
        </p>
        <p>
          <span safe>{t('survey.notChannel')}</span>{' '}
          <a href={reportPath(edition.code)} safe>
            {t('survey.reportLink')}
          </a>
        </p>
      </section>
      {summary.length > 0 ? (
        <div class="survey__problems" role="alert" tabindex="-1" id="survey-problems">
          <h2 safe>{t('survey.problems')}</h2>
          <ul>
            {summary.map((p) =>
              p.href ? (
                <li>
                  <a href={p.href} safe>
                    {p.text}
                  </a>
                </li>
              ) : (
                <li safe>{p.text}</li>
              ),
            )}
          </ul>
        </div>
      ) : (
        ''
      )}
      <form class="survey__form" method="post" action={surveyPath(edition.code)} enctype="multipart/form-data">
        <p class="survey__scale" id="survey-scale" safe>
          {t('survey.scaleHint')}
        </p>
        {elements.map((element, i) => (
          <Question
            site={site}
            element={element}
            number={i + 1}
            chosen={props.values?.scores.get(element.id)}
            problem={problems?.get(scoreField(element.id))}
          />
        ))}
        <div class="survey__comment">
          <label for="survey-comment" safe>
            {t('survey.comment')}
          </label>
          <p class="survey__hint" id="survey-comment-hint" safe>
            {t('survey.commentHint', { max: MAX_COMMENT })}
          </p>
          {commentProblem ? (
            <p class="survey__problem" id="survey-comment-problem" safe>
              {problemText(site, commentProblem)}
            </p>
          ) : (
            ''
          )}
          <textarea
            id="survey-comment"
            name="comment"
            rows="5"
            dir="auto"
            maxlength={String(MAX_COMMENT)}
            aria-describedby={commentProblem ? 'survey-comment-hint survey-comment-problem' : 'survey-comment-hint'}
            aria-invalid={commentProblem ? 'true' : undefined}
            safe
          >
            {props.values?.comment ?? ''}
          </textarea>
        </div>
        <button class="button survey__submit" type="submit" safe>
          {t('survey.submit')}
        </button>
      </form>
      <p class="survey__results-link">
        <a href={resultsPath(edition.code)} safe>
          {t('survey.seeResults')}
        </a>
      </p>
    </SurveyShell>
  );
}

/** One element: its label as the legend, the four scores as radio buttons, its problem. */
function Question(props: {
  site: Site;
  element: SurveyElement;
  number: number;
  chosen: number | undefined;
  problem: Problem | undefined;
}): JSX.Element {
  const { site, element, problem } = props;
  const name = scoreField(element.id);
  const problemId = `${name}-problem`;
  return (
    <fieldset
      class={problem ? 'survey-q survey-q--invalid' : 'survey-q'}
      aria-describedby={problem ? `survey-scale ${problemId}` : 'survey-scale'}
    >
      <legend class="survey-q__legend" dir="auto">
        <span class="survey-q__number" safe>{`${digits(site, props.number)}.`}</span> <span safe>{element.label}</span>
      </legend>
      {problem ? (
        <p class="survey__problem" id={problemId} safe>
          {problemText(site, problem)}
        </p>
      ) : (
        ''
      )}
      <div class="survey-q__scale">
        {SCORES.map((score) => (
          <label class="survey-q__choice" for={`${name}-${score}`}>
            <input
              type="radio"
              id={`${name}-${score}`}
              name={name}
              value={String(score)}
              checked={props.chosen === score}
              required
              aria-invalid={problem ? 'true' : undefined}
            />
            <span class="survey-q__score" safe>
              {digits(site, score)}
            </span>
            <span class="survey-q__word" safe>
              {site.t(`survey.score.${score}` as MessageKey)}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** After a stored response. */
export function ThanksPage(props: { site: Site; period: Period }): JSX.Element {
  const { site, period } = props;
  const { t, edition } = site;
  return (
    <SurveyShell site={site} title={t('survey.thanksTitle')} noindex>
      <div class="survey-done">
        <h1 safe>{t('survey.thanksTitle')}</h1>
        <p safe>{t('survey.thanksText', { quarter: quarterLabel(site, period) })}</p>
        <p safe>{t('survey.thanksCookie', { end: lastDayOf(site, period) })}</p>
        <p>
          <a class="button" href={resultsPath(edition.code)} safe>
            {t('survey.seeResults')}
          </a>
        </p>
      </div>
    </SurveyShell>
  );
}

/** A second response in the quarter (or the form opened again after answering). */
export function AlreadyAnsweredPage(props: { site: Site; period: Period }): JSX.Element {
  const { site, period } = props;
  const { t, edition } = site;
  return (
    <SurveyShell site={site} title={t('survey.alreadyTitle')} noindex>
      <div class="survey-done">
        <h1 safe>{t('survey.alreadyTitle')}</h1>
        <p safe>{t('survey.alreadyText', { quarter: quarterLabel(site, period), next: dayAfter(site, period) })}</p>
        <p>
          <a class="button" href={resultsPath(edition.code)} safe>
            {t('survey.seeResults')}
          </a>
        </p>
      </div>
    </SurveyShell>
  );
}

/** An edition whose questionnaire has no active element. */
export function SurveyClosedPage(props: { site: Site }): JSX.Element {
  const { site } = props;
  const { t, edition } = site;
  return (
    <SurveyShell site={site} title={t('survey.closedTitle')} noindex>
      <div class="survey-done">
        <h1 safe>{t('survey.closedTitle')}</h1>
        <p safe>{t('survey.closedText')}</p>
        <p>
          <a class="button" href={resultsPath(edition.code)} safe>
            {t('survey.seeResults')}
          </a>
        </p>
      </div>
    </SurveyShell>
  );
}
