// The newsroom's survey page for one edition: the elements in order, each with its label (a small
// form to rename it), its answers so far, buttons to move it and to switch it off or on; a form to
// add one; the one-click start from the nine standard elements when there are none; the latest
// comments. Every button is a form that works without JavaScript.
import {
  CsrfField,
  EditionPicker,
  NewsroomLayout,
  Notice,
  PostButton,
  Problems,
  newsroomText as nt,
  type EditionChoice,
  type NewsroomPage,
} from '../../../newsroom/index.ts';
import { resultsPath, surveyPath } from '../cookie.ts';
import { MAX_LABEL, type SurveyElement } from '../model.ts';
import type { SurveyComment } from '../queries.ts';

export const NEWSROOM_BASE = '/newsroom/integrity/survey';

export interface SurveyNewsroomProps {
  page: NewsroomPage;
  editions: readonly EditionChoice[];
  edition: EditionChoice;
  elements: readonly SurveyElement[];
  answers: ReadonlyMap<number, number>;
  comments: readonly SurveyComment[];
  notice?: string;
  /** Problems by field: `label-<id>` or `new-label`. */
  problems?: ReadonlyMap<string, string>;
  /** What was typed, by the same field names, shown again after a refusal. */
  typed?: ReadonlyMap<string, string>;
}

/** The whole page. */
export function SurveyNewsroomPage(props: SurveyNewsroomProps): JSX.Element {
  const { edition, elements, problems } = props;
  const csrf = props.page.staff?.csrfToken ?? '';
  const title = nt('survey.title', { edition: edition.name });
  const heads = [
    nt('survey.colNumber'),
    nt('survey.colElement'),
    nt('survey.colAnswers'),
    nt('survey.colState'),
    nt('survey.colOrder'),
    nt('survey.colAction'),
  ];
  const newProblem = problems?.get('new-label');
  return (
    <NewsroomLayout {...props.page} title={title}>
      <h1 safe>{title}</h1>
      <p>{nt('survey.intro')}</p>
      <p class="nr-survey-links">
        <a href={surveyPath(edition.code)}>{nt('survey.openForm')}</a>
        {' · '}
        <a href={resultsPath(edition.code)}>{nt('survey.openResults')}</a>
      </p>
      <EditionPicker action={NEWSROOM_BASE} editions={props.editions} current={edition.code} />
      <Notice text={props.notice} />
      <Problems problems={problems ? [...problems.values()] : []} />
      <h2>{nt('survey.elements')}</h2>
      {elements.length === 0 ? (
        <div class="nr-survey-start">
          <p>{nt('survey.empty')}</p>
          <form method="post" action={`${NEWSROOM_BASE}/standard`}>
            <CsrfField token={csrf} />
            <input type="hidden" name="edition" value={edition.code} />
            <button type="submit" class="nr-button nr-button-primary" aria-describedby="survey-start-hint">
              {nt('survey.startStandard')}
            </button>
          </form>
          <p class="nr-hint" id="survey-start-hint">
            {nt('survey.startHint')}
          </p>
        </div>
      ) : (
        <table class="nr-table nr-survey-table">
          <caption class="visually-hidden">{nt('survey.elements')}</caption>
          <thead>
            <tr>
              {heads.map((h) => (
                <th scope="col">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {elements.map((element, i) => (
              <ElementRow
                element={element}
                number={i + 1}
                isFirst={i === 0}
                isLast={i === elements.length - 1}
                answers={props.answers.get(element.id) ?? 0}
                csrf={csrf}
                problem={problems?.get(`label-${element.id}`)}
                typed={props.typed?.get(`label-${element.id}`)}
              />
            ))}
          </tbody>
        </table>
      )}
      <h2 class="nr-survey-heading">{nt('survey.add')}</h2>
      <form method="post" action={`${NEWSROOM_BASE}/elements`} class="nr-form nr-survey-add">
        <CsrfField token={csrf} />
        <input type="hidden" name="edition" value={edition.code} />
        <div class="nr-field">
          <label for="new-label">{nt('survey.newLabel')}</label>
          <input
            type="text"
            id="new-label"
            name="label"
            value={props.typed?.get('new-label') ?? ''}
            maxlength={String(MAX_LABEL)}
            dir="auto"
            required
            aria-describedby={newProblem ? 'new-label-hint new-label-problem' : 'new-label-hint'}
            aria-invalid={newProblem ? 'true' : undefined}
          />
          <p class="nr-hint" id="new-label-hint">
            {nt('survey.newHint')}
          </p>
          {newProblem ? (
            <p class="nr-field-problem" id="new-label-problem" safe>
              {newProblem}
            </p>
          ) : (
            ''
          )}
        </div>
        <button type="submit" class="nr-button">
          {nt('survey.addSubmit')}
        </button>
      </form>
      <h2 class="nr-survey-heading">{nt('survey.comments')}</h2>
      <p class="nr-hint">{nt('survey.commentsHint')}</p>
      {props.comments.length === 0 ? (
        <p>{nt('survey.noComments')}</p>
      ) : (
        <ul class="nr-survey-comments">
          {props.comments.map((c) => (
            <li>
              <span class="nr-meta" safe>
                {c.period}
              </span>{' '}
              <span dir="auto" safe>
                {c.comment}
              </span>
            </li>
          ))}
        </ul>
      )}
    </NewsroomLayout>
  );
}

function ElementRow(props: {
  element: SurveyElement;
  number: number;
  isFirst: boolean;
  isLast: boolean;
  answers: number;
  csrf: string;
  problem?: string;
  typed?: string;
}): JSX.Element {
  const { element, number, csrf, problem } = props;
  const base = `${NEWSROOM_BASE}/elements/${element.id}`;
  const inputId = `label-${element.id}`;
  return (
    <tr class={element.isActive ? undefined : 'nr-survey-off'}>
      <td data-label={nt('survey.colNumber')} safe>
        {String(number)}
      </td>
      <td data-label={nt('survey.colElement')}>
        <form method="post" action={base} class="nr-survey-rename">
          <CsrfField token={csrf} />
          <label for={inputId} class="visually-hidden" safe>
            {nt('survey.labelOf', { number })}
          </label>
          <input
            type="text"
            id={inputId}
            name="label"
            value={props.typed ?? element.label}
            maxlength={String(MAX_LABEL)}
            dir="auto"
            required
            aria-describedby={problem ? `${inputId}-problem` : undefined}
            aria-invalid={problem ? 'true' : undefined}
          />
          <button type="submit" class="nr-button" aria-label={nt('survey.saveLabel', { number })}>
            {nt('survey.save')}
          </button>
          {problem ? (
            <p class="nr-field-problem" id={`${inputId}-problem`} safe>
              {problem}
            </p>
          ) : (
            ''
          )}
        </form>
      </td>
      <td data-label={nt('survey.colAnswers')} safe>
        {String(props.answers)}
      </td>
      <td data-label={nt('survey.colState')}>{element.isActive ? nt('survey.active') : nt('survey.inactive')}</td>
      <td data-label={nt('survey.colOrder')}>
        <div class="nr-survey-order">
          {props.isFirst ? '' : <MoveButton action={`${base}/move`} csrf={csrf} direction="up" number={number} />}
          {props.isLast ? '' : <MoveButton action={`${base}/move`} csrf={csrf} direction="down" number={number} />}
        </div>
      </td>
      <td data-label={nt('survey.colAction')}>
        <PostButton
          action={`${base}/${element.isActive ? 'off' : 'on'}`}
          csrfToken={csrf}
          text={element.isActive ? nt('survey.switchOff') : nt('survey.switchOn')}
          ariaLabel={nt(element.isActive ? 'survey.switchOffLabel' : 'survey.switchOnLabel', { number })}
        />
      </td>
    </tr>
  );
}

function MoveButton(props: { action: string; csrf: string; direction: 'up' | 'down'; number: number }): JSX.Element {
  const isUp = props.direction === 'up';
  return (
    <form method="post" action={props.action}>
      <CsrfField token={props.csrf} />
      <input type="hidden" name="direction" value={props.direction} />
      <button
        type="submit"
        class="nr-button"
        aria-label={nt(isUp ? 'survey.upLabel' : 'survey.downLabel', { number: props.number })}
      >
        {isUp ? nt('survey.up') : nt('survey.down')}
      </button>
    </form>
  );
}
