// Reading the survey: an edition's elements, and the tallies the results are computed from (each
// element's score total and count per quarter, and the responses per quarter). The results read
// the periods first (the (edition, period) index) and then only the quarters they show.
import type { Kysely } from 'kysely';
import { toBool } from '../../core/db/dialect.ts';
import type { Database } from '../../core/db/schema.ts';
import type { SurveyElement } from './model.ts';
import type { Period } from './quarter.ts';
import type { ElementTally } from './score.ts';

type ElementRow = { id: number; edition: string; position: number; label: string; is_active: number | boolean };

function toElement(row: ElementRow): SurveyElement {
  return {
    id: row.id,
    edition: row.edition,
    position: row.position,
    label: row.label,
    isActive: toBool(row.is_active),
  };
}

/** Every element of an edition's questionnaire, active or not, in order. */
export async function listElements(db: Kysely<Database>, edition: string): Promise<SurveyElement[]> {
  const rows = await db
    .selectFrom('survey_elements')
    .selectAll()
    .where('edition', '=', edition)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map(toElement);
}

/** The elements a visitor is asked about now. */
export async function listActiveElements(db: Kysely<Database>, edition: string): Promise<SurveyElement[]> {
  return (await listElements(db, edition)).filter((e) => e.isActive);
}

/** One element by id, or undefined. */
export async function findElement(db: Kysely<Database>, id: number): Promise<SurveyElement | undefined> {
  const row = await db.selectFrom('survey_elements').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toElement(row) : undefined;
}

/** How many answers each element of an edition has (all quarters): the newsroom shows what switching off keeps. */
export async function countAnswers(db: Kysely<Database>, edition: string): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('survey_answers')
    .innerJoin('survey_elements', 'survey_elements.id', 'survey_answers.element_id')
    .select(['survey_answers.element_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('survey_elements.edition', '=', edition)
    .groupBy('survey_answers.element_id')
    .execute();
  return new Map(rows.map((r) => [r.element_id, Number(r.n)]));
}

/** The quarters with responses in an edition, oldest first, each with its number of responses. */
export async function listPeriods(
  db: Kysely<Database>,
  edition: string,
): Promise<{ period: Period; responses: number }[]> {
  const rows = await db
    .selectFrom('survey_responses')
    .select(['period', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('edition', '=', edition)
    .groupBy('period')
    .orderBy('period')
    .execute();
  return rows.map((r) => ({ period: r.period, responses: Number(r.n) }));
}

/** Each element's score total and count in each of the given quarters. */
export async function tallyPeriods(
  db: Kysely<Database>,
  edition: string,
  periods: readonly Period[],
): Promise<Map<Period, ElementTally[]>> {
  const byPeriod = new Map<Period, ElementTally[]>(periods.map((p) => [p, []]));
  if (periods.length === 0) return byPeriod;
  const rows = await db
    .selectFrom('survey_answers')
    .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
    .select([
      'survey_responses.period',
      'survey_answers.element_id',
      (eb) => eb.fn.sum<number | string>('survey_answers.score').as('sum'),
      (eb) => eb.fn.countAll<number | string>().as('n'),
    ])
    .where('survey_responses.edition', '=', edition)
    .where('survey_responses.period', 'in', [...periods])
    .groupBy(['survey_responses.period', 'survey_answers.element_id'])
    .execute();
  for (const row of rows)
    byPeriod.get(row.period)?.push({ elementId: row.element_id, sum: Number(row.sum), count: Number(row.n) });
  return byPeriod;
}

/** A comment a visitor left, for the newsroom. */
export interface SurveyComment {
  readonly id: number;
  readonly period: Period;
  readonly comment: string;
}

/** The newest comments of an edition (responses without one are skipped). */
export async function listLatestComments(
  db: Kysely<Database>,
  edition: string,
  limit: number,
): Promise<SurveyComment[]> {
  return db
    .selectFrom('survey_responses')
    .select(['id', 'period', 'comment'])
    .where('edition', '=', edition)
    .where('comment', '<>', '')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
