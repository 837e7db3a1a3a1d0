// Every domain of the app, in one place. buildApp() mounts their routes in the subtrees and
// runs their setup; the CLI registers their event consumers. Order matters only for slots'
// tie-breaks and for the log; the page tree's catch-all is a fallback, registered last anyway.
import type { Domain } from './context.ts';
import type { EventBus } from './core/events/index.ts';
import { accountsDomain } from './accounts/domain.ts';
import { apiDomain } from './api/domain.ts'; // issue 11: public API
import { articlesDomain } from './articles/domain.ts';
import { auditDomain } from './audit/domain.ts';
import { bannerDomain } from './banner/domain.ts';
import { broadcastDomain } from './broadcast/domain.ts';
import { editionsDomain } from './editions/domain.ts';
import { feedsDomain } from './feeds/domain.ts';
import { integrityDomain } from './integrity/domain.ts';
import { mediaDomain } from './media/domain.ts';
import { menusDomain } from './menus/domain.ts';
import { newsroomDomain } from './newsroom/domain.ts';
import { pagesDomain } from './pages/domain.ts';
import { redirectsDomain } from './redirects/domain.ts'; // issue 11: redirects
import { ratingsDomain } from './ratings/domain.tsx';
import { readsDomain } from './reads/domain.tsx';
import { searchDomain } from './search/domain.ts';
import { seoDomain } from './seo/domain.ts';
import { settingsDomain } from './settings/domain.ts';
import { usersDomain } from './users/domain.ts';
import { webhooksDomain } from './webhooks/domain.ts';

/** The domains, each from its own folder. */
export const DOMAINS: readonly Domain[] = [
  editionsDomain,
  settingsDomain,
  usersDomain,
  accountsDomain,
  newsroomDomain,
  mediaDomain,
  articlesDomain,
  bannerDomain,
  broadcastDomain,
  integrityDomain,
  ratingsDomain,
  readsDomain,
  searchDomain,
  feedsDomain,
  seoDomain,
  pagesDomain,
  menusDomain,
  auditDomain,
  webhooksDomain,
  apiDomain, // issue 11: public API
  redirectsDomain, // issue 11: redirects
];

/** Registers every domain's once-per-site event consumers on a bus (app or CLI). */
export function registerConsumers(events: EventBus, domains: readonly Domain[] = DOMAINS): void {
  for (const domain of domains) domain.consumers?.(events);
}
