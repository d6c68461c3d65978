import { getPaperQueueApi } from '../platform/paper-queue-api';
import { PreUpgradeGate } from '../features/backup/PreUpgradeGate';
import { ToastStack } from '../features/toasts/ToastStack';
import { AppShell } from './AppShell';

/** Root: the shell when running inside Paper Queue, an explanation otherwise. */
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
      <PreUpgradeGate api={api}>
        <AppShell api={api} />
      </PreUpgradeGate>
      <ToastStack />
    </>
  );
}
