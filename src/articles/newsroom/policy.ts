// Who may write what to an article, for every way in: the newsroom's form and the API's keys
// (which act as their user) ask these same functions, so a key can never do what its user's
// role could not do in the form.
import type { Kysely } from 'kysely';
import type { ArticleStatus, Database } from '../../core/db/schema.ts';
import { can, newsroomText as t, type Action, type Staff } from '../../newsroom/index.ts';
import type { Step } from './form.ts';

/** What a step needs beyond editing: sending for review, or publishing. */
export const STEP_ACTION: Readonly<Record<Step, Action>> = {
  save: 'article.edit',
  submit: 'article.submit',
  publish: 'article.publish',
  unpublish: 'article.publish',
  return: 'article.publish',
};

/** The form's step that takes an article from `from` (undefined: a new one) to status `to`. */
export function stepTo(from: ArticleStatus | undefined, to: ArticleStatus): Step {
  if (from === to) return 'save';
  if (to === 'published') return 'publish';
  if (to === 'review') return 'submit';
  if (from === 'published' || to === 'archived') return 'unpublish';
  if (from === 'review') return 'return';
  return 'save';
}

/** Whether `staff` may create an article in `edition` and take `step` with it at once. */
export function mayCreate(staff: Staff, edition: string, step: Step): boolean {
  if (!can(staff, 'article.create', { edition })) return false;
  return step === 'save' || can(staff, STEP_ACTION[step], { edition, ownerId: staff.id, status: 'draft' });
}

/** What the permission rules look at in a stored article. */
export interface ArticleResource {
  readonly edition: string;
  readonly created_by: number | null;
  readonly status: ArticleStatus;
}

/** Whether `staff` may change this article with `step` (changing a published story is publishing). */
export function mayChange(staff: Staff, article: ArticleResource, step: Step): boolean {
  const resource = { edition: article.edition, ownerId: article.created_by, status: article.status };
  if (!can(staff, 'article.edit', resource) || !can(staff, STEP_ACTION[step], resource)) return false;
  return article.status !== 'published' || can(staff, 'article.publish', resource);
}

/**
 * Whether `staff` may make image `mediaId` an article's photo: editors use any image of the
 * library; contributors and authors the images they uploaded (as their library lists them), and
 * the one the article has already.
 */
export async function imageProblems(
  db: Kysely<Database>,
  staff: Staff,
  edition: string,
  mediaId: number | null | undefined,
  currentId: number | null,
): Promise<string[]> {
  if (mediaId == null || mediaId === currentId || can(staff, 'media.manage', { edition })) return [];
  const image = await db.selectFrom('media').select('uploaded_by').where('id', '=', mediaId).executeTakeFirst();
  // A number that is no image is the command's problem to report.
  if (!image || image.uploaded_by === staff.id) return [];
  return [t('articles.imageNotYours')];
}
