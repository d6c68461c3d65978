import { errorMessage } from '../../../../shared/error-message';
import type { ReactNode } from 'react';
import { describeDbError, isLibraryError } from '../../db';

/** A sentence about a render error: storage failures in words, anything else by its message. */
export function describeRenderError(error: unknown): string {
  if (isLibraryError(error)) return describeDbError(error);
  const message = errorMessage(error);
  return `The error was: ${message.split('\n')[0] ?? ''}`;
}

/** Props: a title saying what could not be shown, the error, and the ways out (buttons). */
export interface ErrorNoticeProps {
  readonly title: string;
  readonly error: unknown;
  readonly children: ReactNode;
}

/** What a failed part of the window shows instead of going blank: what failed, why, what now. */
export function ErrorNotice({ title, error, children }: ErrorNoticeProps): React.JSX.Element {
  return (
    <div className="error-notice" role="alert" data-testid="error-notice">
      <h2>{title}</h2>
      <p>{describeRenderError(error)}</p>
      <p className="muted">Nothing in your library was changed or lost.</p>
      <div className="actions">{children}</div>
    </div>
  );
}
