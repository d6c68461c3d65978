import { Component, type ErrorInfo, type ReactNode } from 'react';

/** Props: what to show instead of the children after they threw, and when to try them again. */
export interface ErrorBoundaryProps {
  readonly fallback: (error: unknown, reset: () => void) => ReactNode;
  /** When any of these change (e.g. another paper is shown), the children are tried again. */
  readonly resetKeys?: readonly unknown[];
  readonly children: ReactNode;
}

interface ErrorBoundaryState {
  readonly failure: { readonly error: unknown } | null;
  readonly keys: readonly unknown[];
}

const NO_KEYS: readonly unknown[] = [];

function sameKeys(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((key, index) => Object.is(key, b[index]));
}

/**
 * Keeps an error thrown while rendering (or by `useLiveQuery`, which rethrows a failed query)
 * inside the part of the window that failed: that part shows `fallback`, the rest keeps working.
 * Without one, React unmounts the whole tree and the window goes blank.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failure: null, keys: this.props.resetKeys ?? NO_KEYS };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { failure: { error } };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    const keys = props.resetKeys ?? NO_KEYS;
    if (sameKeys(keys, state.keys)) return null;
    return { keys, failure: null };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A part of the window failed to render', error, info.componentStack);
  }

  private readonly reset = (): void => this.setState({ failure: null });

  override render(): ReactNode {
    const { failure } = this.state;
    return failure ? this.props.fallback(failure.error, this.reset) : this.props.children;
  }
}
