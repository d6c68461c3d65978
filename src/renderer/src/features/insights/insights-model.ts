/**
 * The Insights view's figures, computed from each paper's timestamps (see `loadInsightPapers`):
 * papers imported, triaged and read per week, the queue's length at the end of each week, and the
 * most used tags and organisations. Pure. Weeks start on Monday, in UTC.
 */
import type { InsightPaper } from '../../db';

/** One week: its Monday (`YYYY-MM-DD`) and the week's figures. */
export interface WeekFigures {
  readonly week: string;
  readonly imported: number;
  /** Papers whose current status (not inbox) was set this week. */
  readonly triaged: number;
  readonly read: number;
  /** Papers now in the queue that were queued by the end of this week. */
  readonly queued: number;
}

/** A name and how many papers carry it. */
export interface NamedCount {
  readonly name: string;
  readonly count: number;
}

const DAY_MS = 86_400_000;

/** The Monday (UTC) of the week holding `iso`, as `YYYY-MM-DD`; null for an unreadable time. */
export function weekOf(iso: string): string | null {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  const day = new Date(time).getUTCDay();
  const monday = Math.floor(time / DAY_MS) * DAY_MS - ((day + 6) % 7) * DAY_MS;
  return new Date(monday).toISOString().slice(0, 10);
}

/** Every week from the first to the last one any paper's timestamps fall in, with its figures. */
export function weeklyFigures(papers: readonly InsightPaper[]): WeekFigures[] {
  const tally = new Map<
    string,
    { imported: number; triaged: number; read: number; queued: number }
  >();
  const bump = (iso: string | null, field: 'imported' | 'triaged' | 'read' | 'queued'): void => {
    const week = iso === null ? null : weekOf(iso);
    if (week === null) return;
    const row = tally.get(week) ?? { imported: 0, triaged: 0, read: 0, queued: 0 };
    row[field] += 1;
    tally.set(week, row);
  };
  for (const paper of papers) {
    bump(paper.firstSeenAt, 'imported');
    if (paper.status !== 'inbox') bump(paper.statusChangedAt, 'triaged');
    bump(paper.readAt, 'read');
    if (paper.status === 'queued') bump(paper.statusChangedAt, 'queued');
  }
  const weeks = [...tally.keys()].sort();
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  if (first === undefined || last === undefined) return [];
  const rows: WeekFigures[] = [];
  let queued = 0;
  for (let at = Date.parse(first); at <= Date.parse(last); at += 7 * DAY_MS) {
    const week = new Date(at).toISOString().slice(0, 10);
    const row = tally.get(week);
    queued += row?.queued ?? 0;
    rows.push({
      week,
      imported: row?.imported ?? 0,
      triaged: row?.triaged ?? 0,
      read: row?.read ?? 0,
      queued,
    });
  }
  return rows;
}

/** The `limit` most frequent names (ties by name), each counted once per paper. */
export function topNames(perPaper: readonly (readonly string[])[], limit: number): NamedCount[] {
  const counts = new Map<string, number>();
  for (const names of perPaper)
    for (const name of new Set(names)) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, limit);
}
