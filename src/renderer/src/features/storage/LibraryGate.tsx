import type { ReactNode } from 'react';
import { CURRENT_SCHEMA_VERSION } from '../../db';
import { reloadWindow } from '../errors/reload-window';
import { useLibraryOpen, type LibraryOpenState } from './use-library-open';

type Problem = Exclude<LibraryOpenState, { kind: 'opening' } | { kind: 'ok' }>;

const NOTHING_LOST = 'Nothing in your library was changed or deleted.';

function explain(problem: Problem): { title: string; text: string } {
  switch (problem.kind) {
    case 'newer-version':
      return {
        title: 'Your library is from a newer version of Paper Queue',
        text: `It was last opened by a newer Paper Queue (library format ${problem.found}; this version reads format ${problem.supported} and older). To keep your papers, notes and tags safe, this version does not open or change it. ${NOTHING_LOST} Install the newer version of Paper Queue again to use your library.`,
      };
    case 'blocked':
      return {
        title: 'Waiting for another Paper Queue window',
        text: `Your library is being upgraded to this version's format, but another Paper Queue window still has it open. Close that window and this one continues by itself. ${NOTHING_LOST}`,
      };
    case 'upgrade-failed':
      return {
        title: 'Your library could not be upgraded',
        text: `Paper Queue has to upgrade your library from format ${problem.from} to ${CURRENT_SCHEMA_VERSION}, and the upgrade failed and was undone, so the library is still as it was. ${problem.detail}`,
      };
    case 'unavailable':
      return { title: 'Your library cannot be opened', text: problem.detail };
    case 'closed-by-other-window':
      return {
        title: 'Another Paper Queue window is upgrading your library',
        text: `This window closed the library so that the other window could upgrade it. Reload to go on with the upgraded library. ${NOTHING_LOST}`,
      };
  }
}

function StorageProblem({ problem, onRetry }: { problem: Problem; onRetry: () => void }) {
  const { title, text } = explain(problem);
  const action =
    problem.kind === 'closed-by-other-window' ? (
      <button type="button" className="primary" onClick={reloadWindow}>
        Reload
      </button>
    ) : problem.kind === 'blocked' ? null : (
      <button type="button" className="primary" onClick={onRetry}>
        {problem.kind === 'newer-version' ? 'Check again' : 'Try again'}
      </button>
    );
  return (
    <main className="empty-state" role="alert" data-testid="storage-problem">
      <h1>{title}</h1>
      <p>{text}</p>
      {action ? <div className="actions">{action}</div> : null}
    </main>
  );
}

/**
 * Renders `children` (the workspace) only once the library is open, and otherwise says, without
 * touching the library, why it is not: a newer version, a blocked or failed upgrade, storage
 * that is unavailable, or another window that took it over.
 */
export function LibraryGate({ children }: { readonly children: ReactNode }): React.JSX.Element {
  const { state, retry } = useLibraryOpen();
  if (state.kind === 'opening') {
    return (
      <main className="empty-state" aria-busy="true">
        <p className="muted">Opening your library…</p>
      </main>
    );
  }
  if (state.kind === 'ok') return <>{children}</>;
  return <StorageProblem problem={state} onRetry={retry} />;
}
