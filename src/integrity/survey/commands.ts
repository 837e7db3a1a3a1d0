// Writing the survey: the newsroom's changes to an edition's questionnaire (start from the nine
// standard elements, add, rename, move, switch off or on) and a visitor's response. Elements are
// never deleted: switching one off keeps its past answers, which the results still count.
import { toDbTime } from '../../core/db/dialect.ts';
import { runCommand, type WriteContext } from '../../core/events/index.ts';
import { AppError } from '../../core/http/errors.ts';
import { InputError } from '../../core/validation.ts';
import { MAX_COMMENT, MAX_ELEMENTS, MAX_LABEL, standardElements, type Score } from './model.ts';
import type { Period } from './quarter.ts';
import './events.ts';

/** The problem with an element's label (in the newsroom's words), or undefined when it may be saved. */
export function labelProblem(label: string): string | undefined {
  const text = oneLine(label);
  if (text === '') return 'Write the element as a question or a short name.';
  if ([...text].length > MAX_LABEL) return `The label is longer than ${MAX_LABEL} characters.`;
  return undefined;
}

/** One line: runs of white space become one space. */
export function oneLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function checkedLabel(label: string): string {
  const problem = labelProblem(label);
  if (problem) throw new InputError([problem]);
  return oneLine(label);
}

async function elementOf(w: WriteContext, id: number) {
  const row = await w.db.selectFrom('survey_elements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'There is no such survey element.');
  return row;
}

/** Gives an edition without elements the nine standard ones, in its language; refused once it has any. */
export async function startFromStandard(w: WriteContext, edition: string): Promise<void> {
  await runCommand(w, async (trx, emit) => {
    const known = await trx.selectFrom('editions').select('code').where('code', '=', edition).executeTakeFirst();
    if (!known) throw new InputError(['There is no such edition.']);
    const existing = await trx
      .selectFrom('survey_elements')
      .select('id')
      .where('edition', '=', edition)
      .limit(1)
      .execute();
    if (existing.length > 0) throw new InputError(['This edition’s survey already has elements.']);
    await trx
      .insertInto('survey_elements')
      .values(standardElements(edition).map((label, position) => ({ edition, position, label, is_active: 1 })))
      .execute();
    await emit('integrity.survey_changed', { edition });
  });
}

/** Adds an element at the end of an edition's questionnaire. */
export async function addElement(w: WriteContext, edition: string, label: string): Promise<number> {
  const text = checkedLabel(label);
  return runCommand(w, async (trx, emit) => {
    const known = await trx.selectFrom('editions').select('code').where('code', '=', edition).executeTakeFirst();
    if (!known) throw new InputError(['There is no such edition.']);
    const rows = await trx.selectFrom('survey_elements').select('position').where('edition', '=', edition).execute();
    if (rows.length >= MAX_ELEMENTS) throw new InputError([`A survey can have at most ${MAX_ELEMENTS} elements.`]);
    const position = Math.max(-1, ...rows.map((r) => r.position)) + 1;
    const row = await trx
      .insertInto('survey_elements')
      .values({ edition, position, label: text, is_active: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await emit('integrity.survey_changed', { edition });
    return row.id;
  });
}

/** Renames an element; its past answers stay with it. */
export async function renameElement(w: WriteContext, id: number, label: string): Promise<void> {
  const text = checkedLabel(label);
  const element = await elementOf(w, id);
  await runCommand(w, async (trx, emit) => {
    await trx.updateTable('survey_elements').set({ label: text }).where('id', '=', id).execute();
    await emit('integrity.survey_changed', { edition: element.edition });
  });
}

/** Switches an element off (no longer asked; its answers still count) or back on. */
export async function setElementActive(w: WriteContext, id: number, isActive: boolean): Promise<void> {
  const element = await elementOf(w, id);
  await runCommand(w, async (trx, emit) => {
    await trx
      .updateTable('survey_elements')
      .set({ is_active: isActive ? 1 : 0 })
      .where('id', '=', id)
      .execute();
    await emit('integrity.survey_changed', { edition: element.edition });
  });
}

/** Moves an element one place up or down in its edition's order (nothing at either end). */
export async function moveElement(w: WriteContext, id: number, direction: 'up' | 'down'): Promise<void> {
  const element = await elementOf(w, id);
  await runCommand(w, async (trx, emit) => {
    const rows = await trx
      .selectFrom('survey_elements')
      .select(['id', 'position'])
      .where('edition', '=', element.edition)
      .orderBy('position')
      .orderBy('id')
      .execute();
    const at = rows.findIndex((r) => r.id === id);
    const other = direction === 'up' ? at - 1 : at + 1;
    if (at < 0 || other < 0 || other >= rows.length) return;
    [rows[at], rows[other]] = [rows[other]!, rows[at]!];
    // Positions renumbered 0…n-1: equal or missing numbers (older data) end up in order too.
    for (const [position, row] of rows.entries())
      if (row.position !== position)
        await trx.updateTable('survey_elements').set({ position }).where('id', '=', row.id).execute();
    await emit('integrity.survey_changed', { edition: element.edition });
  });
}

/** A visitor's checked response: a score for each active element and the comment. */
export interface SurveyResponseInput {
  readonly edition: string;
  readonly period: Period;
  readonly scores: ReadonlyMap<number, Score>;
  readonly comment: string;
}

/** The questionnaire changed between the form and its answer: the form must be shown again. */
export class QuestionnaireChangedError extends Error {
  constructor() {
    super('the survey’s elements changed since the form was shown');
    this.name = 'QuestionnaireChangedError';
  }
}

/**
 * Stores a response: its scores must be exactly the edition's active elements (checked again in
 * the transaction, against a change made meanwhile in the newsroom). Returns the response's id.
 */
export async function submitResponse(w: WriteContext, input: SurveyResponseInput): Promise<number> {
  if ([...input.comment].length > MAX_COMMENT) throw new InputError(['The comment is too long.']);
  return runCommand(w, async (trx, emit) => {
    const active = await trx
      .selectFrom('survey_elements')
      .select('id')
      .where('edition', '=', input.edition)
      .where('is_active', '=', 1)
      .execute();
    const isSame = active.length === input.scores.size && active.every((e) => input.scores.has(e.id));
    if (active.length === 0 || !isSame) throw new QuestionnaireChangedError();
    const row = await trx
      .insertInto('survey_responses')
      .values({ edition: input.edition, period: input.period, comment: input.comment, created_at: toDbTime(w.now()) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('survey_answers')
      .values([...input.scores].map(([elementId, score]) => ({ response_id: row.id, element_id: elementId, score })))
      .execute();
    await emit('integrity.survey_answered', { responseId: row.id, edition: input.edition });
    return row.id;
  });
}
