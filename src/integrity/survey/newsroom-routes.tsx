// /newsroom/integrity/survey: an edition's questionnaire. Admins, the edition's editors and
// integrity officers ('integrity.manage'), checked for the element's own edition on every change.
// A refused label shows the page again with the problem beside its field and the text as typed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { writerAs } from '../../accounts/index.ts';
import type { DomainRoutes } from '../../context.ts';
import { AppError } from '../../core/http/errors.ts';
import { InputError } from '../../core/validation.ts';
import {
  chosenEdition,
  doneNotice,
  editionsFor,
  newsroomPage,
  requirePermission,
  seeOther,
  sendHtml,
  type EditionChoice,
} from '../../newsroom/index.ts';
import {
  addElement,
  labelProblem,
  moveElement,
  renameElement,
  setElementActive,
  startFromStandard,
} from './commands.ts';
import { countAnswers, findElement, listElements, listLatestComments } from './queries.ts';
import { NEWSROOM_BASE, SurveyNewsroomPage } from './views/newsroom-page.tsx';

const ACTION = 'integrity.manage';
/** Comments the page lists. */
const COMMENTS_SHOWN = 20;

const DONE = {
  started: 'survey.done.started',
  added: 'survey.done.added',
  saved: 'survey.done.saved',
  moved: 'survey.done.moved',
  off: 'survey.done.off',
  on: 'survey.done.on',
} as const;

function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

function idOf(value: string): number | undefined {
  return /^[1-9]\d{0,9}$/.test(value) && Number(value) < 2 ** 31 ? Number(value) : undefined;
}

const pageOf = (edition: string, done: keyof typeof DONE) =>
  `${NEWSROOM_BASE}?edition=${encodeURIComponent(edition)}&done=${done}`;

export const surveyNewsroomRoutes: DomainRoutes = async (app, { ctx }) => {
  app.addHook('preHandler', async (request) => {
    requirePermission(request, ACTION);
  });

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    edition: EditionChoice,
    extra: { notice?: string; problems?: Map<string, string>; typed?: Map<string, string> } = {},
    status = 200,
  ) => {
    const staff = requirePermission(request, ACTION, { edition: edition.code });
    const [elements, answers, comments] = await Promise.all([
      listElements(ctx.db, edition.code),
      countAnswers(ctx.db, edition.code),
      listLatestComments(ctx.db, edition.code, COMMENTS_SHOWN),
    ]);
    return sendHtml(
      reply,
      <SurveyNewsroomPage
        page={await newsroomPage(ctx, request)}
        editions={editionsFor(ctx, staff, ACTION)}
        edition={edition}
        elements={elements}
        answers={answers}
        comments={comments}
        {...extra}
      />,
      status,
    );
  };

  /** The element of the address, if this user may keep its edition's survey. */
  const loadElement = async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const id = idOf(request.params.id);
    const element = id ? await findElement(ctx.db, id) : undefined;
    if (!element) throw new AppError('not_found', 'There is no such survey element.');
    const staff = requirePermission(request, ACTION, { edition: element.edition });
    return { staff, element };
  };

  app.get<{ Querystring: Record<string, unknown> }>('/integrity/survey', async (request, reply) => {
    const asked = request.query.edition;
    const edition = chosenEdition(ctx, request, ACTION, typeof asked === 'string' ? asked : undefined);
    return render(request, reply, edition, { notice: doneNotice(DONE, request.query.done) });
  });

  app.post('/integrity/survey/standard', async (request, reply) => {
    const edition = chosenEdition(ctx, request, ACTION, field(request.body, 'edition') || undefined);
    const staff = requirePermission(request, ACTION, { edition: edition.code });
    try {
      await startFromStandard(writerAs(ctx, staff.id), edition.code);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return render(request, reply, edition, { problems: new Map([['form', error.problems.join(' ')]]) }, 409);
    }
    return seeOther(reply, pageOf(edition.code, 'started'));
  });

  app.post('/integrity/survey/elements', async (request, reply) => {
    const edition = chosenEdition(ctx, request, ACTION, field(request.body, 'edition') || undefined);
    const staff = requirePermission(request, ACTION, { edition: edition.code });
    const label = field(request.body, 'label');
    const problem = labelProblem(label);
    const refuse = (text: string) =>
      render(
        request,
        reply,
        edition,
        { problems: new Map([['new-label', text]]), typed: new Map([['new-label', label]]) },
        400,
      );
    if (problem) return refuse(problem);
    try {
      await addElement(writerAs(ctx, staff.id), edition.code, label);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return refuse(error.problems.join(' '));
    }
    return seeOther(reply, pageOf(edition.code, 'added'));
  });

  app.post<{ Params: { id: string } }>('/integrity/survey/elements/:id', async (request, reply) => {
    const { staff, element } = await loadElement(request);
    const label = field(request.body, 'label');
    const problem = labelProblem(label);
    if (problem) {
      const key = `label-${element.id}`;
      return render(
        request,
        reply,
        { code: element.edition, name: ctx.editions.get(element.edition)?.name ?? element.edition },
        { problems: new Map([[key, problem]]), typed: new Map([[key, label]]) },
        400,
      );
    }
    await renameElement(writerAs(ctx, staff.id), element.id, label);
    return seeOther(reply, pageOf(element.edition, 'saved'));
  });

  app.post<{ Params: { id: string } }>('/integrity/survey/elements/:id/move', async (request, reply) => {
    const { staff, element } = await loadElement(request);
    const direction = field(request.body, 'direction');
    if (direction !== 'up' && direction !== 'down') throw new AppError('bad_request', 'Move an element up or down.');
    await moveElement(writerAs(ctx, staff.id), element.id, direction);
    return seeOther(reply, pageOf(element.edition, 'moved'));
  });

  for (const state of ['off', 'on'] as const)
    app.post<{ Params: { id: string } }>(`/integrity/survey/elements/:id/${state}`, async (request, reply) => {
      const { staff, element } = await loadElement(request);
      await setElementActive(writerAs(ctx, staff.id), element.id, state === 'on');
      return seeOther(reply, pageOf(element.edition, state));
    });
};
