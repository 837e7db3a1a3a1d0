// The Community Satisfaction Index (Indeks Kepuasan Masyarakat, IKM) as Peraturan Menteri PANRB
// No. 14 Tahun 2017 (Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan
// Publik) computes it: each element's value is the mean of its scores (1–4); the index is the
// mean of the element values weighted equally (the regulation's weight 1/9 for nine elements,
// 1/n here, as an edition may ask about more or fewer), converted to 25–100 by multiplying by 25.
// The regulation's table of perception values, conversions and service quality:
//   value 1.00–2.5996 → 25.00–64.99 → D (tidak baik, poor)
//   value 2.60–3.064  → 65.00–76.60 → C (kurang baik, fair)
//   value 3.0644–3.532 → 76.61–88.30 → B (baik, good)
//   value 3.5324–4.00 → 88.31–100.00 → A (sangat baik, very good)
// Converted values are published to two decimals, so a value is rounded (half up) first and
// graded after: 88.305 is published as 88.31 and is an A.

/** One element's scores in a period: their total and how many there are. */
export interface ElementTally {
  readonly elementId: number;
  readonly sum: number;
  readonly count: number;
}

/** The regulation's quality grades, best first. */
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

/** The lowest converted value (two decimals) of each grade. */
export const GRADE_FLOORS: Readonly<Record<Grade, number>> = { A: 88.31, B: 76.61, C: 65, D: 25 };

/** Rounds half up to two decimals; the nudge keeps 82.345 (stored as 82.34499…) from rounding down. */
export function roundTwo(value: number): number {
  return Math.round(value * 100 + 1e-7) / 100;
}

/** An element's value: the mean of its scores (1–4), undefined without any. */
export function elementMean(tally: ElementTally): number | undefined {
  return tally.count > 0 ? tally.sum / tally.count : undefined;
}

/** The 25–100 conversion of a mean score, to two decimals. */
export function converted(mean: number): number {
  return roundTwo(mean * 25);
}

/** The index (25–100, two decimals) of a period's elements; undefined when none has a score. */
export function satisfactionIndex(tallies: readonly ElementTally[]): number | undefined {
  const means = tallies.map(elementMean).filter((m): m is number => m !== undefined);
  if (means.length === 0) return undefined;
  return converted(means.reduce((a, b) => a + b, 0) / means.length);
}

/** The grade of a converted value (rounded to two decimals first). */
export function gradeOf(value: number): Grade {
  const rounded = roundTwo(value);
  return GRADES.find((grade) => rounded >= GRADE_FLOORS[grade]) ?? 'D';
}
