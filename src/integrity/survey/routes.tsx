// The public survey. The form and its answers (GET and POST /{edition}/integrity/survey) read and
// set the survey's cookie, so they live in a plugin of their own with cookie parsing (scoped to
// the survey's path, as the ratings' voter cookie is) and answer private, no-store: they are
// never kept by the page cache or a CDN. The results page reads no cookie and is cacheable; every
// survey event purges the edition's cached pages.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext, DomainRoutes } from '../../context.ts';
import { cachePublic, PUBLIC_PAGE } from '../../core/http/cache.ts';
import { useScopedCookies } from '../../core/http/cookie-scope.ts';
import { isSecureSite } from '../../core/http/cookies.ts';
import { requireEdition, siteFor } from '../../editions/index.ts';
import { AddressLimiter } from '../address-limiter.ts';
import { QuestionnaireChangedError, submitResponse } from './commands.ts';
import { answeredPeriod, markAnswered } from './cookie.ts';
import { SURVEY_EVENTS } from './events.ts';
import { checkSurvey, FIELD_BYTES, readPostedFields } from './form.ts';
import { MAX_ELEMENTS } from './model.ts';
import { listActiveElements } from './queries.ts';
import { parsePeriod, quarterEnd, quarterOf } from './quarter.ts';
import { loadResults } from './results.ts';
import { ResultsPage } from './views/results-page.tsx';
import { AlreadyAnsweredPage, SurveyClosedPage, SurveyFormPage, ThanksPage } from './views/survey-page.tsx';

/** Every answer of the form's routes: they vary by cookie, so nobody but the browser keeps them. */
const PRIVATE = 'private, no-store';

const editionParams = {
  type: 'object',
  properties: { edition: { type: 'string', maxLength: 16 } },
  required: ['edition'],
} as const;

/** Responses one address may store in a day (in memory only, per process; see address-limiter.ts). */
export const RESPONSES_PER_ADDRESS_PER_DAY = 30;
const DAY_MS = 24 * 3600_000;

export const surveyRoutes: DomainRoutes = async (app, { ctx }) => {
  // A stored response or a changed questionnaire changes the edition's results page.
  ctx.events.on(SURVEY_EVENTS, async (event) => {
    ctx.pageCache.purge({ editions: [event.payload.edition] });
  });

  app.get<{ Params: { edition: string }; Querystring: { quarter?: string } }>(
    '/:edition/integrity/survey/results',
    {
      config: { cacheQuery: ['quarter'] },
      schema: {
        params: editionParams,
        querystring: { type: 'object', properties: { quarter: { type: 'string', maxLength: 10 } } },
      },
    },
    async (request, reply) => {
      const edition = requireEdition(ctx, request.params.edition);
      const asked = request.query.quarter;
      const quarter = asked && parsePeriod(asked) ? asked : undefined;
      const [site, results] = await Promise.all([
        siteFor(ctx, request, edition),
        loadResults(ctx.db, edition.code, quarter),
      ]);
      cachePublic(reply, PUBLIC_PAGE).type('text/html; charset=utf-8');
      const isChosen = !!quarter && results.selected?.period === quarter;
      return <ResultsPage site={site} results={results} isChosen={isChosen} />;
    },
  );

  await app.register(async (scoped) => formRoutes(scoped, ctx));
};

/** The form and its answers, in a plugin of their own: cookies and multipart are parsed only here. */
async function formRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const isSecure = isSecureSite(ctx.config.baseUrl);
  // The cookie keeps an honest visitor to one answer a quarter; this keeps a script that drops
  // cookies from stuffing the index. Generous, for an office or a school behind one address.
  const answersPerAddress = new AddressLimiter(RESPONSES_PER_ADDRESS_PER_DAY, DAY_MS);
  await useScopedCookies(app, ctx.config);
  // Text fields only: the elements' scores and the comment (read to FIELD_BYTES, then cut and refused).
  await app.register(fastifyMultipart, {
    limits: { files: 0, fields: MAX_ELEMENTS + 8, parts: MAX_ELEMENTS + 8, fieldSize: FIELD_BYTES },
  });
  // After the error handler too: an error page of these routes must not be cached either.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', PRIVATE);
    return payload;
  });

  const html = (reply: FastifyReply, status = 200) => reply.code(status).type('text/html; charset=utf-8');

  app.get<{ Params: { edition: string } }>(
    '/:edition/integrity/survey',
    { schema: { params: editionParams } },
    async (request, reply) => {
      const edition = requireEdition(ctx, request.params.edition);
      const period = quarterOf(ctx.now(), ctx.settings.timezone);
      const [site, elements] = await Promise.all([
        siteFor(ctx, request, edition),
        listActiveElements(ctx.db, edition.code),
      ]);
      if (answeredPeriod(request, edition.code) === period)
        return html(reply).send(<AlreadyAnsweredPage site={site} period={period} />);
      if (elements.length === 0) return html(reply).send(<SurveyClosedPage site={site} />);
      return html(reply).send(<SurveyFormPage site={site} elements={elements} period={period} />);
    },
  );

  app.post<{ Params: { edition: string } }>(
    '/:edition/integrity/survey',
    { schema: { params: editionParams }, bodyLimit: 64 * 1024 },
    async (request, reply) => {
      const edition = requireEdition(ctx, request.params.edition);
      const fields = await readPostedFields(request);
      const now = ctx.now();
      const period = quarterOf(now, ctx.settings.timezone);
      const [site, elements] = await Promise.all([
        siteFor(ctx, request, edition),
        listActiveElements(ctx.db, edition.code),
      ]);
      // Checked before anything else: a second response is not stored, whatever it says.
      if (answeredPeriod(request, edition.code) === period)
        return html(reply, 409).send(<AlreadyAnsweredPage site={site} period={period} />);
      if (elements.length === 0) return html(reply, 409).send(<SurveyClosedPage site={site} />);
      const checked = checkSurvey(elements, fields);
      if (!checked.ok) {
        return html(reply, 400).send(
          <SurveyFormPage
            site={site}
            elements={elements}
            period={period}
            values={checked.values}
            problems={checked.problems}
          />,
        );
      }
      if (!answersPerAddress.take(request.ip, now.getTime())) {
        return html(reply, 429).send(
          <SurveyFormPage
            site={site}
            elements={elements}
            period={period}
            values={{ scores: checked.scores, comment: checked.comment }}
            formProblem={{ key: 'survey.problem.tooMany' }}
          />,
        );
      }
      try {
        await submitResponse(ctx.writer, {
          edition: edition.code,
          period,
          scores: checked.scores,
          comment: checked.comment,
        });
      } catch (error) {
        if (!(error instanceof QuestionnaireChangedError)) throw error;
        // An element was switched on or off between the check and the write: ask again.
        const current = await listActiveElements(ctx.db, edition.code);
        return html(reply, 409).send(
          <SurveyFormPage
            site={site}
            elements={current}
            period={period}
            values={{ scores: checked.scores, comment: checked.comment }}
            formProblem={{ key: 'survey.problem.changed' }}
          />,
        );
      }
      markAnswered(reply, edition.code, period, { isSecure, expires: quarterEnd(period, ctx.settings.timezone) });
      return html(reply).send(<ThanksPage site={site} period={period} />);
    },
  );
}
