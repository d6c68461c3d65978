import { formatCount, plural } from '../import/import-progress';
import { importState, originLabel, type ImportGroup } from './import-groups';
import { ImportFileItem } from './ImportFileItem';
import './imports-view.css';

/**
 * One run of Import History (a drop, a scan…): its totals on one line, its files behind a
 * disclosure (a run of one file shows that file directly).
 */
export function ImportRunItem(props: {
  readonly group: ImportGroup;
  readonly isActive: (runId: string) => boolean;
}): React.JSX.Element {
  const { group, isActive } = props;
  const states = group.files.map((record) => importState(record, isActive));
  const interrupted = states.filter((state) => state === 'interrupted').length;
  const when = (group.finishedAt ?? group.startedAt).replace('T', ' ').slice(0, 16);
  const status = group.finishedAt
    ? `imported ${when}`
    : interrupted > 0
      ? `${plural(interrupted, 'file')} interrupted`
      : 'in progress';
  const files = group.files.map((record, index) => (
    <ImportFileItem key={record.importId} record={record} state={states[index] ?? 'imported'} />
  ));
  return (
    <li className="import-run" data-testid="import-run">
      <div>
        <strong>{originLabel(group.origins)}</strong>{' '}
        <span className="muted">
          · {plural(group.files.length, 'file')} · {status}
        </span>
      </div>
      <div className="muted" data-testid="import-run-totals">
        {formatCount(group.totalPapers)} {group.totalPapers === 1 ? 'entry' : 'entries'}:{' '}
        {formatCount(group.added)} new, {formatCount(group.updated)} updated,{' '}
        {formatCount(group.unchanged)} unchanged
        {group.warnings > 0 ? ` · ${plural(group.warnings, 'warning')}` : ''}
      </div>
      {group.files.length === 1 ? (
        <ul className="import-list">{files}</ul>
      ) : (
        <details>
          <summary>Files</summary>
          <ul className="import-list">{files}</ul>
        </details>
      )}
    </li>
  );
}
