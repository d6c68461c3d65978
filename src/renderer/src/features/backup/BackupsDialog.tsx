import { useEffect, useState } from 'react';
import type { SnapshotInfo } from '../../../../shared/backup-types';
import { errorMessage } from '../../../../shared/error-message';
import type { PaperQueueApi } from '../../../../shared/ipc-contract';
import { formatBytes, formatTime, KIND_LABELS } from './format';
import { useModal } from './use-modal';

/** Props: the bridge, what to do for each action, and a counter that changes after new snapshots. */
export interface BackupsDialogProps {
  readonly api: PaperQueueApi;
  readonly revision: number;
  readonly onBackUp: () => void;
  readonly onRestoreFile: () => void;
  readonly onRestoreSnapshot: (name: string) => void;
  readonly onClose: () => void;
}

/** The automatic snapshots (kind, date, size, Restore) and the backup actions. */
export function BackupsDialog(props: BackupsDialogProps): React.JSX.Element {
  const { api, revision } = props;
  const dialog = useModal();
  const [snapshots, setSnapshots] = useState<readonly SnapshotInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.listSnapshots().then(
      (list) => live && setSnapshots(list),
      (error: unknown) => live && setProblem(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [api, revision]);
  const reveal = (): void => {
    api.revealSnapshots().catch((error: unknown) => setProblem(errorMessage(error)));
  };
  return (
    <dialog
      ref={dialog}
      className="modal backup-dialog"
      aria-labelledby="backups-title"
      data-testid="backups-dialog"
      onClose={props.onClose}
      onCancel={props.onClose}
    >
      <h2 id="backups-title">Backups</h2>
      <p className="muted">
        Paper Queue keeps a snapshot of the library every day it runs, before every upgrade of the
        library and before every restore: the last 7 days, one per week for 4 more weeks.
      </p>
      <div className="modal-section">
        <button type="button" className="primary" onClick={props.onBackUp}>
          Back Up Now…
        </button>
        <button type="button" onClick={props.onRestoreFile}>
          Restore from File…
        </button>
        <button type="button" className="link" onClick={reveal}>
          Open snapshots folder
        </button>
      </div>
      {problem ? (
        <p role="alert" className="backup-problem">
          {problem}
        </p>
      ) : null}
      {snapshots === null ? <p className="muted">Loading snapshots…</p> : null}
      {snapshots?.length === 0 ? <p className="muted">No snapshots yet.</p> : null}
      {snapshots && snapshots.length > 0 ? (
        <div className="backup-table-scroll">
          <table className="backup-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Kind</th>
                <th scope="col">Size</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((snapshot) => (
                <tr key={snapshot.name} data-testid="snapshot-row">
                  <td>{formatTime(snapshot.createdAt)}</td>
                  <td>{KIND_LABELS[snapshot.kind]}</td>
                  <td>{formatBytes(snapshot.bytes)}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => props.onRestoreSnapshot(snapshot.name)}
                      aria-label={`Restore the snapshot of ${formatTime(snapshot.createdAt)}`}
                    >
                      Restore…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="modal-actions">
        <span className="spacer" />
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
