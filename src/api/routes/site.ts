// /api/v1 site: the language editions and the page tree (Company Profile and other evergreen pages).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../core/http/errors.ts';
import { findPageForApi, listPagesForApi } from '../../pages/index.ts';
import { absolute, absoluteHtml, presentPage, presenterOf } from '../present.ts';
import { readRoute } from '../read-route.ts';
import { editionParam, idParams, listOf, oneOf } from '../schemas.ts';
import { requireVisible, setReadCaching, visibilityOf } from '../visibility.ts';
import { editionOf } from './news.ts';

/** The site endpoints. */
export async function siteRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  readRoute(
    app,
    {
      url: '/v1/editions',
      operationId: 'listEditions',
      tag: 'Site',
      summary: 'The language editions of the site',
      description: 'Every other list takes one of these codes as `edition`.',
      response: listOf('editions', 'Edition', 'Every edition, in the site’s order.'),
    },
    async (request, reply) => {
      const p = presenterOf(ctx);
      setReadCaching(reply, visibilityOf(request));
      return {
        editions: ctx.editions.all().map((e) => ({
          code: e.code,
          name: e.name,
          locale: e.locale,
          direction: e.direction,
          url: absolute(p, `/${e.code}`),
        })),
      };
    },
  );

  readRoute(
    app,
    {
      url: '/v1/pages',
      operationId: 'listPages',
      tag: 'Site',
      summary: 'The page tree of an edition (without bodies)',
      description: 'All pages at once, parents before children; build the tree from `parent_id`.',
      query: { edition: editionParam },
      required: ['edition'],
      response: listOf('pages', 'Page', 'Every published page of the edition.'),
    },
    async (request, reply) => {
      const edition = editionOf(ctx, (request.query as { edition: string }).edition);
      const visibility = visibilityOf(request, 'pages.manage');
      const pages = await listPagesForApi(ctx.db, edition.code, visibility);
      const p = presenterOf(ctx);
      setReadCaching(reply, visibility);
      return { pages: pages.map((page) => presentPage(p, edition.code, page)) };
    },
  );

  readRoute(
    app,
    {
      url: '/v1/pages/:id',
      operationId: 'getPage',
      tag: 'Site',
      summary: 'One published page, with its body',
      params: idParams('The page’s id.', 5),
      response: oneOf('page', 'PageDetail', 'The page.'),
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const visibility = visibilityOf(request, 'pages.manage');
      const page = await findPageForApi(ctx.db, id, visibility);
      const notFound = () => new AppError('page_not_found', `There is no published page ${id}.`);
      if (!page) throw notFound();
      requireVisible(request, 'pages.manage', { edition: page.edition, isOut: page.status === 'published' }, notFound);
      const p = presenterOf(ctx);
      setReadCaching(reply, visibility);
      return {
        page: {
          ...presentPage(p, page.edition, page),
          edition: page.edition,
          body_html: absoluteHtml(p, page.bodyHtml),
        },
      };
    },
  );
}
