// The index arithmetic against numbers worked out by hand, the regulation's grade boundaries, and
// quarters at their edges in Asia/Jakarta (UTC+7): no database needed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePeriod, quarterEnd, quarterOf, quarterStart, shiftPeriod } from './quarter.ts';
import { converted, elementMean, gradeOf, roundTwo, satisfactionIndex, type ElementTally } from './score.ts';

const tally = (elementId: number, scores: number[]): ElementTally => ({
  elementId,
  sum: scores.reduce((a, b) => a + b, 0),
  count: scores.length,
});

describe('the satisfaction index (Permenpan RB 14/2017)', () => {
  it('is the mean of the element means times 25, to two decimals', () => {
    // Means 12/4 = 3.00, 14/4 = 3.50, 11/4 = 2.75; their mean 9.25/3 = 3.08333…; × 25 = 77.0833…
    const tallies = [tally(1, [4, 3, 3, 2]), tally(2, [4, 4, 3, 3]), tally(3, [2, 3, 3, 3])];
    assert.deepEqual(tallies.map(elementMean), [3, 3.5, 2.75]);
    assert.equal(satisfactionIndex(tallies), 77.08);
    assert.equal(gradeOf(77.08), 'B');
  });

  it('weighs every element equally, whatever its number of answers', () => {
    // 4.00 (one answer) and 2.00 (three answers): mean of means 3.00 → 75.00, not (4+6)/4 × 25.
    assert.equal(satisfactionIndex([tally(1, [4]), tally(2, [2, 2, 2])]), 75);
  });

  it('runs from 25 (all poor) to 100 (all very good) over nine elements', () => {
    const all = (score: number) => Array.from({ length: 9 }, (_, i) => tally(i + 1, [score, score]));
    assert.equal(satisfactionIndex(all(1)), 25);
    assert.equal(satisfactionIndex(all(4)), 100);
    assert.equal(satisfactionIndex(all(3)), 75);
    assert.equal(satisfactionIndex([]), undefined);
  });

  it('rounds half up, even where binary fractions fall short', () => {
    assert.equal(converted(3.2938), 82.35); // 82.345
    assert.equal(roundTwo(64.995), 65);
    assert.equal(roundTwo(88.304999), 88.3);
  });

  it('grades by the regulation’s table: A 88.31–100, B 76.61–88.30, C 65.00–76.60, D 25.00–64.99', () => {
    const cases: [number, string][] = [
      [100, 'A'],
      [88.31, 'A'],
      [88.305, 'A'], // published as 88.31
      [88.3, 'B'],
      [88.3049, 'B'],
      [76.61, 'B'],
      [76.6, 'C'],
      [65, 'C'],
      [64.995, 'C'], // published as 65.00
      [64.99, 'D'],
      [25, 'D'],
    ];
    for (const [value, grade] of cases) assert.equal(gradeOf(value), grade, String(value));
    // The perception values at the table's edges convert onto the same boundaries.
    assert.equal(gradeOf(converted(3.5324)), 'A');
    assert.equal(gradeOf(converted(3.532)), 'B');
    assert.equal(gradeOf(converted(3.0644)), 'B');
    assert.equal(gradeOf(converted(3.064)), 'C');
    assert.equal(gradeOf(converted(2.6)), 'C');
    assert.equal(gradeOf(converted(2.5996)), 'D');
  });
});

describe('quarters in the site’s time zone', () => {
  const zone = 'Asia/Jakarta';

  it('turns at local midnight, seven hours before UTC', () => {
    assert.equal(quarterOf(new Date('2026-12-31T16:59:59.999Z'), zone), '2026-Q4');
    assert.equal(quarterOf(new Date('2026-12-31T17:00:00Z'), zone), '2027-Q1');
    assert.equal(quarterOf(new Date('2026-12-31T17:00:00Z'), 'UTC'), '2026-Q4');
    assert.equal(quarterOf(new Date('2026-03-31T16:59:59Z'), zone), '2026-Q1');
    assert.equal(quarterOf(new Date('2026-03-31T17:00:00Z'), zone), '2026-Q2');
    assert.equal(quarterOf(new Date('2026-06-30T17:00:00Z'), zone), '2026-Q3');
    assert.equal(quarterOf(new Date('2026-09-30T16:59:59Z'), zone), '2026-Q3');
  });

  it('starts and ends each quarter at the zone’s midnight', () => {
    assert.equal(quarterStart('2026-Q2', zone).toISOString(), '2026-03-31T17:00:00.000Z');
    assert.equal(quarterEnd('2026-Q4', zone).toISOString(), '2026-12-31T17:00:00.000Z');
    assert.equal(quarterEnd('2026-Q4', 'UTC').toISOString(), '2027-01-01T00:00:00.000Z');
  });

  it('steps across years and reads only well-formed periods', () => {
    assert.equal(shiftPeriod('2026-Q1', -1), '2025-Q4');
    assert.equal(shiftPeriod('2026-Q4', 1), '2027-Q1');
    assert.equal(shiftPeriod('2026-Q3', -7), '2024-Q4');
    assert.deepEqual(parsePeriod('2026-Q4'), { year: 2026, quarter: 4 });
    for (const bad of ['2026-Q5', '2026-Q0', '2026Q4', '26-Q1', '2026-q4', ''])
      assert.equal(parsePeriod(bad), undefined, bad);
  });
});
