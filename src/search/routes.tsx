// /{edition}/search: full-text search of the edition's published stories, with filters.
import type { FastifyInstance } from 'fastify';
import { editionParams } from '../core/http/route-schemas.ts';
import type { AppContext } from '../context.ts';
import { keptSectionsOf, withDescendants } from '../articles/index.ts';
import { cachePublic, SHORT } from '../core/http/cache.ts';
import { AppError } from '../core/http/errors.ts';
import type { CategoryRow } from '../core/db/schema.ts';
import { requireEdition, siteFor } from '../editions/index.ts';
import { readSearchParams, startOfDay, startOfNextDay } from './params.ts';
import { MATCH_CAP, searchArticles, type SearchFilter } from './queries.ts';
import { SearchPage, type SearchResults, type SectionOption } from './views/search-page.tsx';

const PAGE_SIZE = 10;
/** Past the ranked matches there is nothing to page to. */
const MAX_PAGE = Math.ceil(MATCH_CAP / PAGE_SIZE);

const searchSchema = {
  params: editionParams,
  // q, category, from and to are read leniently in readSearchParams; only the page is strict.
  querystring: {
    type: 'object',
    properties: { page: { type: 'integer', minimum: 1, maximum: MAX_PAGE } },
  },
} as const;

/** The search plugin. */
export async function searchRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  app.get<{ Params: { edition: string }; Querystring: Record<string, unknown> & { page?: number } }>(
    '/:edition/search',
    { config: { cacheQuery: ['q', 'category', 'from', 'to', 'page'] }, schema: searchSchema },
    async (request, reply) => {
      const edition = requireEdition(ctx, request.params.edition);
      const params = readSearchParams(request.query, edition.locale);
      const categories = await keptSectionsOf(ctx, edition.code);
      const category = categories.find((c) => c.slug === params.category);
      const site = await siteFor(ctx, request, edition);
      let results: SearchResults | undefined;
      if (params.query.terms.length > 0) {
        const filter: SearchFilter = {
          edition: edition.code,
          now: site.now,
          query: params.query,
          ...(category ? { categoryIds: withDescendants(categories, category.id) } : {}),
          ...(params.from ? { from: startOfDay(params.from, edition.timeZone) } : {}),
          ...(params.to ? { before: startOfNextDay(params.to, edition.timeZone) } : {}),
        };
        const page = request.query.page ?? 1;
        const found = await searchArticles(ctx.db, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
        const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
        if (page > pages) throw new AppError('not_found', 'There is no such page of results.');
        results = Object.assign(found, { page, pages, perPage: PAGE_SIZE });
      }
      // Results change with every story published: shared caches keep them only briefly.
      cachePublic(reply, SHORT).type('text/html; charset=utf-8');
      return (
        <SearchPage
          site={site}
          params={params}
          category={category?.slug}
          sections={sectionOptions(categories)}
          results={results}
        />
      );
    },
  );
}

/** Sections in tree order (each followed by its subsections), with their depth. */
function sectionOptions(all: readonly CategoryRow[]): SectionOption[] {
  const out: SectionOption[] = [];
  const visit = (parentId: number | null, depth: number) => {
    for (const c of all) {
      if (c.parent_id !== parentId || out.some((o) => o.slug === c.slug)) continue;
      out.push({ slug: c.slug, name: c.name, depth });
      visit(c.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
