// The one rule for text a reporter or an officer types. A report form is posted as multipart
// (it carries files), which the site's input guard does not read, so the checks it makes for
// other forms are made here, per field, as problems the form can show instead of a 400 page:
// a NUL byte (PostgreSQL cannot store it) and text that is not UTF-8. Text is normalised to NFC,
// so "é" typed two ways is one text, and counted in characters, not UTF-16 units or bytes.
import { z } from 'zod';
import type { Problem } from './model.ts';

/** How a field's text is read. */
export interface TextRule {
  /** The longest text, in characters. */
  readonly max: number;
  readonly isRequired?: boolean;
  /** Keeps line breaks (a description); otherwise every run of white space becomes one space. */
  readonly isMultiline?: boolean;
}

// A UTF-16 half without its partner: what JSON's "\ud800" or a broken decoder can leave.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Control characters a person never means to type (tab and line feed are kept where they belong).
// eslint-disable-next-line no-control-regex -- control characters are what is removed
const STRAY_CONTROLS = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The outcome of reading one field: its clean text, or the problems with it. */
export type TextResult = { readonly text: string } | { readonly problems: readonly Problem[] };

/**
 * Reads a raw field value: absent is '', bytes must be UTF-8, a string must be whole. U+FFFD (the
 * replacement character) counts as broken too: it is what a multipart parser leaves of bytes
 * that were not UTF-8, and nobody types it on purpose.
 */
export function readText(raw: unknown, rule: TextRule): TextResult {
  let text: string;
  if (raw === undefined || raw === null) text = '';
  else if (typeof raw === 'string') text = raw;
  else if (raw instanceof Uint8Array) {
    try {
      text = fatalUtf8.decode(raw);
    } catch {
      return { problems: [{ key: 'integrity.report.problem.encoding' }] };
    }
  } else return { problems: [{ key: 'integrity.report.problem.invalid' }] };
  if (text.includes('\u0000')) return { problems: [{ key: 'integrity.report.problem.nul' }] };
  if (LONE_SURROGATE.test(text) || text.includes('\uFFFD')) {
    return { problems: [{ key: 'integrity.report.problem.encoding' }] };
  }
  text = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(STRAY_CONTROLS, '');
  text = rule.isMultiline
    ? text
        .split('\n')
        .map((line) => line.trimEnd())
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim()
    : text.replace(/\s+/g, ' ').trim();
  const count = [...text].length;
  if (rule.isRequired && count === 0) return { problems: [{ key: 'integrity.report.problem.required' }] };
  if (count > rule.max) {
    return { problems: [{ key: 'integrity.report.problem.tooLong', values: { max: rule.max, count } }] };
  }
  return { text };
}

/** A zod schema for one text field, whose issues carry the problem as `params.problem`. */
export function textField(rule: TextRule): z.ZodType<string, unknown> {
  return z.unknown().transform((raw, ctx) => {
    const result = readText(raw, rule);
    if ('text' in result) return result.text;
    for (const problem of result.problems) ctx.addIssue({ code: 'custom', message: problem.key, params: { problem } });
    return z.NEVER;
  });
}

/** The problems of a failed parse, by the field (first path segment) each belongs to. */
export function problemsByField(error: z.ZodError): Record<string, Problem[]> {
  const byField: Record<string, Problem[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    const carried = issue.code === 'custom' ? (issue.params as { problem?: Problem } | undefined)?.problem : undefined;
    (byField[field] ??= []).push(carried ?? { key: 'integrity.report.problem.invalid' });
  }
  return byField;
}
