import { getPaperQueueApi } from '../platform/paper-queue-api';
import { LibraryGate } from '../features/storage/LibraryGate';
import { ToastStack } from '../features/toasts/ToastStack';
import { AppShell } from './AppShell';

/**
 * Root: the shell when running inside Paper Queue, an explanation otherwise. The shell renders
 * only once the library is open (`LibraryGate`).
 */
export function App(): React.JSX.Element {
  const api = getPaperQueueApi();
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
      <LibraryGate>
        <AppShell api={api} />
      </LibraryGate>
      <ToastStack />
    </>
  );
}
