import { useSyncExternalStore } from 'react';
import type { ImportProblem, ImportRunProgress } from '../../../../shared/import-types';
import type { Toast } from '../toasts/toast-store';

/**
 * The import runs main reports (see `ImportRuns`): the one running now, for the activity
 * indicator, and the ids of runs that are running, so Import History can tell a file still being
 * imported from one whose import was interrupted.
 */
let running: ImportRunProgress | null = null;
const activeRunIds = new Set<string>();
const listeners = new Set<() => void>();

/** Takes a progress message: the run is shown while it runs and forgotten once it finished. */
export function receiveProgress(progress: ImportRunProgress): void {
  if (progress.finishedAt === null) {
    running = progress;
    activeRunIds.add(progress.runId);
  } else {
    activeRunIds.delete(progress.runId);
    if (running?.runId === progress.runId) running = null;
  }
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The import run in progress, or null. */
export function useRunningImport(): ImportRunProgress | null {
  return useSyncExternalStore(subscribe, () => running);
}

/** Whether run `runId` is still running (its files may still be arriving). */
export function isRunActive(runId: string): boolean {
  return activeRunIds.has(runId);
}

/** `1234` → `1,234`. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** `3 files`, `1 file`, `2,031 papers`. */
export function plural(count: number, word: string): string {
  return `${formatCount(count)} ${word}${count === 1 ? '' : 's'}`;
}

/** The line of the activity indicator: "File 120 of 569 · 2,031 papers". */
export function progressLine(progress: ImportRunProgress): string {
  const current = Math.min(progress.filesDone + 1, Math.max(progress.filesTotal, 1));
  return `File ${formatCount(current)} of ${formatCount(progress.filesTotal)} · ${plural(progress.papers, 'paper')}`;
}

function countsLine(progress: ImportRunProgress): string {
  const { added, updated, unchanged, warnings } = progress;
  const warned = warnings > 0 ? ` · ${plural(warnings, 'warning')} (see Import History)` : '';
  return `${formatCount(added)} new, ${formatCount(updated)} updated, ${formatCount(unchanged)} unchanged${warned}`;
}

/** The problems of a run in a few words each, the first three named. */
function problemsLine(problems: readonly ImportProblem[], count: number): string {
  const named = problems.slice(0, 3).map((problem) => problem.message);
  const more = count - named.length;
  return `${named.join(' ')}${more > 0 ? ` And ${plural(more, 'more file')}.` : ''}`;
}

/** A run of pasted text only, every part of which was refused as not a listing. */
function isRefusedPaste(progress: ImportRunProgress): boolean {
  return (
    progress.origins.length > 0 &&
    progress.origins.every((origin) => origin === 'paste') &&
    progress.problems.every((problem) => problem.kind === 'rejected')
  );
}

/**
 * The one toast that sums up a finished run, or null when it changed nothing worth saying (a
 * scan that found every file imported already). A single file is named; a larger run is counted.
 */
export function runSummary(progress: ImportRunProgress): Omit<Toast, 'id'> | null {
  const { filesImported, problems, problemCount } = progress;
  if (filesImported === 0 && problemCount === 0) return null;
  // A refused paste is reported by the paste handler, which can quote what was pasted.
  if (filesImported === 0 && isRefusedPaste(progress)) return null;
  const onlyProblem = problems[0];
  if (filesImported === 0 && problemCount === 1 && onlyProblem) {
    const titles: Record<ImportProblem['kind'], string> = {
      rejected: `Not imported: ${onlyProblem.file}`,
      failed: `Import failed: ${onlyProblem.file}`,
      'already-imported': onlyProblem.file,
      warning: onlyProblem.file,
    };
    const kind = onlyProblem.kind === 'already-imported' ? 'info' : 'error';
    return { kind, title: titles[onlyProblem.kind], detail: onlyProblem.message };
  }
  const problemText = problemCount > 0 ? ` ${problemsLine(problems, problemCount)}` : '';
  if (filesImported === 0) {
    const kind = problems.every((problem) => problem.kind === 'already-imported')
      ? 'info'
      : 'error';
    return {
      kind,
      title: `${plural(problemCount, 'file')} not imported`,
      detail: problemText.trim(),
    };
  }
  const title =
    filesImported === 1 && progress.lastFile !== null
      ? `Imported ${progress.lastFile}`
      : `Imported ${plural(filesImported, 'file')} · ${plural(progress.papers, 'paper')}`;
  const kind = problemCount > 0 || progress.warnings > 0 ? 'warning' : 'success';
  return { kind, title, detail: `${countsLine(progress)}${problemText}` };
}
