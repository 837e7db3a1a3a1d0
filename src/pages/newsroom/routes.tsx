// /newsroom/pages: an edition's static page tree; create, edit and delete pages. Editors in their
// editions and admins: every route checks `pages.manage` for the edition of the page itself.
// Bad input shows the form again with every problem and saves nothing; a page with pages below
// it is never deleted.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, DomainRoutes } from '../../context.ts';
import type { PageRow } from '../../core/db/schema.ts';
import { AppError } from '../../core/http/errors.ts';
import { InputError } from '../../core/validation.ts';
import {
  doneKey,
  newsroomPage,
  newsroomText as t,
  registerSection,
  requirePermission,
  seeOther,
  sendHtml,
  type NewsroomKey,
  type Staff,
  chosenEdition,
  editionChoice,
  editionsFor,
  type EditionChoice,
} from '../../newsroom/index.ts';
import { createPage, deletePage, updatePage } from '../commands.ts';
import { pagePath } from '../queries.ts';
import { checkPage, field, idOf, pageValues, valuesOfPage, type PageValues } from './form.ts';
import { findPage, listPageTree, pageSubtree } from './queries.ts';
import { PageEditorPage, PagesPage } from './views.tsx';

type Query = Record<string, string | undefined>;

const DONE: Readonly<Record<string, NewsroomKey>> = {
  created: 'pages.created',
  saved: 'pages.saved',
  deleted: 'pages.deleted',
};

const EMPTY: PageValues = {
  title: '',
  slug: '',
  summary: '',
  bodyHtml: '',
  parentId: '',
  position: '',
  status: 'draft',
};

function writer(ctx: AppContext, staff: Staff) {
  return { db: ctx.db, events: ctx.events, now: () => ctx.now(), actorId: staff.id };
}

function pagesText(count: number): string {
  return t(count === 1 ? 'count.pages.one' : 'count.pages.other', { count });
}

/** The page tree's newsroom routes. */
export const pagesNewsroomRoutes: DomainRoutes = async (app, { ctx }) => {
  registerSection('/newsroom/pages');

  // Every route here, GET and POST: only roles that manage pages somewhere.
  app.addHook('preHandler', async (request) => {
    requirePermission(request, 'pages.manage');
  });

  const editionsOf = (staff: Staff): EditionChoice[] => editionsFor(ctx, staff, 'pages.manage');
  const editionFor = (request: FastifyRequest, asked: string | undefined): EditionChoice =>
    chosenEdition(ctx, request, 'pages.manage', asked);
  const editionOf = (code: string): EditionChoice => editionChoice(ctx, code);

  const loadPage = async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const id = idOf(request.params.id);
    const page = id ? await findPage(ctx.db, id) : undefined;
    if (!page) throw new AppError('page_not_found');
    const staff = requirePermission(request, 'pages.manage', { edition: page.edition });
    return { page, staff };
  };

  const renderEditor = async (
    request: FastifyRequest,
    reply: FastifyReply,
    edition: EditionChoice,
    stored: PageRow | undefined,
    extra: { values?: PageValues; problems?: readonly string[]; notice?: string } = {},
    status = 200,
  ) => {
    const tree = await listPageTree(ctx.db, edition.code);
    return sendHtml(
      reply,
      <PageEditorPage
        page={await newsroomPage(ctx, request)}
        edition={edition}
        stored={
          stored && {
            id: stored.id,
            title: stored.title,
            publicPath: stored.status === 'published' ? pagePath(stored.edition, stored.path) : null,
          }
        }
        tree={tree}
        excluded={stored ? pageSubtree(tree, stored.id) : new Set()}
        values={extra.values ?? (stored ? valuesOfPage(stored) : EMPTY)}
        problems={extra.problems}
        notice={extra.notice}
      />,
      status,
    );
  };

  app.get<{ Querystring: Query }>('/pages', async (request, reply) => {
    const staff = requirePermission(request, 'pages.manage');
    const edition = editionFor(request, request.query.edition);
    const key = doneKey(DONE, request.query.done);
    return sendHtml(
      reply,
      <PagesPage
        page={await newsroomPage(ctx, request)}
        editions={editionsOf(staff)}
        edition={edition}
        tree={await listPageTree(ctx.db, edition.code)}
        notice={key ? t(key) : undefined}
      />,
    );
  });

  app.get<{ Querystring: Query }>('/pages/new', async (request, reply) => {
    const edition = editionFor(request, request.query.edition);
    return renderEditor(request, reply, edition, undefined);
  });

  app.post('/pages', async (request, reply) => {
    const asked = field(request.body, 'edition');
    if (!ctx.editions.get(asked)) throw new AppError('edition_not_found');
    const staff = requirePermission(request, 'pages.manage', { edition: asked });
    const edition = editionOf(asked);
    const values = pageValues(request.body);
    const checked = checkPage(values, await listPageTree(ctx.db, edition.code));
    if (!checked.input)
      return renderEditor(request, reply, edition, undefined, { values, problems: checked.problems }, 400);
    try {
      const row = await createPage(writer(ctx, staff), { edition: edition.code, ...checked.input });
      return seeOther(reply, `/newsroom/pages/${row.id}?done=created`);
    } catch (error) {
      if (error instanceof InputError)
        return renderEditor(request, reply, edition, undefined, { values, problems: error.problems }, 400);
      throw error;
    }
  });

  app.get<{ Params: { id: string }; Querystring: Query }>('/pages/:id', async (request, reply) => {
    const { page } = await loadPage(request);
    const key = doneKey(DONE, request.query.done);
    return renderEditor(request, reply, editionOf(page.edition), page, { notice: key ? t(key) : undefined });
  });

  app.post<{ Params: { id: string } }>('/pages/:id', async (request, reply) => {
    const { page, staff } = await loadPage(request);
    const edition = editionOf(page.edition);
    const values = pageValues(request.body);
    const checked = checkPage(values, await listPageTree(ctx.db, page.edition), page.id);
    if (!checked.input) return renderEditor(request, reply, edition, page, { values, problems: checked.problems }, 400);
    try {
      await updatePage(writer(ctx, staff), page.id, checked.input);
      return seeOther(reply, `/newsroom/pages/${page.id}?done=saved`);
    } catch (error) {
      if (error instanceof InputError)
        return renderEditor(request, reply, edition, page, { values, problems: error.problems }, 400);
      throw error;
    }
  });

  app.post<{ Params: { id: string } }>('/pages/:id/delete', async (request, reply) => {
    const { page, staff } = await loadPage(request);
    const edition = editionOf(page.edition);
    const refuse = async (count: number) =>
      renderEditor(
        request,
        reply,
        edition,
        page,
        { problems: [t('pages.refused', { title: page.title, pages: pagesText(count) })] },
        409,
      );
    const below = (await listPageTree(ctx.db, page.edition)).filter((n) => n.parentId === page.id).length;
    if (below > 0) return refuse(below);
    try {
      await deletePage(writer(ctx, staff), page.id);
    } catch (error) {
      // A page added below it meanwhile: refused by the command, in its transaction.
      if (error instanceof InputError) return refuse(1);
      throw error;
    }
    return seeOther(reply, `/newsroom/pages?edition=${encodeURIComponent(page.edition)}&done=deleted`);
  });
};
