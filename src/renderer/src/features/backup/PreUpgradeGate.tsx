import { useEffect, useState } from 'react';
import { errorMessage } from '../../../../shared/error-message';
import type { PaperQueueApi } from '../../../../shared/ipc-contract';
import { snapshotBeforeUpgrade } from '../../db';
import { writeBackup } from './backup-runner';

/** The one check per page load (React may mount the gate twice in development). */
let check: Promise<unknown> | null = null;

function snapshotOnce(api: PaperQueueApi): Promise<unknown> {
  check ??= snapshotBeforeUpgrade((version, dump) =>
    writeBackup(api, 'pre-upgrade', version, dump),
  );
  return check;
}

/**
 * Renders its children (which open the library) only after the snapshot before a schema upgrade:
 * when the stored library is older than this version, it is snapshotted first. If that fails, the
 * user decides: try again, or upgrade without a snapshot.
 */
export function PreUpgradeGate(props: {
  readonly api: PaperQueueApi;
  readonly children: React.ReactNode;
}): React.JSX.Element | null {
  const { api } = props;
  const [state, setState] = useState<'checking' | 'ready' | { readonly error: string }>('checking');
  useEffect(() => {
    if (state !== 'checking') return;
    let live = true;
    snapshotOnce(api).then(
      () => live && setState('ready'),
      (error: unknown) => {
        check = null;
        if (live) setState({ error: errorMessage(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [api, state]);
  if (state === 'ready') return <>{props.children}</>;
  if (state === 'checking') return null;
  return (
    <main className="empty-state" role="alert">
      <h1>Paper Queue could not save a snapshot before upgrading your library</h1>
      <p>{state.error}</p>
      <p className="muted">
        This version stores the library in a newer format. Before converting it, Paper Queue saves a
        copy in the snapshots folder, and that failed. Free some disk space and try again, or
        upgrade without a snapshot.
      </p>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={() => setState('checking')}>
          Try Again
        </button>
        <button type="button" onClick={() => setState('ready')}>
          Upgrade Without a Snapshot
        </button>
      </div>
    </main>
  );
}
