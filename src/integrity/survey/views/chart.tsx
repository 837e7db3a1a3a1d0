// The index by quarter as a bar chart drawn on the server: an SVG with classes only (the CSP
// allows no inline style, and no chart library runs in the browser), mirrored for right-to-left
// editions. It is hidden from assistive technology: the table under it holds the same numbers.
import type { Site } from '../../../core/views/site.ts';
import type { QuarterResult } from '../results.ts';
import { GRADE_FLOORS, GRADES } from '../score.ts';
import { digits, quarterLines, twoDecimals } from './text.ts';

const WIDTH = 640;
const HEIGHT = 320;
const TOP = 28;
const BOTTOM = 80;
const START = 54;
const END = 28;
/** The index's own range: the y axis starts at 25, the lowest value there is. */
const LOW = 25;
const HIGH = 100;

/** The bar chart of the quarters' indexes; the selected quarter is drawn darker. */
export function IndexChart(props: { site: Site; quarters: readonly QuarterResult[]; selected: string }): JSX.Element {
  const { site, quarters } = props;
  const isRtl = site.edition.direction === 'rtl';
  // Positions are worked out from the reading start; a right-to-left edition mirrors them.
  const x = (fromStart: number) => (isRtl ? WIDTH - fromStart : fromStart);
  const plotWidth = WIDTH - START - END;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const y = (value: number) => TOP + ((HIGH - value) / (HIGH - LOW)) * plotHeight;
  const slot = plotWidth / Math.max(quarters.length, 1);
  const barWidth = Math.min(56, slot * 0.6);
  const r = (n: number) => String(Math.round(n * 10) / 10);
  // Text in an SVG takes the page's direction, so "end" already means the mirrored side.
  const startAnchor = 'end';
  const endAnchor = 'start';
  const bands = GRADES.map((grade, i) => ({
    grade,
    from: GRADE_FLOORS[grade],
    to: i === 0 ? HIGH : GRADE_FLOORS[GRADES[i - 1]!],
  }));
  return (
    <svg
      class="survey-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={String(WIDTH)}
      height={String(HEIGHT)}
      aria-hidden="true"
      focusable="false"
    >
      {bands.map((band) => (
        <>
          <rect
            class={`survey-chart__band survey-chart__band--${band.grade.toLowerCase()}`}
            x={r(isRtl ? END : START)}
            y={r(y(band.to))}
            width={r(plotWidth)}
            height={r(y(band.from) - y(band.to))}
          />
          <text
            class="survey-chart__grade"
            x={r(x(WIDTH - END + 8))}
            y={r((y(band.from) + y(band.to)) / 2 + 4)}
            text-anchor={endAnchor}
          >
            {band.grade}
          </text>
        </>
      ))}
      {[25, 50, 75, 100].map((value) => (
        <>
          <line class="survey-chart__grid" x1={r(x(START))} x2={r(x(WIDTH - END))} y1={r(y(value))} y2={r(y(value))} />
          <text class="survey-chart__tick" x={r(x(START - 6))} y={r(y(value) + 4)} text-anchor={startAnchor} safe>
            {digits(site, value)}
          </text>
        </>
      ))}
      {quarters.map((quarter, i) => {
        const center = START + slot * (i + 0.5);
        const value = quarter.index ?? LOW;
        const [line1, line2] = quarterLines(site, quarter.period);
        const isSelected = quarter.period === props.selected;
        return (
          <>
            <rect
              class={isSelected ? 'survey-chart__bar survey-chart__bar--selected' : 'survey-chart__bar'}
              x={r(x(center) - barWidth / 2)}
              y={r(y(value))}
              width={r(barWidth)}
              height={r(y(LOW) - y(value))}
            />
            <text class="survey-chart__value" x={r(x(center))} y={r(y(value) - 8)} text-anchor="middle" safe>
              {quarter.index === undefined ? '–' : twoDecimals(site, quarter.index)}
            </text>
            <text class="survey-chart__label" x={r(x(center))} y={r(HEIGHT - BOTTOM + 24)} text-anchor="middle" safe>
              {line1}
            </text>
            <text class="survey-chart__label" x={r(x(center))} y={r(HEIGHT - BOTTOM + 48)} text-anchor="middle" safe>
              {line2}
            </text>
            <text class="survey-chart__count" x={r(x(center))} y={r(HEIGHT - BOTTOM + 72)} text-anchor="middle" safe>
              {site.t('survey.chartCount', { count: quarter.responses })}
            </text>
          </>
        );
      })}
      <line class="survey-chart__axis" x1={r(x(START))} x2={r(x(WIDTH - END))} y1={r(y(LOW))} y2={r(y(LOW))} />
    </svg>
  );
}
