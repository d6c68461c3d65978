import { useCallback, useState } from 'react';
import type { PaperQueueApi } from '../../../shared/ipc-contract';
import type { MenuCommand } from '../../../shared/settings';
import { useViewCounts } from '../db';
import { useDropAndPaste } from '../features/import/use-drop-and-paste';
import { useImportPipeline } from '../features/import/use-import-pipeline';
import { EmptyState } from '../features/onboarding/EmptyState';
import { useAppState } from './use-app-state';

/** The window's layout: toolbar, sidebar, list and detail, or the first-run screen. */
export function AppShell({ api }: { readonly api: PaperQueueApi }): React.JSX.Element {
  const [, setMenuCommand] = useState<MenuCommand | null>(null);
  const onMenu = useCallback((command: MenuCommand) => setMenuCommand(command), []);
  const state = useAppState(api, onMenu);
  useImportPipeline(api);
  const dragging = useDropAndPaste(api);
  const counts = useViewCounts();

  return (
    <div className="app-shell">
      <header className="app-toolbar">
        <span className="app-title">Paper Queue</span>
        <span className="spacer" />
        <button type="button" onClick={state.importFiles} disabled={state.busy}>
          Import…
        </button>
      </header>
      {state.inbox?.state === 'error' ? (
        <div className="status-banner" data-kind="error" role="alert">
          {state.inbox.message}{' '}
          <button type="button" className="link" onClick={state.chooseInbox}>
            Choose another folder…
          </button>
        </div>
      ) : null}
      <nav className="sidebar" aria-label="Views">
        <div className="sidebar-item" aria-current="page">
          All papers{' '}
          <span className="count" data-testid="count-all">
            {counts?.all ?? 0}
          </span>
        </div>
      </nav>
      {counts && counts.all === 0 ? (
        <div style={{ gridColumn: '2 / -1', overflowY: 'auto' }}>
          <EmptyState
            settings={state.settings}
            busy={state.busy}
            onLoadSamples={state.loadSamples}
            onImportFiles={state.importFiles}
            onOpenInbox={state.openInbox}
          />
        </div>
      ) : null}
      {dragging ? <div className="drop-overlay">Drop listing dumps to import them</div> : null}
    </div>
  );
}
