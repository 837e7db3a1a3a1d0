// What a report to the integrity channel is: its kinds, the steps its status goes through, what
// the reporter writes, and the limits a submission must keep. Everything here is plain data and
// rules; commands.ts and officer.ts store it, report-form.ts checks what a form sends.
import type { MessageKey } from '../../i18n/index.ts';
import { AppError } from '../../core/http/errors.ts';
import { InputError } from '../../core/validation.ts';

/** What a report is about (the three channels a Zona Integritas must offer). */
export const REPORT_KINDS = ['complaint', 'whistleblowing', 'gratification'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Where a report stands, in the order an officer moves it. */
export const REPORT_STATUSES = ['received', 'verified', 'in_progress', 'closed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/**
 * The steps an officer may take. Forward one step at a time, and a report may be closed from any
 * open status (one that cannot be verified is closed from "received", with that reason).
 *
 * Reopening (closed → in_progress) is allowed, with a reason: a report closed by mistake, or one
 * whose reporter comes back with new facts, should continue under the same receipt code and keep
 * its history, rather than make the reporter start again (a closed report takes no more messages
 * from the reporter, so only an officer can open it again). Reopening clears `closed_at`, so the
 * retention purge counts from the last closing.
 */
export const STATUS_STEPS: Readonly<Record<ReportStatus, readonly ReportStatus[]>> = {
  received: ['verified', 'closed'],
  verified: ['in_progress', 'closed'],
  in_progress: ['closed'],
  closed: ['in_progress'],
};

/** Whether an officer may move a report from one status to another. */
export function canMoveStatus(from: ReportStatus, to: ReportStatus): boolean {
  return STATUS_STEPS[from].includes(to);
}

/** Whether a change needs a written reason: closing, and reopening, are decisions to account for. */
export function needsReason(from: ReportStatus, to: ReportStatus): boolean {
  return to === 'closed' || from === 'closed';
}

/** The reporter's optional identity: anonymous (all empty) unless they choose to give it. */
export interface ReporterIdentity {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
}

/** A report as the reporter wrote it; sealed as one JSON value (see commands.ts). */
export interface ReportContent {
  /** What happened. */
  readonly what: string;
  /** When, in the reporter's words ("around 3 March, in the morning"): a date may not be known. */
  readonly when: string;
  readonly where: string;
  /** Who is involved: names, positions, units. */
  readonly who: string;
  readonly identity: ReporterIdentity;
}

/** Whether the reporter gave no identity at all (the default). */
export function isAnonymous(identity: ReporterIdentity): boolean {
  return identity.name === '' && identity.email === '' && identity.phone === '';
}

/** The longest text of each field, in characters (Unicode code points, after NFC). */
export const TEXT_LIMITS = {
  what: 10_000,
  when: 200,
  where: 500,
  who: 2_000,
  name: 200,
  // RFC 5321's limit for a forward path.
  email: 254,
  phone: 32,
  /** A reporter's later message, an officer's reply or note. */
  message: 10_000,
  /** Why a status changed. */
  reason: 2_000,
} as const;

/** Files one submission (the report, or a later message) may carry. */
export const MAX_FILES_PER_SUBMISSION = 5;
/** Files a report may gather over its life: enough evidence, and a bound on the disk a code can fill. */
export const MAX_FILES_PER_REPORT = 20;
/** The largest file: a phone photo or a scanned PDF of a few pages fits. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** All files of one submission together (the route's body limit should be a little above). */
export const MAX_SUBMISSION_BYTES = 25 * 1024 * 1024;

/** One problem with a field, as a reader-facing message key and the values it names. */
export interface Problem {
  readonly key: MessageKey;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** Problems by field name ('kind', 'what', …, 'files'); a field without problems is absent. */
export type FieldProblems = Readonly<Record<string, readonly Problem[]>>;

/**
 * Input that cannot be stored, with every problem by field so the form can show each beside
 * its field in the reader's language. `problems` (InputError's) holds the keys, for logs and JSON.
 */
export class ReportInputError extends InputError {
  constructor(readonly byField: FieldProblems) {
    super(Object.entries(byField).flatMap(([field, list]) => list.map((p) => `${field}: ${p.key}`)));
    this.name = 'ReportInputError';
  }
}

/**
 * No report answers to this code (or id). A wrong, a malformed and an unknown code all end here
 * with the same error, so an answer tells nothing about which codes exist.
 */
export class ReportNotFoundError extends AppError {
  constructor() {
    super('not_found', 'No report has this code.');
    this.name = 'ReportNotFoundError';
  }
}

/** The report is closed: the reporter can read it but no longer add to it. */
export class ReportClosedError extends AppError {
  constructor() {
    super('conflict', 'This report is closed.');
    this.name = 'ReportClosedError';
  }
}

/** Merges problem lists by field. */
export function mergeProblems(...lists: FieldProblems[]): FieldProblems {
  const merged: Record<string, Problem[]> = {};
  for (const list of lists)
    for (const [field, problems] of Object.entries(list)) (merged[field] ??= []).push(...problems);
  return merged;
}

/** Whether there is any problem at all. */
export function hasProblems(problems: FieldProblems): boolean {
  return Object.values(problems).some((list) => list.length > 0);
}
