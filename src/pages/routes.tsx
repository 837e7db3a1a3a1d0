// Static pages, addressed by their path in the tree: /en/company-profile/history.
// Registered as a catch-all, so every more specific route of an edition wins over it.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { cachePublic } from '../core/http/cache.ts';
import { AppError } from '../core/http/errors.ts';
import { requireEdition, siteFor } from '../editions/index.ts';
import { findBodyImages } from '../media/index.ts';
import { findPublishedPage, listPageTranslations, listPublishedPages, pagePath } from './queries.ts';
import { PageView } from './page-view.tsx';

/** The static pages plugin. */
export async function pageRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  app.get<{ Params: { edition: string; '*': string } }>('/:edition/*', async (request, reply) => {
    const edition = requireEdition(ctx, request.params.edition);
    const path = request.params['*'].replace(/\/+$/, '');
    if (path.length === 0 || path.length > 500) throw new AppError('page_not_found');
    const page = await findPublishedPage(ctx.db, edition.code, path);
    if (!page) throw new AppError('page_not_found');
    const [all, translations, bodyImages] = await Promise.all([
      listPublishedPages(ctx.db, edition.code),
      listPageTranslations(ctx.db, page),
      findBodyImages(ctx.db, page.bodyHtml),
    ]);
    const byId = new Map(all.map((p) => [p.id, p]));
    const ancestors: typeof all = [];
    for (let id = page.parentId; id !== null;) {
      const parent = byId.get(id);
      if (!parent || ancestors.includes(parent)) break;
      ancestors.unshift(parent);
      id = parent.parentId;
    }
    const self = byId.get(page.id)!;
    const sectionRoot = ancestors[0] ?? self;
    const site = await siteFor(ctx, request, edition);
    cachePublic(reply).type('text/html; charset=utf-8');
    return (
      <PageView
        site={site}
        page={page}
        ancestors={ancestors}
        sectionRoot={sectionRoot}
        sectionPages={all.filter((p) => p.parentId === sectionRoot.id)}
        alternates={translations
          .filter((tr) => ctx.editions.get(tr.edition))
          .map((tr) => ({ lang: tr.edition, path: pagePath(tr.edition, tr.path) }))}
        bodyImages={bodyImages}
      />
    );
  });
}
