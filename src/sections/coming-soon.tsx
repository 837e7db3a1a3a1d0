// The sections whose own issues have not landed yet (the integrity zone)
// answer with an honest page in the edition's language instead of a dead link.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { cachePublic } from '../core/http/cache.ts';
import { Notice } from '../core/views/components.tsx';
import { Layout } from '../core/views/layout.tsx';
import { requireEdition, siteFor } from '../editions/index.ts';
import type { MessageKey } from '../i18n/index.ts';

/** Path segment of each upcoming section, and its name in the catalogs. */
export const UPCOMING_SECTIONS: Readonly<Record<string, MessageKey>> = {
  integrity: 'section.integrity',
};

/** The coming-soon plugin. */
export async function comingSoonRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  for (const [segment, key] of Object.entries(UPCOMING_SECTIONS)) {
    app.get<{ Params: { edition: string } }>(`/:edition/${segment}`, async (request, reply) => {
      const edition = requireEdition(ctx, request.params.edition);
      const site = await siteFor(ctx, request, edition);
      const { t } = site;
      const title = t('soon.title', { section: t(key) });
      cachePublic(reply).type('text/html; charset=utf-8');
      return (
        <Layout
          site={site}
          head={{ title, description: t('soon.text'), path: `/${edition.code}/${segment}`, noindex: true }}
        >
          <div class="wrap">
            <Notice title={title} text={t('soon.text')} linkLabel={t('soon.back')} href={`/${edition.code}`} />
          </div>
        </Layout>
      );
    });
  }
}
