import { useState } from 'react';
import type { BackupSource } from '../../../../shared/backup-types';
import type { PaperQueueApi } from '../../../../shared/ipc-contract';
import { formatBytes, formatTime, KIND_LABELS } from './format';
import { RestorePreviewTable } from './RestorePreviewTable';
import { useModal } from './use-modal';
import { useRestore, type RestoreMode } from './use-restore';

/** Props: the bridge, what to restore, and how to close. */
export interface RestoreDialogProps {
  readonly api: PaperQueueApi;
  readonly source: BackupSource;
  readonly onClose: () => void;
}

/**
 * Restore from a backup or snapshot: checks the whole file first (a refused file shows why and
 * changes nothing), previews what each mode would do, then restores after a snapshot.
 */
export function RestoreDialog(props: RestoreDialogProps): React.JSX.Element {
  const dialog = useModal();
  const { state, restore } = useRestore(props.api, props.source, props.onClose);
  const [mode, setMode] = useState<RestoreMode>('merge');
  const busy = state.phase === 'reading' || state.phase === 'restoring';
  return (
    <dialog
      ref={dialog}
      className="modal backup-dialog"
      aria-labelledby="restore-title"
      data-testid="restore-dialog"
      onClose={props.onClose}
      onCancel={(event) => (busy ? event.preventDefault() : props.onClose())}
    >
      <h2 id="restore-title">Restore the library</h2>
      {state.phase === 'reading' ? (
        <p aria-live="polite">
          Checking the backup…{' '}
          {state.total > 0 ? `${Math.round((state.records / state.total) * 100)}%` : ''}
        </p>
      ) : null}
      {state.phase === 'refused' ? (
        <div role="alert" className="backup-problem" data-testid="restore-refused">
          <strong>{state.fileName} cannot be restored.</strong> {state.reason} Nothing was changed.
        </div>
      ) : null}
      {state.phase === 'failed' ? (
        <div role="alert" className="backup-problem" data-testid="restore-failed">
          {state.message}
        </div>
      ) : null}
      {state.phase === 'restoring' ? <p aria-live="polite">{state.step}</p> : null}
      {state.phase === 'ready' ? (
        <>
          <p>
            <strong>{state.backup.fileName}</strong>{' '}
            <span className="muted">
              · {KIND_LABELS[state.backup.header.kind]} of{' '}
              {formatTime(state.backup.header.createdAt)} · {formatBytes(state.backup.bytes)}
            </span>
          </p>
          <RestorePreviewTable preview={state.preview} mode={mode} onModeChange={setMode} />
        </>
      ) : null}
      <div className="modal-actions">
        <span className="spacer" />
        <button type="button" onClick={props.onClose} disabled={busy}>
          {state.phase === 'ready' ? 'Cancel' : 'Close'}
        </button>
        {state.phase === 'ready' ? (
          <button
            type="button"
            className={mode === 'replace' ? 'danger' : 'primary'}
            onClick={() => restore(mode)}
          >
            {mode === 'merge' ? 'Merge into Library' : 'Replace Library'}
          </button>
        ) : null}
      </div>
    </dialog>
  );
}
