// The document library's public pages, cookie-free and cacheable: the listing of an edition's
// published documents (filters, search and page in the query, declared so the page cache keys on
// them) and each document's download, served from the document store with its real type, a
// Content-Disposition name, nosniff and byte ranges. Drafts and other editions' documents are 404s.
import { promises as fs } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { DomainRoutes } from '../../context.ts';
import { cachePublic, IMMUTABLE, PUBLIC_PAGE } from '../../core/http/cache.ts';
import { AppError } from '../../core/http/errors.ts';
import { requireEdition, siteFor } from '../../editions/index.ts';
import { attachmentHeader, documentDir } from './files.ts';
import { isCategory } from './model.ts';
import { downloadPath, fileVersion, type ListingParams } from './paths.ts';
import { findPublishedDocument, listDocumentYears, listPublishedDocuments } from './queries.ts';
import { LibraryPage, MAX_QUERY_LENGTH } from './views/library-page.tsx';

/** Documents a page lists. */
const PAGE_SIZE = 20;
/** The last page a listing offers (1,000 documents: more than a library holds; a search narrows). */
const MAX_PAGE = 50;

const listingSchema = {
  params: { type: 'object', properties: { edition: { type: 'string', maxLength: 16 } }, required: ['edition'] },
  // q, category and year are read leniently (an unusable filter is dropped); only the page is strict.
  querystring: { type: 'object', properties: { page: { type: 'integer', minimum: 1, maximum: MAX_PAGE } } },
} as const;

const downloadSchema = {
  params: {
    type: 'object',
    properties: {
      edition: { type: 'string', maxLength: 16 },
      id: { type: 'string', pattern: '^[1-9][0-9]{0,9}$' },
      version: { type: 'string', maxLength: 40 },
      name: { type: 'string', maxLength: 400 },
    },
    required: ['edition', 'id', 'version', 'name'],
  },
} as const;

function firstText(value: unknown): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' ? text : undefined;
}

/** The listing's filters from its query string: what cannot be used is left out. */
export function readListingParams(query: Record<string, unknown>): ListingParams {
  const q = [...(firstText(query.q) ?? '').replace(/\s+/g, ' ').trim()].slice(0, MAX_QUERY_LENGTH).join('');
  const category = firstText(query.category);
  const year = firstText(query.year);
  return {
    ...(q ? { q } : {}),
    ...(category && isCategory(category) ? { category } : {}),
    ...(year && /^\d{4}$/.test(year) ? { year: Number(year) } : {}),
  };
}

export const documentRoutes: DomainRoutes = async (app, { ctx }) => {
  const root = documentDir(ctx.config.dataDir);
  await fs.mkdir(root, { recursive: true });
  // Only reply.sendFile, in this plugin: ranges, conditional requests and Content-Length from
  // the file server; the type and caching are ours.
  await app.register(fastifyStatic, { root, serve: false, cacheControl: false, acceptRanges: true, etag: true });

  app.get<{ Params: { edition: string }; Querystring: Record<string, unknown> & { page?: number } }>(
    '/:edition/integrity/documents',
    { config: { cacheQuery: ['q', 'category', 'year', 'page'] }, schema: listingSchema },
    async (request, reply) => {
      const edition = requireEdition(ctx, request.params.edition);
      const params = readListingParams(request.query);
      const page = request.query.page ?? 1;
      const [site, years, found] = await Promise.all([
        siteFor(ctx, request, edition),
        listDocumentYears(ctx.db, edition.code),
        listPublishedDocuments(
          ctx.db,
          edition.code,
          { category: params.category, year: params.year, query: params.q },
          { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
        ),
      ]);
      const pages = Math.min(MAX_PAGE, Math.max(1, Math.ceil(found.total / PAGE_SIZE)));
      if (page > pages) throw new AppError('not_found', 'There is no such page of documents.');
      cachePublic(reply, PUBLIC_PAGE).type('text/html; charset=utf-8');
      return (
        <LibraryPage
          site={site}
          params={params}
          years={years}
          documents={found.documents}
          total={found.total}
          page={page}
          pages={pages}
        />
      );
    },
  );

  app.get<{ Params: { edition: string; id: string; version: string; name: string } }>(
    '/:edition/integrity/documents/:id/:version/:name',
    { config: { cacheQuery: [] }, schema: downloadSchema },
    async (request, reply) => {
      const edition = requireEdition(ctx, request.params.edition);
      const doc = await findPublishedDocument(ctx.db, edition.code, Number(request.params.id));
      if (!doc) throw new AppError('not_found', 'There is no such document.');
      // An old version (the file was replaced) is gone; a changed name goes to the current one.
      if (request.params.version !== fileVersion(doc.file))
        throw new AppError('not_found', 'There is no such document.');
      const canonical = downloadPath(doc);
      if (request.url.split('?', 1)[0] !== canonical) return cachePublic(reply).redirect(canonical, 301);
      // The address names this file's bytes: a new file gets a new one (see paths.ts).
      cachePublic(reply, IMMUTABLE)
        .header('content-type', doc.contentType)
        .header('content-disposition', attachmentHeader(doc.fileName))
        .header('x-content-type-options', 'nosniff');
      return reply.sendFile(doc.file, root, { contentType: false, cacheControl: false });
    },
  );
};
