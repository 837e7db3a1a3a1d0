// The Zona Integritas domain as the app mounts it: the landing page and privacy notice, the
// document library, the public reporting channel, the officers' inbox and the satisfaction
// survey. Each part has its own folder; this file only joins them.
import type { Domain, DomainRoutes } from '../context.ts';
import { registerSection } from '../newsroom/index.ts';
import { channelRoutes } from './channel/routes.tsx';
import { documentNewsroomRoutes } from './documents/newsroom-routes.tsx';
import { documentRoutes } from './documents/routes.tsx';
import { setupDocuments } from './documents/setup.ts';
import { inboxRoutes } from './inbox/routes.tsx';
import { setupInboxNotices } from './inbox/notices.ts';
import { landingRoutes } from './landing/routes.tsx';
import { retentionJob } from './retention.ts';
import { surveyNewsroomRoutes } from './survey/newsroom-routes.tsx';
import { surveyRoutes } from './survey/routes.tsx';
import { reportVault } from './vault.ts';

const publicRoutes: DomainRoutes = async (app, opts) => {
  await app.register(landingRoutes, opts);
  await app.register(documentRoutes, opts);
  await app.register(channelRoutes, opts);
  await app.register(surveyRoutes, opts);
};

const newsroomRoutes: DomainRoutes = async (app, opts) => {
  await app.register(documentNewsroomRoutes, opts);
  await app.register(inboxRoutes, opts);
  await app.register(surveyNewsroomRoutes, opts);
};

/** The integrity zone. */
export const integrityDomain: Domain = {
  name: 'integrity',
  setup(ctx) {
    // The key is read (or made) at start: a bad WARTA_INTEGRITY_KEY or an unreadable key file
    // stops the start, instead of the first reporter's submission.
    reportVault(ctx);
    setupDocuments(ctx);
    setupInboxNotices(ctx);
    ctx.jobs.add(retentionJob(ctx));
    registerSection('/newsroom/integrity/reports');
    registerSection('/newsroom/integrity/documents');
    registerSection('/newsroom/integrity/survey');
  },
  publicRoutes,
  newsroomRoutes,
};
