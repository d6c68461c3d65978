import { progressLine, useRunningImport } from './import-progress';
import './import-activity.css';

/**
 * The one unobtrusive indicator of a running import (a drop, a folder scan, files arriving in the
 * inbox): "File 120 of 569 · 2,031 papers" with a thin bar, in the toolbar. Nothing while idle.
 */
export function ImportActivity(): React.JSX.Element | null {
  const progress = useRunningImport();
  if (!progress) return null;
  const total = Math.max(progress.filesTotal, 1);
  const line = progressLine(progress);
  return (
    <div
      className="import-activity"
      data-testid="import-activity"
      role="progressbar"
      aria-label={`Importing: ${line}`}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={progress.filesDone}
      title={progress.lastFile ? `Importing ${progress.lastFile}` : 'Importing'}
    >
      <span className="import-activity-label">Importing · {line}</span>
      <span className="import-activity-bar" aria-hidden="true">
        <span style={{ width: `${Math.round((progress.filesDone / total) * 100)}%` }} />
      </span>
    </div>
  );
}
