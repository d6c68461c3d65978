import type { ImportRecord } from '../../db';
import { formatCount } from '../import/import-progress';
import type { ImportState } from './import-groups';

function stamp(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}

/** One imported file: when, its listing date, its counts and its parser warnings. */
export function ImportFileItem(props: {
  readonly record: ImportRecord;
  readonly state: ImportState;
}): React.JSX.Element {
  const { record, state } = props;
  const status =
    state === 'imported'
      ? `imported ${stamp(record.finishedAt ?? '')}`
      : state === 'in progress'
        ? `in progress (${record.batchesDone}/${record.totalBatches})`
        : 'interrupted: imported again at the next start if the file is still in the inbox';
  return (
    <li className="import-item" data-testid="import-item" data-state={state}>
      <div>
        <strong>{record.file}</strong> <span className="muted">· {record.format} format</span>
      </div>
      <div className="muted">
        {status}
        {record.listingDate ? ` · listing of ${record.listingDate}` : ''} ·{' '}
        {formatCount(record.totalPapers)} entries: {formatCount(record.added)} new,{' '}
        {formatCount(record.updated)} updated, {formatCount(record.unchanged)} unchanged
      </div>
      {record.diagnostics.length > 0 ? (
        <details>
          <summary>
            {record.diagnostics.length} warning{record.diagnostics.length === 1 ? '' : 's'}
          </summary>
          <ul className="diagnostics">
            {record.diagnostics.map((diagnostic, index) => (
              <li key={index}>
                {record.file}
                {diagnostic.line !== null ? `:${diagnostic.line}` : ''}: {diagnostic.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}
