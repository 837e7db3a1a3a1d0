// The facts the reporting channel records. Each names the report by its random public id and its
// status, and nothing else: no kind, edition, text, identity or officer note, since events are
// kept in the outbox, read by the audit log and (later) sent to webhooks. The officer who acted
// is the event's actor (WriteContext.actorId); a reporter's events have none.
import type { ReportStatus } from './model.ts';

/** Which report, and where it stands after the fact. */
export interface ReportFact {
  readonly publicId: string;
  readonly status: ReportStatus;
}

declare module '../../core/events/types.ts' {
  interface DomainEvents {
    /** A reader submitted a report (the officers' e-mail follows this). */
    'integrity_report.submitted': ReportFact;
    /** The reporter added a message or evidence. */
    'integrity_report.reporter_added': ReportFact;
    /** An officer opened the report (its content, messages and notes). */
    'integrity_report.opened': ReportFact;
    /** An officer opened one of its attachments. */
    'integrity_report.attachment_opened': ReportFact;
    /** An officer replied to the reporter. */
    'integrity_report.replied': ReportFact;
    /** An officer added an internal note. */
    'integrity_report.noted': ReportFact;
    /** An officer changed the status (the reason is sealed in the report's messages). */
    'integrity_report.status_changed': ReportFact;
    /** An officer assigned the report (or took the assignment away). */
    'integrity_report.assigned': ReportFact;
    /** The retention job deleted the closed report with its messages and files. */
    'integrity_report.purged': ReportFact;
  }
}

/** Every event of the reporting channel, for the audit log's list. */
export const REPORT_EVENTS = [
  'integrity_report.submitted',
  'integrity_report.reporter_added',
  'integrity_report.opened',
  'integrity_report.attachment_opened',
  'integrity_report.replied',
  'integrity_report.noted',
  'integrity_report.status_changed',
  'integrity_report.assigned',
  'integrity_report.purged',
] as const;
