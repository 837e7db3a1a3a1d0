// The reporting channel's core, for its routes and the domain: commands, reads, rules and limits.
export * from './model.ts';
export { REPORT_EVENTS, type ReportFact } from './events.ts';
export { checkReportForm, checkMessageText, type CheckedReport, type RawReportForm } from './report-form.ts';
export {
  submitReport,
  findByCode,
  addReporterMessage,
  type SubmitReportInput,
  type SubmittedReport,
  type ReporterView,
  type ReporterMessage,
  type ReporterAttachment,
  type ReporterMessageInput,
} from './commands.ts';
export { listInbox, type InboxFilter, type InboxItem } from './inbox.ts';
export {
  openReport,
  openAttachment,
  replyToReporter,
  addNote,
  setStatus,
  assignReport,
  type OfficerView,
  type StatusChange,
} from './officer.ts';
export { purgeClosedReports } from './purge.ts';
export type { ReportVault, AttachmentInfo, OpenedMessage } from './records.ts';
