// /newsroom/menus: each edition's menus, edited as a whole (labels, links, order, new and removed
// items) through replaceMenu. Editors in their editions and admins: every route checks
// `menus.manage` for the menu's edition. A saved menu is on the site at once: menu.changed
// reloads the editions' menus and purges the edition's cached pages (editions domain).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, DomainRoutes } from '../context.ts';
import { AppError } from '../core/http/errors.ts';
import { InputError } from '../core/validation.ts';
import {
  newsroomPage,
  newsroomText as t,
  registerSection,
  requirePermission,
  seeOther,
  sendHtml,
  type Staff,
  chosenEdition,
  editionsFor,
  type EditionChoice,
} from '../newsroom/index.ts';
import { replaceMenu } from './commands.ts';
import { arrangeMenu, itemsOf, readMenuForm, type PostedItem } from './form.ts';
import { listMenuLinks, listMenus } from './queries.ts';
import { MenuEditorPage, MenusPage } from './newsroom-views.tsx';

/** The menu every edition has (the bar of sections on its pages). */
const MAIN = 'main';
const MENU_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

type Query = Record<string, string | undefined>;
type MenuRequest = FastifyRequest<{ Params: { edition: string; name: string }; Querystring: Query }>;

function writer(ctx: AppContext, staff: Staff) {
  return { db: ctx.db, events: ctx.events, now: () => ctx.now(), actorId: staff.id };
}

/** The menus' newsroom routes. */
export const menuNewsroomRoutes: DomainRoutes = async (app, { ctx }) => {
  registerSection('/newsroom/menus');

  // Every route here, GET and POST: only roles that manage menus somewhere.
  app.addHook('preHandler', async (request) => {
    requirePermission(request, 'menus.manage');
  });

  const editionsOf = (staff: Staff): EditionChoice[] => editionsFor(ctx, staff, 'menus.manage');

  /** The edition and menu of a request, which the user must manage menus in (404 for no such menu). */
  const menuOf = async (request: MenuRequest) => {
    const edition = ctx.editions.get(request.params.edition);
    if (!edition) throw new AppError('edition_not_found');
    const staff = requirePermission(request, 'menus.manage', { edition: edition.code });
    const name = request.params.name;
    if (!MENU_NAME.test(name)) throw new AppError('not_found', 'There is no such menu.');
    const menus = await listMenus(ctx.db, edition.code);
    if (name !== MAIN && !menus.some((m) => m.name === name)) throw new AppError('not_found', 'There is no such menu.');
    return { staff, edition: { code: edition.code, name: edition.name }, name };
  };

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    menu: { edition: EditionChoice; name: string },
    extra: {
      items?: readonly PostedItem[];
      added?: PostedItem;
      problems?: readonly string[];
      notice?: string;
      focusId?: string;
    },
    status = 200,
  ) => {
    const items = extra.items ?? itemsOf(await listMenuLinks(ctx.db, menu.edition.code, menu.name));
    return sendHtml(
      reply,
      <MenuEditorPage
        page={await newsroomPage(ctx, request)}
        edition={menu.edition}
        name={menu.name}
        {...extra}
        items={items}
      />,
      status,
    );
  };

  app.get<{ Querystring: Query }>('/menus', async (request, reply) => {
    const staff = requirePermission(request, 'menus.manage');
    const edition = chosenEdition(ctx, request, 'menus.manage', request.query.edition);
    const menus = await listMenus(ctx.db, edition.code);
    if (!menus.some((m) => m.name === MAIN)) menus.unshift({ name: MAIN, items: 0 });
    return sendHtml(
      reply,
      <MenusPage
        page={await newsroomPage(ctx, request)}
        editions={editionsOf(staff)}
        edition={{ code: edition.code, name: edition.name }}
        menus={menus}
      />,
    );
  });

  app.get<{ Params: { edition: string; name: string }; Querystring: Query }>(
    '/menus/:edition/:name',
    async (request, reply) => {
      const menu = await menuOf(request);
      const links = await listMenuLinks(ctx.db, menu.edition.code, menu.name);
      const { done, at, dir } = request.query;
      const place = Number(at);
      let notice: string | undefined;
      let focusId: string | undefined;
      if (done === 'moved' && Number.isInteger(place) && links[place - 1]) {
        notice = t('menus.moved', { label: links[place - 1]!.label, position: place, count: links.length });
        focusId = `move-${dir === 'down' ? 'down' : 'up'}-${place}`;
      } else if (done === 'removed') notice = t('menus.removed');
      else if (done === 'saved') notice = t('menus.saved');
      return render(request, reply, menu, { items: itemsOf(links), notice, focusId });
    },
  );

  app.post<{ Params: { edition: string; name: string }; Querystring: Query }>(
    '/menus/:edition/:name',
    async (request, reply) => {
      const menu = await menuOf(request);
      const form = readMenuForm(request.body);
      const arranged = arrangeMenu(form);
      const again = (problems: readonly string[]) =>
        render(request, reply, menu, { items: form.items, added: form.added, problems }, 400);
      if (!arranged.links) return again(arranged.problems);
      try {
        await replaceMenu(writer(ctx, menu.staff), menu.edition.code, menu.name, arranged.links);
      } catch (error) {
        if (error instanceof InputError) return again(error.problems);
        throw error;
      }
      const base = `/newsroom/menus/${encodeURIComponent(menu.edition.code)}/${encodeURIComponent(menu.name)}`;
      const { action } = form;
      if ((action.kind === 'up' || action.kind === 'down') && arranged.at !== undefined) {
        return seeOther(reply, `${base}?done=moved&at=${arranged.at}&dir=${action.kind}#item-${arranged.at}`);
      }
      return seeOther(reply, `${base}?done=${action.kind === 'remove' ? 'removed' : 'saved'}`);
    },
  );
};
