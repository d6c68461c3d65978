import {
  dismissAllToasts,
  dismissToast,
  holdToasts,
  MAX_VISIBLE_TOASTS,
  useToasts,
  type Toast,
} from './toast-store';

function ToastCard({ toast }: { readonly toast: Toast }): React.JSX.Element {
  return (
    <div className="toast" data-kind={toast.kind} data-testid="toast">
      <div className="toast-body">
        <strong>{toast.title}</strong>
        {toast.repeats !== undefined && toast.repeats > 1 ? (
          <span className="toast-repeats" data-testid="toast-repeats">
            ×{toast.repeats}
          </span>
        ) : null}
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
        className="icon-button"
        aria-label="Dismiss"
        title="Dismiss"
        onClick={() => dismissToast(toast.id)}
      >
        ✕
      </button>
    </div>
  );
}

/**
 * The newest few toasts in the bottom-left corner (away from the paper being read), with a line
 * counting older ones still waiting; announced politely to screen readers. Hovering pauses their
 * timers.
 */
export function ToastStack(): React.JSX.Element {
  const toasts = useToasts();
  const hidden = Math.max(0, toasts.length - MAX_VISIBLE_TOASTS);
  return (
    <div
      className="toasts"
      role="status"
      aria-live="polite"
      onMouseEnter={() => holdToasts(true)}
      onMouseLeave={() => holdToasts(false)}
    >
      {hidden > 0 ? (
        <div className="toast-more" data-testid="toast-more">
          {hidden} more message{hidden === 1 ? '' : 's'}
          <button type="button" className="link" onClick={dismissAllToasts}>
            Dismiss all
          </button>
        </div>
      ) : null}
      {toasts.slice(hidden).map((toast) => (
        <ToastCard key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
