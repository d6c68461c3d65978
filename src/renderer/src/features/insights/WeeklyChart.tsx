import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { WeekFigures } from './insights-model';

/** One line of a chart: which weekly figure, its label and colour. */
export interface ChartSeries {
  readonly field: Exclude<keyof WeekFigures, 'week'>;
  readonly label: string;
  readonly color: string;
}

/** Props: the chart's title, the weeks and the lines to draw. */
export interface WeeklyChartProps {
  readonly title: string;
  readonly weeks: readonly WeekFigures[];
  readonly series: readonly ChartSeries[];
  readonly note?: string;
}

const HEIGHT = 220;
/** Half a week in seconds: the x axis reaches that far beyond the first and last week. */
const HALF_WEEK_S = 3.5 * 86_400;
const WEEK_FORMAT = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** Week starts to put ticks at: every week, or every k-th so labels keep ~80 px apart. */
function weekTicks(weeks: ArrayLike<number>, width: number): number[] {
  const step = Math.max(1, Math.ceil((weeks.length * 80) / Math.max(width, 1)));
  return Array.from(weeks).filter((_, i) => i % step === 0);
}

/** The label of a week tick (seconds since the epoch), e.g. "Nov 30". */
function weekLabel(seconds: number): string {
  return WEEK_FORMAT.format(new Date(seconds * 1000));
}

/**
 * A uPlot line chart of weekly figures on a canvas, with a "Show as table" toggle that shows the
 * same numbers as a table (for screen readers and exact values).
 */
export function WeeklyChart(props: WeeklyChartProps): React.JSX.Element {
  const { weeks, series } = props;
  const host = useRef<HTMLDivElement>(null);
  const [asTable, setAsTable] = useState(false);
  useEffect(() => {
    const element = host.current;
    if (!element || asTable) return;
    const data: uPlot.AlignedData = [
      weeks.map((row) => Date.parse(row.week) / 1000),
      ...series.map((line) => weeks.map((row) => row[line.field])),
    ];
    const plot = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height: HEIGHT,
        series: [
          { label: 'Week' },
          ...series.map((line) => ({ label: line.label, stroke: line.color, width: 2 })),
        ],
        // A tick under each week's point, labelled by its date: hours or Thursdays are noise.
        axes: [
          {
            splits: (u) => weekTicks(data[0], u.width),
            values: (_, ticks) => ticks.map(weekLabel),
          },
          { label: 'Papers' },
        ],
      },
      data,
      element,
    );
    // Auto-ranged, uPlot spreads a single week over years: show the weeks, half a week beyond.
    const times = data[0];
    const first = times[0];
    const last = times[times.length - 1];
    if (first !== undefined && last !== undefined)
      plot.setScale('x', { min: first - HALF_WEEK_S, max: last + HALF_WEEK_S });
    return () => plot.destroy();
  }, [weeks, series, asTable]);
  return (
    <section className="insight-chart" aria-label={props.title} data-testid="insight-chart">
      <div className="insight-chart-head">
        <h3>{props.title}</h3>
        <button type="button" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
          Show as table
        </button>
      </div>
      {props.note ? <p className="muted">{props.note}</p> : null}
      {asTable ? (
        <table className="insight-table" data-testid="insight-table">
          <thead>
            <tr>
              <th scope="col">Week of</th>
              {series.map((line) => (
                <th key={line.field} scope="col">
                  {line.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((row) => (
              <tr key={row.week}>
                <th scope="row">{row.week}</th>
                {series.map((line) => (
                  <td key={line.field}>{row[line.field]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <div ref={host} className="insight-canvas" />
      )}
    </section>
  );
}
