// Checks what the report form and the reporter's follow-up form send, field by field, and
// answers every problem at once as message keys: the form is shown in English, Indonesian and
// Arabic, so the page translates them. Files are checked by the evidence module (their bytes).
import { z } from 'zod';
import {
  REPORT_KINDS,
  TEXT_LIMITS,
  type FieldProblems,
  type Problem,
  type ReportContent,
  type ReportKind,
} from './model.ts';
import { problemsByField, readText, textField } from './text-field.ts';

/** The report form's fields as posted: strings (or bytes, from a multipart parser), any may be missing. */
export type RawReportForm = Readonly<Record<string, unknown>>;

/** A checked report: its kind and what it says. */
export interface CheckedReport {
  readonly kind: ReportKind;
  readonly content: ReportContent;
}

// A plain shape check, not RFC 5322: one @, something on each side, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Digits with the usual separators and an optional leading +; at least 6 digits to call back.
const PHONE = /^\+?[0-9 ()./-]+$/;

const kindField = z.unknown().transform((raw, ctx) => {
  if (typeof raw === 'string' && (REPORT_KINDS as readonly string[]).includes(raw.trim()))
    return raw.trim() as ReportKind;
  ctx.addIssue({ code: 'custom', message: 'kind', params: { problem: { key: 'integrity.report.problem.kind' } } });
  return z.NEVER;
});

/** A text field whose non-empty value must also match a shape. */
function shapedField(max: number, isValid: (text: string) => boolean, problem: Problem) {
  return textField({ max }).superRefine((text, ctx) => {
    if (text !== '' && !isValid(text)) ctx.addIssue({ code: 'custom', message: problem.key, params: { problem } });
  });
}

const reportSchema = z.object({
  kind: kindField,
  what: textField({ max: TEXT_LIMITS.what, isRequired: true, isMultiline: true }),
  when: textField({ max: TEXT_LIMITS.when }),
  where: textField({ max: TEXT_LIMITS.where }),
  who: textField({ max: TEXT_LIMITS.who, isMultiline: true }),
  name: textField({ max: TEXT_LIMITS.name }),
  email: shapedField(TEXT_LIMITS.email, (t) => EMAIL.test(t), { key: 'integrity.report.problem.email' }),
  phone: shapedField(TEXT_LIMITS.phone, (t) => PHONE.test(t) && t.replace(/\D/g, '').length >= 6, {
    key: 'integrity.report.problem.phone',
  }),
});

/** Checks the report form: the checked report, or every problem by field. */
export function checkReportForm(raw: RawReportForm): { report: CheckedReport } | { problems: FieldProblems } {
  // Only the form's own fields are read: whatever else was posted (the honeypot, a token) is the route's.
  const parsed = reportSchema.safeParse({
    kind: raw.kind,
    what: raw.what,
    when: raw.when,
    where: raw.where,
    who: raw.who,
    name: raw.name,
    email: raw.email,
    phone: raw.phone,
  });
  if (!parsed.success) return { problems: problemsByField(parsed.error) };
  const { kind, name, email, phone, ...told } = parsed.data;
  return { report: { kind, content: { ...told, identity: { name, email, phone } } } };
}

/**
 * Checks a message's text (the reporter's follow-up, an officer's reply or note): '' is allowed
 * here, since a follow-up may be files alone; the command says when nothing at all was sent.
 */
export function checkMessageText(
  raw: unknown,
  max: number = TEXT_LIMITS.message,
): { text: string } | { problems: FieldProblems } {
  const result = readText(raw, { max, isMultiline: true });
  return 'text' in result ? { text: result.text } : { problems: { text: result.problems } };
}
