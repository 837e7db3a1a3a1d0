// GET /{edition}/privacy: the privacy notice, cacheable like any reader page (it changes only when
// the code or the settings it states change, and both come with a restart).
import type { DomainRoutes } from '../../context.ts';
import { cachePublic } from '../../core/http/cache.ts';
import { requireEdition, siteFor } from '../../editions/index.ts';
import { integrityPaths } from '../landing/paths.ts';
import { noticeFor } from './notice.ts';
import { PrivacyPage } from './privacy-page.tsx';

export const privacyRoutes: DomainRoutes = async (app, { ctx }) => {
  app.get<{ Params: { edition: string } }>('/:edition/privacy', async (request, reply) => {
    const edition = requireEdition(ctx, request.params.edition);
    const site = await siteFor(ctx, request, edition);
    // By edition code, as the interface catalogs are chosen.
    const language = edition.code;
    const { notice, language: noticeLanguage } = noticeFor(language, {
      siteName: site.t('site.name'),
      retentionMonths: ctx.config.integrityRetentionMonths,
      logsAddresses: ctx.config.logClientAddresses,
    });
    const paths = integrityPaths(edition.code);
    cachePublic(reply).type('text/html; charset=utf-8');
    return (
      <PrivacyPage
        site={site}
        notice={notice}
        lang={noticeLanguage === language ? undefined : noticeLanguage}
        path={paths.privacy}
        zonePath={paths.landing}
      />
    );
  });
};
