// Reading and checking the survey form. The form is posted as multipart/form-data, which the
// site's input guard does not read, so a comment with a NUL character or broken UTF-8 comes here
// and is answered beside its field with the form filled in, instead of as a bare 400 page; a
// urlencoded post (a script, an old form) works too, and the guard refuses bad text in it first.
import type { FastifyRequest } from 'fastify';
import type { MessageKey } from '../../i18n/index.ts';
import { MAX_COMMENT, type Score, type SurveyElement } from './model.ts';

/** A problem to show beside a field, as a message of the edition's catalog. */
export interface Problem {
  readonly key: MessageKey;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** The fields as posted: the first value of each name, and whether the parser cut it short. */
export type PostedFields = ReadonlyMap<string, { readonly value: string; readonly isTruncated: boolean }>;

/** What the form shows again after a refusal: the scores chosen and the comment as typed. */
export interface SurveyValues {
  readonly scores: ReadonlyMap<number, Score>;
  readonly comment: string;
}

/** The outcome of checking a posted form. */
export type CheckedSurvey =
  | { readonly ok: true; readonly scores: ReadonlyMap<number, Score>; readonly comment: string }
  | { readonly ok: false; readonly problems: ReadonlyMap<string, Problem>; readonly values: SurveyValues };

/** The most bytes a multipart field is read to: 2,000 characters of Arabic (or emoji) with room. */
export const FIELD_BYTES = 16 * 1024;

/** A score field's name. */
export const scoreField = (elementId: number) => `score-${elementId}`;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- control characters are what is removed
const STRAY_CONTROLS = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Reads the posted fields (multipart or urlencoded), keeping only the first value of a name. */
export async function readPostedFields(request: FastifyRequest): Promise<PostedFields> {
  const fields = new Map<string, { value: string; isTruncated: boolean }>();
  if (request.isMultipart()) {
    for await (const part of request.parts()) {
      if (part.type !== 'field') {
        part.file.resume(); // no file is wanted; limits.files is 0 anyway
        continue;
      }
      if (typeof part.value === 'string' && !fields.has(part.fieldname))
        fields.set(part.fieldname, { value: part.value, isTruncated: part.valueTruncated });
    }
    return fields;
  }
  const body = request.body;
  if (body && typeof body === 'object')
    for (const [name, raw] of Object.entries(body as Record<string, unknown>)) {
      const value = Array.isArray(raw) ? raw[0] : raw;
      if (typeof value === 'string') fields.set(name, { value, isTruncated: false });
    }
  return fields;
}

/** The comment as the form shows it again: what was typed, less what HTML cannot carry. */
function redisplayed(text: string): string {
  return text.replaceAll('\u0000', '').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}

/** Checks the comment: its clean text, or the problem with it. */
export function checkComment(raw: string, isTruncated = false): { text: string } | { problem: Problem } {
  if (raw.includes('\u0000')) return { problem: { key: 'survey.problem.nul' } };
  // U+FFFD is what a multipart parser leaves of bytes that were not UTF-8; nobody types it.
  if (LONE_SURROGATE.test(raw) || raw.includes('\uFFFD')) return { problem: { key: 'survey.problem.encoding' } };
  const text = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(STRAY_CONTROLS, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const count = [...text].length;
  if (isTruncated || count > MAX_COMMENT)
    return {
      problem: { key: 'survey.problem.tooLong', values: { count: Math.max(count, MAX_COMMENT + 1), max: MAX_COMMENT } },
    };
  return { text };
}

/** Checks a posted form against the active elements: every one needs a score from 1 to 4. */
export function checkSurvey(elements: readonly SurveyElement[], fields: PostedFields): CheckedSurvey {
  const problems = new Map<string, Problem>();
  const scores = new Map<number, Score>();
  for (const element of elements) {
    const raw = fields.get(scoreField(element.id))?.value.trim() ?? '';
    if (/^[1-4]$/.test(raw)) scores.set(element.id, Number(raw) as Score);
    else problems.set(scoreField(element.id), { key: 'survey.problem.score' });
  }
  const posted = fields.get('comment') ?? { value: '', isTruncated: false };
  const comment = checkComment(posted.value, posted.isTruncated);
  if ('problem' in comment) problems.set('comment', comment.problem);
  if (problems.size > 0) return { ok: false, problems, values: { scores, comment: redisplayed(posted.value) } };
  return { ok: true, scores, comment: 'text' in comment ? comment.text : '' };
}
