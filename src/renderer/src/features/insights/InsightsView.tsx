import { useMemo } from 'react';
import { useInsightPapers } from '../../db';
import { topNames, weeklyFigures, type NamedCount } from './insights-model';
import { WeeklyChart, type ChartSeries } from './WeeklyChart';
import './insights.css';

const ACTIVITY: readonly ChartSeries[] = [
  { field: 'imported', label: 'Imported', color: '#2f6fde' },
  { field: 'triaged', label: 'Triaged', color: '#a86400' },
  { field: 'read', label: 'Read', color: '#1f8a4c' },
];
const QUEUE: readonly ChartSeries[] = [
  { field: 'queued', label: 'In the queue', color: '#7c3aed' },
];

function TopList(props: {
  readonly title: string;
  readonly items: readonly NamedCount[];
  readonly empty: string;
}): React.JSX.Element {
  return (
    <section className="insight-top" aria-label={props.title}>
      <h3>{props.title}</h3>
      {props.items.length === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <table className="insight-table" data-testid="insight-top">
          <tbody>
            {props.items.map((item) => (
              <tr key={item.name}>
                <th scope="row">{item.name}</th>
                <td>{item.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * Reading insights: papers imported, triaged and read per week, the queue over time, and the
 * most used tags and organisations, drawn from the library's timestamps.
 */
export function InsightsView(): React.JSX.Element {
  const papers = useInsightPapers();
  const figures = useMemo(() => {
    const list = papers ?? [];
    return {
      weeks: weeklyFigures(list),
      tags: topNames(
        list.map((paper) => paper.tagNames),
        10,
      ),
      organisations: topNames(
        list.map((paper) => (paper.organization ? [paper.organization] : [])),
        10,
      ),
    };
  }, [papers]);
  return (
    <div className="insights-view" data-testid="insights-view">
      <h2>Reading insights</h2>
      {papers === undefined ? <p className="muted">Reading the library…</p> : null}
      <WeeklyChart
        title="Papers per week"
        weeks={figures.weeks}
        series={ACTIVITY}
        note="Triaged counts each paper once, in the week its current status was set: the library keeps only the latest status change of a paper."
      />
      <WeeklyChart
        title="Queue length over time"
        weeks={figures.weeks}
        series={QUEUE}
        note="Derived from the papers in the queue now, by the week each was queued; papers queued earlier and since read or dismissed are not counted, as no queue history is kept."
      />
      <div className="insight-tops">
        <TopList title="Top tags" items={figures.tags} empty="No paper is tagged yet." />
        <TopList
          title="Top organisations"
          items={figures.organisations}
          empty="No paper names its organisation."
        />
      </div>
    </div>
  );
}
