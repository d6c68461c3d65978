import type { ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { ErrorNotice } from './ErrorNotice';

/** Props: the pane it guards (its class keeps the layout), when to retry, extra ways out. */
export interface PaneBoundaryProps {
  /** The guarded pane's class name: the notice takes the pane's place in the layout. */
  readonly paneClassName: string;
  /** Completes "… could not be shown", e.g. "This paper". */
  readonly what: string;
  readonly resetKeys?: readonly unknown[];
  readonly actions?: ReactNode;
  readonly children: ReactNode;
}

/** A pane that fails to render shows why, with Try again, where it was; the others keep working. */
export function PaneBoundary(props: PaneBoundaryProps): React.JSX.Element {
  return (
    <ErrorBoundary
      {...(props.resetKeys ? { resetKeys: props.resetKeys } : {})}
      fallback={(error, reset) => (
        <section className={props.paneClassName} aria-label={props.what}>
          <ErrorNotice title={`${props.what} could not be shown`} error={error}>
            {props.actions}
            <button type="button" onClick={reset}>
              Try again
            </button>
          </ErrorNotice>
        </section>
      )}
    >
      {props.children}
    </ErrorBoundary>
  );
}
