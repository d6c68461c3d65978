import type { PaperStatus } from '../../db';
import { changeStatus, type PaperRef } from './library-actions';

const BUTTONS: readonly {
  readonly status: PaperStatus;
  readonly label: string;
  readonly key: string;
}[] = [
  { status: 'queued', label: 'Queue', key: 'Q' },
  { status: 'reading', label: 'Reading', key: 'S' },
  { status: 'read', label: 'Read', key: 'R' },
  { status: 'dismissed', label: 'Dismiss', key: 'D' },
  { status: 'inbox', label: 'Inbox', key: '' },
];

/** Segmented control for a paper's status (or several papers' in bulk). */
export function StatusControls({
  papers,
  current,
}: {
  readonly papers: readonly PaperRef[];
  readonly current: PaperStatus | null;
}): React.JSX.Element {
  return (
    <div className="status-controls" role="group" aria-label="Status">
      {BUTTONS.map(({ status, label, key }) => (
        <button
          key={status}
          type="button"
          aria-pressed={current === status}
          title={key ? `${label} (${key})` : label}
          onClick={() => void changeStatus(papers, status)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
