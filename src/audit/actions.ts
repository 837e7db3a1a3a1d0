// What the audit log records: the events it follows, the subject each one is about (read from
// its ids), and the sentence the log shows for it. The type checker keeps the list whole: every
// 'staff.*' event must be listed here and every listed event needs a sentence.
import type { DomainEvents, EventName } from '../core/events/index.ts';
import type { NewsroomKey } from '../newsroom/index.ts';

type StaffEvent = Extract<EventName, `staff.${string}`>;

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
] as const satisfies readonly EventName[];

/** Every event type the audit log records, in the order the action filter lists them. */
export const AUDITED_EVENTS = [...(Object.keys(STAFF_EVENTS) as StaffEvent[]), ...OTHER_EVENTS] as const;

export type AuditedEvent = StaffEvent | (typeof OTHER_EVENTS)[number];

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
  ['pageId', 'page'],
  ['categoryId', 'category'],
  ['tagId', 'tag'],
  ['mediaId', 'media'],
  ['userId', 'user'],
  ['programId', 'program'],
  ['channelId', 'channel'],
];

/** The subject of an event, from its payload's ids (a setting is named by its key, in the detail). */
export function subjectOf<K extends AuditedEvent>(type: K, payload: DomainEvents[K]): Subject {
  const fields = payload as unknown as Record<string, unknown>;
  const edition = typeof fields.edition === 'string' ? fields.edition : null;
  if (type === 'settings.changed') return { type: 'setting', id: null, edition };
  // An edition is named by its code, kept as the entry's edition.
  if (type === 'edition.changed') return { type: 'edition', id: null, edition: String(fields.code) };
  for (const [field, subjectType] of SUBJECT_FIELDS) {
    const id = fields[field];
    if (typeof id === 'number') return { type: subjectType, id, edition };
    // A failed sign-in of an unknown account names no one.
    if (field in fields && id === null) return { type: subjectType, id: null, edition };
  }
  return { type: null, id: null, edition };
}
