// The audit domain as the app mounts it: the consumer that writes one row per recorded event
// (once per site), and the log's page for administrators.
import type { Domain } from '../context.ts';
import { registerSection } from '../newsroom/index.ts';
import { AUDITED_EVENTS } from './actions.ts';
import { recordAuditEntries } from './recorder.ts';
import { auditRoutes } from './routes.tsx';

/** Who did what and when: sign-ins, publishing, deletions, people and settings. */
export const auditDomain: Domain = {
  name: 'audit',
  consumers(events) {
    events.consumeBatches('audit.log', AUDITED_EVENTS, recordAuditEntries);
  },
  setup() {
    registerSection('/newsroom/audit');
  },
  newsroomRoutes: auditRoutes,
};
