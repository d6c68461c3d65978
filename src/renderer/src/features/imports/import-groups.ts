import type { ImportOrigin } from '../../../../shared/import-types';
import type { ImportRecord } from '../../db';

/** The files imported by one run (a drop, a scan…), newest run first in a list. */
export interface ImportGroup {
  readonly runId: string;
  readonly origins: readonly ImportOrigin[];
  /** Files, in the order they started. */
  readonly files: readonly ImportRecord[];
  readonly startedAt: string;
  /** When the last file finished; null while any file is unfinished. */
  readonly finishedAt: string | null;
  readonly totalPapers: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly warnings: number;
}

/** How an unfinished import row is shown. */
export type ImportState = 'imported' | 'in progress' | 'interrupted';

/** Rows written before runs existed have no run id: each is its own group. */
function runIdOf(record: ImportRecord): string {
  return record.runId ?? record.importId;
}

/** Whether a row is finished, still being imported (its run is active), or was interrupted. */
export function importState(
  record: ImportRecord,
  isActive: (runId: string) => boolean,
): ImportState {
  if (record.finishedAt !== null) return 'imported';
  return isActive(runIdOf(record)) ? 'in progress' : 'interrupted';
}

/** Groups import rows by run, newest run first; files inside a run oldest first. */
export function groupImports(records: readonly ImportRecord[]): ImportGroup[] {
  const byRun = new Map<string, ImportRecord[]>();
  for (const record of records) {
    const runId = runIdOf(record);
    const files = byRun.get(runId) ?? [];
    files.push(record);
    byRun.set(runId, files);
  }
  const groups = [...byRun].map(([runId, unsorted]): ImportGroup => {
    const files = [...unsorted].sort((a, b) =>
      a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0,
    );
    const unfinished = files.some((file) => file.finishedAt === null);
    const sum = (pick: (file: ImportRecord) => number): number =>
      files.reduce((total, file) => total + pick(file), 0);
    return {
      runId,
      origins: [...new Set(files.map((file) => file.origin))],
      files,
      startedAt: files[0]?.startedAt ?? '',
      finishedAt: unfinished
        ? null
        : files.reduce(
            (latest, file) => ((file.finishedAt ?? '') > latest ? (file.finishedAt ?? '') : latest),
            '',
          ),
      totalPapers: sum((file) => file.totalPapers),
      added: sum((file) => file.added),
      updated: sum((file) => file.updated),
      unchanged: sum((file) => file.unchanged),
      warnings: sum((file) => file.diagnostics.length),
    };
  });
  return groups.sort((a, b) =>
    a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0,
  );
}

const ORIGIN_LABELS: Readonly<Record<ImportOrigin, string>> = {
  drop: 'Dropped',
  dialog: 'Picked in a dialog',
  paste: 'Pasted',
  samples: 'Sample dumps',
  'startup-scan': 'Inbox folder at start',
  watcher: 'Saved into the inbox',
  reimport: 'Re-import of the inbox',
};

/** "Dropped", "Inbox folder at start + Dropped", … */
export function originLabel(origins: readonly ImportOrigin[]): string {
  return origins.map((origin) => ORIGIN_LABELS[origin]).join(' + ');
}
