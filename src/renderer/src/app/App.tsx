import { getPaperQueueApi } from '../platform/paper-queue-api';
import { PreUpgradeGate } from '../features/backup/PreUpgradeGate';
import { ErrorBoundary } from '../features/errors/ErrorBoundary';
import { ErrorNotice } from '../features/errors/ErrorNotice';
import { useFlushRequests } from '../features/notes/use-flush-requests';
import { reloadWindow } from '../features/errors/reload-window';
import { LibraryGate } from '../features/storage/LibraryGate';
import { ToastStack } from '../features/toasts/ToastStack';
import { AppShell } from './AppShell';

/**
 * Root: the shell when running inside Paper Queue, an explanation otherwise. The shell renders
 * only once the library is open (`LibraryGate`), and an error anywhere below shows a message with
 * a way out instead of a blank window.
 */
export function App(): React.JSX.Element {
  const api = getPaperQueueApi();
  useFlushRequests(api);
  if (!api) {
    return (
      <main className="empty-state">
        <h1>Paper Queue must run inside its desktop app</h1>
        <p className="muted">
          This page was opened without the app's bridge, so it cannot import or store anything.
        </p>
      </main>
    );
  }
  return (
    <>
      <ErrorBoundary
        fallback={(error) => (
          <main className="empty-state">
            <ErrorNotice title="Paper Queue could not show this window" error={error}>
              <button type="button" className="primary" onClick={reloadWindow}>
                Reload the window
              </button>
            </ErrorNotice>
          </main>
        )}
      >
        <PreUpgradeGate api={api}>
          <LibraryGate>
            <AppShell api={api} />
          </LibraryGate>
        </PreUpgradeGate>
      </ErrorBoundary>
      <ToastStack />
    </>
  );
}
