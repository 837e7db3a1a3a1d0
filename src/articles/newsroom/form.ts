// Reading the article form: posted fields become the command's input, and the button pressed
// becomes a status step. Everything a person typed comes back to the form when a save fails.
import type { ArticleStatus } from '../../core/db/schema.ts';
import { fromLocalInput } from '../../newsroom/index.ts';
import type { UpdateArticleInput } from '../commands.ts';

/** The buttons of the form, each a step of the status flow (save keeps the status). */
export const STEPS = ['save', 'submit', 'publish', 'unpublish', 'return'] as const;
export type Step = (typeof STEPS)[number];

/** The form's fields as posted (text), kept to show again. */
export type FormValues = Readonly<Record<string, string>>;

export const FIELD_NAMES = [
  'title',
  'slug',
  'summary',
  'bodyHtml',
  'dateline',
  'source',
  'byline',
  'authorId',
  'categoryId',
  'tags',
  'isFeatured',
  'featuredMediaId',
  'imageAlt',
  'imageCaption',
  'imageCredit',
  'correctionNote',
  'publishAt',
  'unpublishAt',
  'comment',
  'version',
  'step',
] as const;

/** The posted form as text fields (anything else ignored). */
export function formValues(body: unknown): FormValues {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const values: Record<string, string> = {};
  for (const name of FIELD_NAMES) {
    const value = raw[name];
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}

function optionalId(value: string | undefined): number | null {
  if (!value) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : -1;
}

/** The step a form asks for ('save' when none or unknown). */
export function stepOf(values: FormValues): Step {
  return (STEPS as readonly string[]).includes(values.step ?? '') ? (values.step as Step) : 'save';
}

/**
 * The command input of a form, with the status and time of its step. Problems the command's
 * schema cannot see (a time that is not one) are returned with it.
 */
export function toInput(
  values: FormValues,
  step: Step,
  current: { status: ArticleStatus; publishedAt: Date | null } | undefined,
  timeZone: string,
  now: Date,
): { input: UpdateArticleInput; problems: string[] } {
  const problems: string[] = [];
  const input: UpdateArticleInput = {
    title: values.title ?? '',
    // An emptied address is made again from the headline.
    slug: values.slug?.trim() || (values.title ?? ''),
    summary: values.summary ?? '',
    bodyHtml: values.bodyHtml ?? '',
    dateline: values.dateline ?? '',
    source: values.source ?? '',
    byline: values.byline ?? '',
    authorId: optionalId(values.authorId),
    categoryId: Number(values.categoryId) || -1,
    tags: (values.tags ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    isFeatured: values.isFeatured === 'on',
    featuredMediaId: optionalId(values.featuredMediaId),
    imageAlt: values.imageAlt ?? '',
    imageCaption: values.imageCaption ?? '',
    imageCredit: values.imageCredit ?? '',
    correctionNote: values.correctionNote ?? '',
  };
  let publishAt: Date | undefined;
  if (values.publishAt) {
    publishAt = fromLocalInput(values.publishAt, timeZone);
    if (!publishAt) problems.push('publishAt: is not a date and time');
  }
  // Empty: stays on the site; a time: taken off at that minute.
  input.unpublishAt = null;
  if (values.unpublishAt) {
    const at = fromLocalInput(values.unpublishAt, timeZone);
    if (!at) problems.push('unpublishAt: is not a date and time');
    else if (at <= now) problems.push('unpublishAt: must be in the future');
    else if (publishAt && at <= publishAt) problems.push('unpublishAt: must come after the publication time');
    else input.unpublishAt = at;
  }
  switch (step) {
    case 'save':
      // A scheduled story's time may be moved by saving; otherwise the status stays.
      if (publishAt && current?.status === 'published') input.publishedAt = publishAt;
      break;
    case 'submit':
      input.status = 'review';
      break;
    case 'return':
      input.status = 'draft';
      break;
    case 'unpublish':
      input.status = 'archived';
      break;
    case 'publish':
      input.status = 'published';
      // A time in the future schedules it; otherwise it is out now (a story that was out before
      // keeps its first time, so its place in the lists does not move).
      if (publishAt && publishAt > now) input.publishedAt = publishAt;
      else input.publishedAt = current?.publishedAt && current.publishedAt <= now ? current.publishedAt : now;
      break;
  }
  return { input, problems };
}
