// What the audit log records: the events it follows, the subject each one is about (read from
// its ids), and the sentence the log shows for it. The type checker keeps the list whole: every
// 'staff.*' event must be listed here and every listed event needs a sentence.
import type { DomainEvents, EventName } from '../core/events/index.ts';
import { newsroomText as t, type NewsroomKey } from '../newsroom/index.ts';

type StaffEvent = Extract<EventName, `staff.${string}`>;
type ReportEvent = Extract<EventName, `integrity_report.${string}`>;

/** Every sign-in event of the accounts domain: a 'staff.*' event missing here fails `tsc`. */
const STAFF_EVENTS: { readonly [K in StaffEvent]: true } = {
  'staff.signed_in': true,
  'staff.sign_in_failed': true,
  'staff.signed_out': true,
  'staff.password_reset': true,
  'staff.two_factor_enabled': true,
  'staff.two_factor_disabled': true,
  'staff.recovery_codes_regenerated': true,
};

/**
 * Every event of the integrity reporting channel (a new one missing here fails `tsc`): each
 * opening, download and change of a report. Their payloads name the report by its opaque public
 * id and status only, so the log's detail holds nothing of a report's content.
 */
const REPORT_EVENTS: { readonly [K in ReportEvent]: true } = {
  'integrity_report.submitted': true,
  'integrity_report.reporter_added': true,
  'integrity_report.opened': true,
  'integrity_report.attachment_opened': true,
  'integrity_report.replied': true,
  'integrity_report.noted': true,
  'integrity_report.status_changed': true,
  'integrity_report.assigned': true,
  'integrity_report.purged': true,
};

/** The other events the log records: people, publishing, deletions, settings and editions. */
const OTHER_EVENTS = [
  'author.created',
  'user.password_changed',
  'user.role_changed',
  'user.editions_changed',
  'user.deactivated',
  'user.reactivated',
  'article.created',
  'article.published',
  'article.unpublished',
  'article.deleted',
  'category.deleted',
  'tag.merged',
  'page.deleted',
  'media.deleted',
  'banner.raised',
  'banner.ended',
  'settings.changed',
  'edition.changed',
  // The radio (issue 9): channels, programs, one-off schedule changes.
  'channel.changed',
  'program.changed',
  'schedule.changed',
  // The integrity zone's document library (issue 10).
  'integrity.document_saved',
  'integrity.document_deleted',
  // The satisfaction survey's questionnaire (a reader's answer is not an editorial act: not logged).
  'integrity.survey_changed',
  // issue 11: webhooks (what other systems are told, and with which secret)
  'webhook.created',
  'webhook.updated',
  'webhook.secret_rotated',
  'webhook.deleted',
  // issue 11: redirects (old addresses edited by hand)
  'redirect.created',
  'redirect.changed',
  'redirect.deleted',
] as const satisfies readonly EventName[];

/** Every event type the audit log records, in the order the action filter lists them. */
export const AUDITED_EVENTS = [
  ...(Object.keys(STAFF_EVENTS) as StaffEvent[]),
  ...OTHER_EVENTS,
  ...(Object.keys(REPORT_EVENTS) as ReportEvent[]),
] as const;

export type AuditedEvent = StaffEvent | ReportEvent | (typeof OTHER_EVENTS)[number];

/** The sentence of an action (a missing catalog entry fails `tsc`). */
export function actionKey(action: AuditedEvent): NewsroomKey {
  return `audit.action.${action}`;
}

/** Whether a stored action is one the log knows a sentence for. */
export function isAuditedEvent(action: string): action is AuditedEvent {
  return (AUDITED_EVENTS as readonly string[]).includes(action);
}

/** What an entry is about, as stored in audit_log's subject columns. */
export interface Subject {
  readonly type: string | null;
  readonly id: number | null;
  readonly edition: string | null;
}

/** Payload id fields in order of precedence: an article event's subject is the article. */
const SUBJECT_FIELDS: readonly (readonly [string, string])[] = [
  ['articleId', 'article'],
  // A key's events name its user too: the key is what they are about.
  ['apiKeyId', 'api_key'],
  ['pageId', 'page'],
  ['categoryId', 'category'],
  ['tagId', 'tag'],
  ['mediaId', 'media'],
  ['userId', 'user'],
  ['programId', 'program'],
  ['channelId', 'channel'],
  ['documentId', 'integrity_document'],
  ['webhookId', 'webhook'],
];

/** The subject type of an integrity report: named by its public id (text), kept in the detail. */
export const REPORT_SUBJECT = 'integrity_report';

/** The subject of an event, from its payload's ids (a setting is named by its key, in the detail). */
export function subjectOf<K extends AuditedEvent>(type: K, payload: DomainEvents[K]): Subject {
  const fields = payload as unknown as Record<string, unknown>;
  const edition = typeof fields.edition === 'string' ? fields.edition : null;
  if (type === 'settings.changed') return { type: 'setting', id: null, edition };
  // An edition is named by its code, kept as the entry's edition.
  if (type === 'edition.changed') return { type: 'edition', id: null, edition: String(fields.code) };
  // A report has no number to show: its opaque public id stays in the detail (never the edition,
  // which would say where the reporter wrote from).
  if (type.startsWith('integrity_report.')) return { type: REPORT_SUBJECT, id: null, edition: null };
  for (const [field, subjectType] of SUBJECT_FIELDS) {
    const id = fields[field];
    if (typeof id === 'number') return { type: subjectType, id, edition };
    // A failed sign-in of an unknown account names no one.
    if (field in fields && id === null) return { type: subjectType, id: null, edition };
  }
  return { type: null, id: null, edition };
}

/**
 * The label and link of an integrity subject, for the audit page: "report <public id>" linking
 * to the report in the officers' inbox (only officers and admins can open it), and "integrity
 * document <id>" linking to its form. Undefined for every other subject.
 */
export function integritySubjectOf(entry: {
  readonly subjectType: string | null;
  readonly subjectId: number | null;
  readonly detail: Readonly<Record<string, unknown>>;
}): { label: string; href: string } | undefined {
  const { publicId } = entry.detail;
  if (entry.subjectType === REPORT_SUBJECT && typeof publicId === 'string' && /^[a-z2-7]{16}$/.test(publicId)) {
    return {
      label: t('audit.subject.integrityReport', { id: publicId }),
      href: `/newsroom/integrity/reports/${publicId}`,
    };
  }
  if (entry.subjectType === 'integrity_document' && entry.subjectId !== null) {
    return {
      label: t('audit.subject.integrityDocument', { id: entry.subjectId }),
      href: `/newsroom/integrity/documents/${entry.subjectId}`,
    };
  }
  return undefined;
}
