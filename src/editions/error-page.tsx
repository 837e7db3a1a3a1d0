// Error pages in the language of the edition the reader was in: every word on them comes from
// that edition's catalog, never from an exception's (English, technical) message.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { describeProblem, type Problem } from '../core/http/error-handler.ts';
import { Notice } from '../core/views/components.tsx';
import { Layout } from '../core/views/layout.tsx';
import { requestPath } from '../core/views/site.ts';
import { englishCatalog } from '../i18n/index.ts';
import type { MessageKey, Translate } from '../i18n/index.ts';
import { siteFor } from './site.ts';

/** Renders 4xx/5xx pages; the edition comes from the first path segment, else the default. */
export function createErrorPageRenderer(ctx: AppContext) {
  return async (request: FastifyRequest, problem: Problem): Promise<string> => {
    const segment = requestPath(request.url).split('/')[1] ?? '';
    const edition = ctx.editions.get(segment) ?? ctx.editions.get(ctx.settings.defaultEdition) ?? ctx.editions.all()[0];
    if (!edition) throw new Error('no edition to render the error page in');
    const site = await siteFor(ctx, request, edition);
    const { t } = site;
    const described = describeProblem(t, problem);
    const title = described.title;
    // A handler's message is shown only when it is a sentence of this edition's catalog (the
    // ratings say "Choose from 1 to 5 stars" this way); anything else could be English or internal.
    const text = problem.status < 500 && isCatalogText(t, problem.message) ? problem.message : described.text;
    return (
      <Layout site={site} head={{ title, description: text, path: site.path, noindex: true }}>
        <div class="wrap">
          <Notice title={title} text={text} linkLabel={t('error.goHome')} href={`/${edition.code}`} />
        </div>
      </Layout>
    ) as string;
  };
}

// Every text of a translator without placeholders filled, built once per edition's translator.
const catalogTexts = new WeakMap<Translate, ReadonlySet<string>>();

function isCatalogText(t: Translate, message: string): boolean {
  let texts = catalogTexts.get(t);
  if (!texts) {
    texts = new Set((Object.keys(englishCatalog) as MessageKey[]).map((key) => t(key)));
    catalogTexts.set(t, texts);
  }
  return texts.has(message);
}
