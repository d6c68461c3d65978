import { dismissToast, useToasts } from './toast-store';

/** Renders the toasts in the corner; announced politely to screen readers. */
export function ToastStack(): React.JSX.Element {
  const toasts = useToasts();
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast" data-kind={toast.kind} data-testid="toast">
          <div className="toast-body">
            <strong>{toast.title}</strong>
            {toast.detail ? <div className="muted">{toast.detail}</div> : null}
            {toast.progress !== undefined ? (
              <div className="progress" aria-label="Import progress">
                <div style={{ width: `${Math.round(toast.progress * 100)}%` }} />
              </div>
            ) : null}
          </div>
          {toast.action ? (
            <button
              type="button"
              onClick={() => {
                toast.action?.run();
                dismissToast(toast.id);
              }}
            >
              {toast.action.label}
            </button>
          ) : null}
          <button
            type="button"
            className="link"
            aria-label="Dismiss"
            onClick={() => dismissToast(toast.id)}
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
