// /newsroom/editions: the site's editions for administrators (`editions.manage`): the list with
// each one's published stories, adding one, changing one's name, locale, direction and position,
// and activating or deactivating it. Bad input or a refused change shows the form again with
// every problem and changes nothing; a saved change is on the site on the next request
// (edition.changed reloads the editions and purges cached pages in every process).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { writerAs } from '../../accounts/index.ts';
import type { AppContext, DomainRoutes } from '../../context.ts';
import { AppError } from '../../core/http/errors.ts';
import { InputError } from '../../core/validation.ts';
import { hasCatalog } from '../../i18n/index.ts';
import {
  newsroomPage,
  newsroomText as t,
  requirePermission,
  seeOther,
  sendHtml,
  type NewsroomKey,
} from '../../newsroom/index.ts';
import { addEdition, EditionRuleError, setEditionActive, updateEdition } from '../commands.ts';
import { defaultEditionOf } from '../default-edition.ts';
import {
  NEW_EDITION,
  readEditionForm,
  readStartForm,
  settingsOf,
  templateChoiceOf,
  valuesOf,
  type EditionFormValues,
  type StartValues,
} from './form.ts';
import { countPublishedByEdition, findEdition, listAllEditions } from './queries.ts';
import { startEditionFromTemplate } from './template.ts';
import { EditionPage, EditionsPage, type EditionPageProps, type ListedEdition } from './views.tsx';

type EditionRequest = FastifyRequest<{ Params: { code: string }; Querystring: { done?: string } }>;

/** The notice after a redirect (`?done=`). */
const DONE: ReadonlyMap<unknown, NewsroomKey> = new Map([
  ['saved', 'editions.saved'],
  ['unchanged', 'editions.unchanged'],
  ['activated', 'editions.activated'],
  ['deactivated', 'editions.deactivated'],
] as const);

/** Every edition with its published stories (a handful of rows, then one count query). */
async function listEditions(ctx: AppContext): Promise<ListedEdition[]> {
  const editions = await listAllEditions(ctx.db);
  const published = await countPublishedByEdition(
    ctx.db,
    editions.map((e) => e.code),
    ctx.now(),
  );
  const defaultEdition = defaultEditionOf(ctx);
  return editions.map((e) => ({
    ...e,
    published: published.get(e.code) ?? 0,
    hasCatalog: hasCatalog(e.code),
    isDefault: e.code === defaultEdition,
  }));
}

/** A refused change as the problems its form shows (400 input, 409 a rule or a taken code). */
function problemsOf(error: unknown): { problems: readonly string[]; status: number } | undefined {
  if (error instanceof InputError) return { problems: error.problems, status: 400 };
  if (error instanceof EditionRuleError) return { problems: [t(`editions.rule.${error.rule}`)], status: 409 };
  return undefined;
}

export const editionNewsroomRoutes: DomainRoutes = async (app, { ctx }) => {
  // Every route of this plugin, GET and POST alike, is for administrators only.
  app.addHook('preHandler', async (request) => {
    requirePermission(request, 'editions.manage');
  });

  /** The list with the add form (its values and problems after a refused post). */
  const renderList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: EditionFormValues & StartValues; problems?: readonly string[]; notice?: string } = {},
    status = 200,
  ) => {
    const page = (
      <EditionsPage
        page={await newsroomPage(ctx, request)}
        editions={await listEditions(ctx)}
        {...extra}
        values={extra.values ?? NEW_EDITION}
        siteZone={ctx.settings.timezone}
      />
    );
    return sendHtml(reply, page, status);
  };

  /** The edition page of a request's code (404 for no such edition). */
  const renderEdition = async (
    request: EditionRequest,
    reply: FastifyReply,
    extra: Partial<Pick<EditionPageProps, 'values' | 'problems' | 'problemsAt' | 'notice'>> = {},
    status = 200,
  ) => {
    const editions = await listEditions(ctx);
    const edition = editions.find((e) => e.code === request.params.code);
    if (!edition) throw new AppError('edition_not_found', `There is no edition "${request.params.code}".`);
    const page = (
      <EditionPage
        page={await newsroomPage(ctx, request)}
        edition={edition}
        isLastActive={edition.isActive && editions.filter((e) => e.isActive).length === 1}
        siteZone={ctx.settings.timezone}
        {...extra}
        values={extra.values ?? valuesOf(edition)}
      />
    );
    return sendHtml(reply, page, status);
  };

  app.get<{ Querystring: { done?: string; edition?: string } }>('/editions', async (request, reply) => {
    const { done, edition } = request.query;
    const added = done === 'added' && typeof edition === 'string' ? await findEdition(ctx.db, edition) : undefined;
    const notice =
      added && t(added.isActive ? 'editions.added' : 'editions.addedPrepared', { name: added.name, code: added.code });
    return renderList(request, reply, { notice });
  });

  app.post('/editions', async (request, reply) => {
    const staff = requirePermission(request, 'editions.manage');
    const values = { ...readEditionForm(request.body), ...readStartForm(request.body) };
    const settings = settingsOf(values);
    const again = (problems: readonly string[], status: number) =>
      renderList(request, reply, { values, problems }, status);
    if (!settings.input) return again(settings.problems, 400);
    const input = { code: values.code, ...settings.input, isActive: values.openNow };
    try {
      // The edition and what it starts with, all or nothing; their events go out once committed.
      const w = writerAs(ctx, staff.id);
      const added = await w.db.transaction().execute(async (trx) => {
        const tw = { ...w, db: trx };
        if (!(await addEdition(tw, input))) return false;
        await startEditionFromTemplate(tw, input, templateChoiceOf(values));
        return true;
      });
      await w.events.afterCommit();
      if (!added) return await again([t('editions.problemDuplicate', { code: values.code })], 409);
    } catch (error) {
      const refused = problemsOf(error);
      if (!refused) throw error;
      return again(refused.problems, refused.status);
    }
    // The fragment replaces the form's (#add-heading): the notice is at the top of the page.
    return seeOther(reply, `/newsroom/editions?done=added&edition=${encodeURIComponent(values.code)}#main`);
  });

  app.get('/editions/:code', async (request: EditionRequest, reply) => {
    const done = DONE.get(request.query.done);
    return renderEdition(request, reply, { notice: done ? t(done) : undefined });
  });

  app.post('/editions/:code', async (request: EditionRequest, reply) => {
    const staff = requirePermission(request, 'editions.manage');
    const code = request.params.code;
    const values = { ...readEditionForm(request.body), code };
    const settings = settingsOf(values);
    if (!settings.input) return renderEdition(request, reply, { values, problems: settings.problems }, 400);
    let changed: boolean;
    try {
      // An empty position is refused here, as the add form's "put it last" means nothing.
      changed = await updateEdition(writerAs(ctx, staff.id), code, {
        ...settings.input,
        position: settings.input.position ?? Number.NaN,
      });
    } catch (error) {
      const refused = problemsOf(error);
      if (!refused) throw error;
      return renderEdition(request, reply, { values, problems: refused.problems }, refused.status);
    }
    return seeOther(reply, `/newsroom/editions/${encodeURIComponent(code)}?done=${changed ? 'saved' : 'unchanged'}`);
  });

  for (const [action, isActive] of [
    ['activate', true],
    ['deactivate', false],
  ] as const) {
    app.post(`/editions/:code/${action}`, async (request: EditionRequest, reply) => {
      const staff = requirePermission(request, 'editions.manage');
      const code = request.params.code;
      try {
        await setEditionActive(writerAs(ctx, staff.id), code, isActive, { defaultEdition: defaultEditionOf(ctx) });
      } catch (error) {
        const refused = problemsOf(error);
        if (!refused) throw error;
        return renderEdition(request, reply, { problems: refused.problems, problemsAt: 'active' }, refused.status);
      }
      return seeOther(reply, `/newsroom/editions/${encodeURIComponent(code)}?done=${action}d`);
    });
  }
};
