// The audit log, as other domains use it: when people last signed in, and what the log records.
export { lastSignIns } from './queries.ts';
export { AUDITED_EVENTS, type AuditedEvent } from './actions.ts';
