// Error pages in the language of the edition the reader was in.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Problem } from '../core/http/error-handler.ts';
import { Notice } from '../core/views/components.tsx';
import { Layout } from '../core/views/layout.tsx';
import { siteFor } from './site.ts';
import type { MessageKey } from '../i18n/index.ts';

/** Renders 4xx/5xx pages; the edition comes from the first path segment, else the default. */
export function createErrorPageRenderer(ctx: AppContext) {
  return async (request: FastifyRequest, problem: Problem): Promise<string> => {
    const segment = request.url.split(/[/?#]/)[1] ?? '';
    const edition = ctx.editions.get(segment) ?? ctx.editions.get(ctx.config.defaultEdition) ?? ctx.editions.all()[0];
    if (!edition) throw new Error('no edition to render the error page in');
    const site = await siteFor(ctx, request, edition);
    const { t } = site;
    const [title, text] =
      problem.status === 404
        ? [t('error.notFoundTitle'), t('error.notFound')]
        : problem.status >= 500
          ? [t('error.serverTitle'), t('error.server')]
          : [t(clientErrorTitle(problem.status)), problem.message];
    return (
      <Layout site={site} head={{ title, description: text, path: site.path, noindex: true }}>
        <div class="wrap">
          <Notice title={title} text={text} linkLabel={t('error.goHome')} href={`/${edition.code}`} />
        </div>
      </Layout>
    ) as string;
  };
}

/** The heading of a 4xx page other than 404. */
function clientErrorTitle(status: number): MessageKey {
  if (status === 403 || status === 405) return 'error.notAllowedTitle';
  if (status === 429) return 'error.tooManyTitle';
  return 'error.badRequestTitle';
}
