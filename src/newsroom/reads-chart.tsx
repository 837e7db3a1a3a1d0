// Reads per day as a server-drawn SVG bar chart: no script, no colour needed to read it (bar
// heights, a labelled scale, each bar's exact number in its title), and the same numbers as a
// table for screen readers and anyone who wants the figures.

export interface DayReads {
  /** YYYY-MM-DD in the site time zone. */
  readonly day: string;
  readonly reads: number;
}

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 16, right: 8, bottom: 28, left: 60 };

/** A round top for the scale: 1, 2 or 5 × a power of ten, at least `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 10;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export function ReadsChart(props: { days: readonly DayReads[]; title: string; locale?: string }): JSX.Element {
  const { days } = props;
  const number = new Intl.NumberFormat(props.locale ?? 'en');
  // The scale's labels stay short ("50K"), so larger type on a phone still fits beside the plot.
  const compact = new Intl.NumberFormat(props.locale ?? 'en', { notation: 'compact' });
  const top = niceMax(Math.max(0, ...days.map((d) => d.reads)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, days.length);
  const barW = Math.max(2, slot * 0.7);
  const y = (value: number) => PAD.top + plotH - (value / top) * plotH;
  const ticks = [0, top / 2, top];
  const label = (day: string) => day.slice(5).replace('-', '/');
  return (
    <figure class="nr-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="reads-chart-title"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id="reads-chart-title" safe>
          {props.title}
        </title>
        {ticks.map((tick) => (
          <g class="nr-chart-tick">
            <line x1={String(PAD.left)} x2={String(WIDTH - PAD.right)} y1={String(y(tick))} y2={String(y(tick))} />
            <text x={String(PAD.left - 6)} y={String(y(tick) + 4)} text-anchor="end" safe>
              {compact.format(tick)}
            </text>
          </g>
        ))}
        {days.map((d, i) => (
          <rect
            class="nr-chart-bar"
            x={String(PAD.left + i * slot + (slot - barW) / 2)}
            y={String(y(d.reads))}
            width={String(barW)}
            height={String(Math.max(0, PAD.top + plotH - y(d.reads)))}
          >
            <title safe>{`${d.day}: ${number.format(d.reads)}`}</title>
          </rect>
        ))}
        {days.length > 0 && (
          <>
            <text class="nr-chart-axis" x={String(PAD.left)} y={String(HEIGHT - 8)} safe>
              {label(days[0]!.day)}
            </text>
            <text class="nr-chart-axis" x={String(WIDTH - PAD.right)} y={String(HEIGHT - 8)} text-anchor="end" safe>
              {label(days.at(-1)!.day)}
            </text>
          </>
        )}
      </svg>
      <details>
        <summary>Show as a table</summary>
        <table class="nr-table">
          <caption safe>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Reads</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr>
                <th scope="row" safe>
                  {d.day}
                </th>
                <td safe>{number.format(d.reads)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
