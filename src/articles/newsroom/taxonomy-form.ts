// Reading the section and tag forms: posted text becomes the commands' input, and every problem
// is listed in the newsroom's words at once (the commands check again, in their transaction).
import { slugify } from '../../core/text/slug.ts';
import { newsroomText as t } from '../../newsroom/index.ts';
import { subtreeIds, type SectionNode } from './taxonomy-queries.ts';

const NAME_MAX = 120;
const SLUG_MAX = 120;
const DESCRIPTION_MAX = 2000;
/** The largest position a section takes (the command's limit). */
export const POSITION_MAX = 100_000;

/** A text field of a posted form ('' when missing or not text). */
export function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** A positive id from a route parameter or a form, else undefined. */
export function idOf(value: string): number | undefined {
  return /^[1-9]\d{0,9}$/.test(value) && Number(value) < 2 ** 31 ? Number(value) : undefined;
}

/** The section form as posted (shown again when something is wrong). */
export interface SectionValues {
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  readonly parentId: string;
  readonly position: string;
}

/** What the section commands take. */
export interface SectionInput {
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  readonly parentId: number | null;
  readonly position: number;
}

/** The posted section form. */
export function sectionValues(body: unknown): SectionValues {
  return {
    name: field(body, 'name'),
    slug: field(body, 'slug'),
    description: field(body, 'description'),
    parentId: field(body, 'parentId'),
    position: field(body, 'position'),
  };
}

/** A stored section as form values. */
export function valuesOfSection(s: {
  name: string;
  slug: string;
  description: string;
  parent_id: number | null;
  position: number;
}): SectionValues {
  return {
    name: s.name,
    slug: s.slug,
    description: s.description,
    parentId: s.parent_id === null ? '' : String(s.parent_id),
    position: String(s.position),
  };
}

/** A position field: '' is `fallback`; otherwise a whole number from 0 to `max`. */
export function positionOf(value: string, max: number, fallback: number): number | undefined {
  const text = value.trim();
  if (text === '') return fallback;
  if (!/^\d{1,7}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

/**
 * Checks a section form against the edition's tree (`selfId`: the section being edited, which
 * may not go under itself); the input, or every problem.
 */
export function checkSection(
  values: SectionValues,
  tree: readonly SectionNode[],
  selfId?: number,
): { input: SectionInput; problems: [] } | { input: undefined; problems: string[] } {
  const problems: string[] = [];
  const name = values.name.trim();
  const slugText = values.slug.trim();
  const description = values.description.trim();
  if (name === '') problems.push(t('sections.problemName'));
  else if ([...name].length > NAME_MAX) problems.push(t('sections.problemNameLong', { max: NAME_MAX }));
  if ([...slugText].length > SLUG_MAX) problems.push(t('sections.problemSlugLong', { max: SLUG_MAX }));
  if ([...description].length > DESCRIPTION_MAX)
    problems.push(t('sections.problemDescriptionLong', { max: DESCRIPTION_MAX }));
  let parentId: number | null = null;
  if (values.parentId !== '') {
    const id = idOf(values.parentId);
    if (id === undefined || !tree.some((n) => n.id === id)) problems.push(t('sections.problemParent'));
    else if (selfId !== undefined && subtreeIds(tree, selfId).has(id)) problems.push(t('sections.problemParentInside'));
    else parentId = id;
  }
  const position = positionOf(values.position, POSITION_MAX, 0);
  if (position === undefined) problems.push(t('sections.problemPosition', { max: POSITION_MAX }));
  const slug = slugify(slugText || name);
  if (name !== '' && tree.some((n) => n.slug === slug && n.id !== selfId))
    problems.push(t('sections.problemSlugTaken', { slug }));
  if (problems.length > 0 || position === undefined) return { input: undefined, problems };
  return { input: { name, slug, description, parentId, position }, problems: [] };
}

/** Problems with a tag's new name. */
export function tagNameProblems(name: string): string[] {
  if (name === '') return [t('tags.problemName')];
  if ([...name].length > NAME_MAX) return [t('tags.problemNameLong', { max: NAME_MAX })];
  return [];
}

/** "3 articles", "1 article". */
export function countText(kind: 'articles' | 'sections' | 'pages' | 'items', count: number): string {
  return t(count === 1 ? `count.${kind}.one` : `count.${kind}.other`, { count: count.toLocaleString('en') });
}
