// Previews: an article exactly as readers will see it, whatever its status, never counted as a
// read (no read beacon, no rating form), never indexed or cached. A signed-in user previews at
// /newsroom/articles/:id/preview; a colleague without an account opens a signed link that
// expires (/newsroom/preview/:token), made by someone who may edit the article.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, DomainRoutes } from '../../context.ts';
import { AppError } from '../../core/http/errors.ts';
import { ensureCookieSecret } from '../../core/secret.ts';
import { siteFor } from '../../editions/index.ts';
import { findBodyImages } from '../../media/index.ts';
import { requirePermission } from '../../newsroom/index.ts';
import { articlePath } from '../model.ts';
import { findArticlePage } from '../queries.ts';
import { ArticlePage } from '../views/article-page.tsx';
import { findArticle } from './queries.ts';

/** How long a shared preview link works. */
export const PREVIEW_LINK_MS = 48 * 3600_000;

function signature(ctx: AppContext, articleId: number, expires: number): string {
  const key = createHmac('sha256', ensureCookieSecret(ctx.config.cookieSecret, ctx.config.dataDir))
    .update('warta:article-preview')
    .digest();
  return createHmac('sha256', key).update(`${articleId}.${expires}`).digest('base64url');
}

/** A preview link for an article, valid until `now + PREVIEW_LINK_MS`. */
export function previewLink(ctx: AppContext, articleId: number, now: Date): string {
  const expires = Math.floor((now.getTime() + PREVIEW_LINK_MS) / 1000);
  return `/newsroom/preview/${articleId}.${expires}.${signature(ctx, articleId, expires)}`;
}

/** The article a preview token opens, or undefined when it is forged or expired. */
export function articleOfPreviewToken(ctx: AppContext, token: string, now: Date): number | undefined {
  const match = /^(\d{1,10})\.(\d{1,12})\.([\w-]{43})$/.exec(token);
  if (!match) return undefined;
  const [, id, expires, sig] = match;
  if (Number(expires) * 1000 <= now.getTime()) return undefined;
  const expected = Buffer.from(signature(ctx, Number(id), Number(expires)));
  const given = Buffer.from(sig!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? Number(id) : undefined;
}

async function renderPreview(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, articleId: number) {
  const found = await findArticlePage(ctx.db, articleId, ctx.now(), { preview: true });
  const edition = found && ctx.editions.get(found.article.edition);
  if (!found || !edition) throw new AppError('article_not_found');
  const [site, bodyImages] = await Promise.all([
    siteFor(ctx, request, edition),
    findBodyImages(ctx.db, found.article.bodyHtml),
  ]);
  const alternates = found.translations
    .filter((tr) => ctx.editions.get(tr.edition))
    .map((tr) => ({ lang: tr.edition, path: articlePath(tr), name: ctx.editions.get(tr.edition)!.name }));
  reply.header('x-robots-tag', 'noindex, nofollow').type('text/html; charset=utf-8');
  return (
    <ArticlePage
      site={site}
      article={found.article}
      tags={found.tags}
      related={[]}
      // No rating form and no read beacon: a preview is nobody's read or vote.
      slots={{ safeMeta: '', safeFooter: '', safeAside: '' }}
      translations={alternates}
      bodyImages={bodyImages}
    />
  );
}

export const previewRoutes: DomainRoutes = async (app, { ctx }) => {
  app.get<{ Params: { id: string } }>('/articles/:id/preview', async (request, reply) => {
    const article = await findArticle(ctx.db, Number(request.params.id) || 0);
    if (!article) throw new AppError('article_not_found');
    requirePermission(request, 'article.edit', {
      edition: article.edition,
      ownerId: article.created_by,
      status: article.status,
    });
    return renderPreview(ctx, request, reply, article.id);
  });

  app.get<{ Params: { token: string } }>(
    '/preview/:token',
    { config: { staffAccess: 'public' } },
    async (request, reply) => {
      const id = articleOfPreviewToken(ctx, request.params.token, ctx.now());
      if (id === undefined)
        throw new AppError('gone', 'This preview link has expired or is not valid. Ask for a new one.');
      return renderPreview(ctx, request, reply, id);
    },
  );
};
