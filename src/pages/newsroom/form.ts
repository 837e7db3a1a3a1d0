// Reading the page form: posted text becomes the page commands' input, and every problem is
// listed in the newsroom's words at once (the commands check again, in their transaction).
import { slugify } from '../../core/text/slug.ts';
import { newsroomText as t } from '../../newsroom/index.ts';
import { pageSubtree, type PageNode } from './queries.ts';

const TITLE_MAX = 300;
const SLUG_MAX = 200;
const SUMMARY_MAX = 2000;
const BODY_MAX = 1_000_000;
/** The largest position a page takes (the command's limit). */
export const POSITION_MAX = 100_000;
export const PAGE_STATUSES = ['draft', 'published'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

/** A text field of a posted form ('' when missing or not text). */
export function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** A positive id from a route parameter or a form, else undefined. */
export function idOf(value: string): number | undefined {
  return /^[1-9]\d{0,9}$/.test(value) && Number(value) < 2 ** 31 ? Number(value) : undefined;
}

/** The page form as posted (shown again when something is wrong). */
export interface PageValues {
  readonly title: string;
  readonly slug: string;
  readonly summary: string;
  readonly bodyHtml: string;
  readonly parentId: string;
  readonly position: string;
  readonly status: string;
}

/** What the page commands take. */
export interface PageInput {
  readonly title: string;
  readonly slug: string;
  readonly summary: string;
  readonly bodyHtml: string;
  readonly parentId: number | null;
  readonly position: number;
  readonly status: PageStatus;
}

/** The posted page form. */
export function pageValues(body: unknown): PageValues {
  return {
    title: field(body, 'title'),
    slug: field(body, 'slug'),
    summary: field(body, 'summary'),
    bodyHtml: field(body, 'bodyHtml'),
    parentId: field(body, 'parentId'),
    position: field(body, 'position'),
    status: field(body, 'status'),
  };
}

/** A stored page as form values. */
export function valuesOfPage(p: {
  title: string;
  slug: string;
  summary: string;
  body_html: string;
  parent_id: number | null;
  position: number;
  status: string;
}): PageValues {
  return {
    title: p.title,
    slug: p.slug,
    summary: p.summary,
    bodyHtml: p.body_html,
    parentId: p.parent_id === null ? '' : String(p.parent_id),
    position: String(p.position),
    status: p.status,
  };
}

function positionOf(value: string): number | undefined {
  const text = value.trim();
  if (text === '') return 0;
  if (!/^\d{1,7}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= POSITION_MAX ? n : undefined;
}

/**
 * Checks a page form against the edition's tree (`selfId`: the page being edited, which may not
 * go under itself, and whose address may stay its own); the input, or every problem.
 */
export function checkPage(
  values: PageValues,
  tree: readonly PageNode[],
  selfId?: number,
): { input: PageInput; problems: [] } | { input: undefined; problems: string[] } {
  const problems: string[] = [];
  const title = values.title.trim();
  const slugText = values.slug.trim();
  const summary = values.summary.trim();
  if (title === '') problems.push(t('pages.problemTitle'));
  else if ([...title].length > TITLE_MAX) problems.push(t('pages.problemTitleLong', { max: TITLE_MAX }));
  if ([...slugText].length > SLUG_MAX) problems.push(t('pages.problemSlugLong', { max: SLUG_MAX }));
  if ([...summary].length > SUMMARY_MAX) problems.push(t('pages.problemSummaryLong', { max: SUMMARY_MAX }));
  if (values.bodyHtml.length > BODY_MAX) problems.push(t('pages.problemBodyLong'));
  let parent: PageNode | undefined;
  if (values.parentId !== '') {
    const id = idOf(values.parentId);
    parent = id === undefined ? undefined : tree.find((n) => n.id === id);
    if (!parent) problems.push(t('pages.problemParent'));
    else if (selfId !== undefined && pageSubtree(tree, selfId).has(parent.id)) {
      problems.push(t('pages.problemParentInside'));
      parent = undefined;
    }
  }
  const position = positionOf(values.position);
  if (position === undefined) problems.push(t('pages.problemPosition', { max: POSITION_MAX }));
  const status = (PAGE_STATUSES as readonly string[]).includes(values.status)
    ? (values.status as PageStatus)
    : undefined;
  if (!status) problems.push(t('pages.problemStatus'));
  const slug = slugify(slugText || title);
  const path = parent ? `${parent.path}/${slug}` : slug;
  if (title !== '' && tree.some((n) => n.path === path && n.id !== selfId))
    problems.push(t('pages.problemPathTaken', { path: `/${path}` }));
  if (problems.length > 0 || position === undefined || !status) return { input: undefined, problems };
  return {
    input: { title, slug, summary, bodyHtml: values.bodyHtml, parentId: parent?.id ?? null, position, status },
    problems: [],
  };
}
