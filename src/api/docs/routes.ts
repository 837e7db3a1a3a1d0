// The document (/api/v1/openapi.json), its reference page (/api/v1/docs) and the page's own
// stylesheet (/api/docs.css, outside v1: not an endpoint of the document).
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { DISCOVERY } from '../../core/http/cache.ts';
import { DOCS_PATH, OPENAPI_PATH, type OpenApiDocument } from '../openapi.ts';
import { absolute, presenterOf } from '../present.ts';
import { readRoute } from '../read-route.ts';
import { DocsPage } from './page.tsx';

const CSS = fs.readFileSync(new URL('./docs.css', import.meta.url));
/** The stylesheet's address carries its hash, so it may be kept for a year. */
const CSS_PATH = `/api/docs.css?v=${createHash('sha256').update(CSS).digest('hex').slice(0, 10)}`;

/** The reference routes. */
export async function docsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const document = () => app.swagger() as unknown as OpenApiDocument;

  readRoute(
    app,
    {
      url: '/v1/openapi.json',
      operationId: 'openapi',
      tag: 'Reference',
      summary: 'This API’s OpenAPI 3.1 document',
      response: { type: 'object', description: 'The OpenAPI document.', additionalProperties: true },
    },
    async (_request, reply) => {
      reply.header('cache-control', DISCOVERY).type('application/json; charset=utf-8');
      return JSON.stringify(document());
    },
  );

  readRoute(
    app,
    {
      url: '/v1/docs',
      operationId: 'reference',
      tag: 'Reference',
      summary: 'The reference page you are reading',
      produces: 'text/html',
      response: {},
    },
    async (_request, reply) => {
      const p = presenterOf(ctx);
      const edition = ctx.editions.get(ctx.settings.defaultEdition) ?? ctx.editions.all()[0];
      const html = DocsPage({
        doc: document(),
        siteName: edition?.t('site.name') ?? 'Warta',
        siteUrl: absolute(p, edition ? `/${edition.code}` : '/'),
        openapiUrl: absolute(p, OPENAPI_PATH),
        stylesheets: [ctx.assets.css.url, CSS_PATH],
      }) as string;
      return reply.header('cache-control', DISCOVERY).type('text/html; charset=utf-8').send(html);
    },
  );

  app.get(
    '/docs.css',
    {
      schema: { hide: true, querystring: { type: 'object', properties: { v: { type: 'string' } } } },
      config: { cacheQuery: ['v'] },
    },
    async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8').send(CSS),
  );
}

export { DOCS_PATH };
