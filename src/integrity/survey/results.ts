// The results page's numbers: the quarters to show (the last ones with responses, up to the one
// asked for), each quarter's index and grade, and each element's value in the chosen quarter.
// Arithmetic in score.ts; this only gathers the tallies into what the page prints.
import type { Kysely } from 'kysely';
import type { Database } from '../../core/db/schema.ts';
import type { SurveyElement } from './model.ts';
import type { Period } from './quarter.ts';
import { listElements, listPeriods, tallyPeriods } from './queries.ts';
import { converted, elementMean, gradeOf, satisfactionIndex, type Grade } from './score.ts';

/** Quarters the chart and its table show at most. */
export const QUARTERS_SHOWN = 8;

/** One element's value in a quarter. */
export interface ElementResult {
  readonly element: Pick<SurveyElement, 'id' | 'label' | 'isActive'>;
  readonly answers: number;
  /** The mean score, 1–4. */
  readonly mean: number;
  /** The mean converted to 25–100, two decimals. */
  readonly value: number;
  readonly grade: Grade;
}

/** A quarter's index. */
export interface QuarterResult {
  readonly period: Period;
  readonly responses: number;
  /** 25–100, two decimals; undefined when its responses carry no score (never, in practice). */
  readonly index: number | undefined;
  readonly grade: Grade | undefined;
  /** The elements answered in the quarter, in the questionnaire's order. */
  readonly elements: readonly ElementResult[];
}

/** What the results page shows; `selected` is undefined when nobody has answered yet. */
export interface SurveyResults {
  /** Every quarter with responses, newest first (the selector's choices). */
  readonly periods: readonly Period[];
  /** The chart's quarters, oldest first, ending with the selected one. */
  readonly quarters: readonly QuarterResult[];
  readonly selected: QuarterResult | undefined;
}

/** The results of an edition, for `asked` (a quarter with responses) or the latest. */
export async function loadResults(db: Kysely<Database>, edition: string, asked?: Period): Promise<SurveyResults> {
  const periods = await listPeriods(db, edition);
  if (periods.length === 0) return { periods: [], quarters: [], selected: undefined };
  let end = periods.findIndex((p) => p.period === asked);
  if (end < 0) end = periods.length - 1;
  const shown = periods.slice(Math.max(0, end - QUARTERS_SHOWN + 1), end + 1);
  const [elements, tallies] = await Promise.all([
    listElements(db, edition),
    tallyPeriods(
      db,
      edition,
      shown.map((p) => p.period),
    ),
  ]);
  const order = new Map(elements.map((e, i) => [e.id, i]));
  const quarters = shown.map(({ period, responses }): QuarterResult => {
    const periodTallies = (tallies.get(period) ?? []).filter((t) => order.has(t.elementId));
    const index = satisfactionIndex(periodTallies);
    const results = periodTallies
      .sort((a, b) => order.get(a.elementId)! - order.get(b.elementId)!)
      .map((tally): ElementResult => {
        const mean = elementMean(tally)!;
        const value = converted(mean);
        const { id, label, isActive } = elements[order.get(tally.elementId)!]!;
        return { element: { id, label, isActive }, answers: tally.count, mean, value, grade: gradeOf(value) };
      });
    return { period, responses, index, grade: index === undefined ? undefined : gradeOf(index), elements: results };
  });
  return {
    periods: periods.map((p) => p.period).reverse(),
    quarters,
    selected: quarters[quarters.length - 1],
  };
}
